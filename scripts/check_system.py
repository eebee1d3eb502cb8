"""Check that the system tools and fonts the project needs are present.

`make test` runs this before any test so that a missing Debian package is
reported by name, with the package that brings it, instead of surfacing later
as an unrelated assertion (a report title wrapping because LibreOffice fell
back to a wider font, say). The list lives in scripts/system-packages.tsv,
which the Makefile also reads to install the packages: one list, two uses.

Standard library only: it must run before the virtualenv exists.
"""

from __future__ import annotations

import argparse
import ctypes.util
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

DEFAULT_LIST = Path(__file__).with_name("system-packages.tsv")


@dataclass(frozen=True)
class Requirement:
    kind: str  # command | tesseract-lang | font | library
    what: str
    package: str
    needed_by: str


def read_requirements(path: Path) -> list[Requirement]:
    requirements = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 3:
            raise SystemExit(f"{path}:{number}: expected kind, what, package separated by tabs")
        kind, what, package = fields[:3]
        if kind not in {"command", "tesseract-lang", "font", "library"}:
            raise SystemExit(f"{path}:{number}: unknown kind {kind!r}")
        needed_by = fields[3] if len(fields) > 3 else ""
        requirements.append(Requirement(kind, what, package, needed_by))
    return requirements


def _command_output(*args: str) -> str | None:
    try:
        done = subprocess.run(args, capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout + done.stderr


def is_present(requirement: Requirement) -> bool:
    if requirement.kind == "command":
        return shutil.which(requirement.what) is not None
    if requirement.kind == "library":  # a shared library a Python package loads (cffi)
        return ctypes.util.find_library(requirement.what) is not None
    if requirement.kind == "tesseract-lang":
        listing = _command_output("tesseract", "--list-langs")
        return listing is not None and requirement.what in listing.split()
    # A font: fc-match always answers with *some* font, so the family it picked
    # for Vietnamese text must be one we accept (the asked-for font or a
    # metric-compatible one). ":lang=vi" matters: Liberation 1.x has the name
    # but not the letters, and LibreOffice then prints ệ, ơ, ư in another font.
    accepted = requirement.what.split("|")
    picked = _command_output("fc-match", "-f", "%{family}", f"{accepted[0]}:lang=vi")
    if picked is None:
        return False
    families = {family.strip() for family in picked.split(",")}
    return any(family in families for family in accepted)


def missing_requirements(requirements: list[Requirement]) -> list[Requirement]:
    return [requirement for requirement in requirements if not is_present(requirement)]


def describe(requirement: Requirement) -> str:
    label = {
        "command": "command",
        "tesseract-lang": "Tesseract language",
        "font": "font",
        "library": "library",
    }
    shown = requirement.what.split("|")[0]
    return (
        f"  {label[requirement.kind]} {shown!r}: apt-get install {requirement.package}"
        f"  ({requirement.needed_by})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", type=Path, default=DEFAULT_LIST, help="requirements file")
    parser.add_argument(
        "--packages", action="store_true", help="print the Debian packages to install and exit"
    )
    options = parser.parse_args(argv)
    requirements = read_requirements(options.list)
    if options.packages:
        print(" ".join(sorted({requirement.package for requirement in requirements})))
        return 0
    missing = missing_requirements(requirements)
    if not missing:
        print(f"System check: all {len(requirements)} tools, languages and fonts present.")
        return 0
    print("System check failed: missing", file=sys.stderr)
    for requirement in missing:
        print(describe(requirement), file=sys.stderr)
    packages = " ".join(sorted({requirement.package for requirement in missing}))
    print(f"Install them (as root): apt-get install {packages}", file=sys.stderr)
    print("or run `make test` as root, which installs them.", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
