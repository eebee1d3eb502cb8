"""Make (source, Tesseract-English OCR) page pairs from the corpus.

WHY: the restoration model needs to know how an OCR engine without the
Vietnamese model mangles Vietnamese letters ("sức" → "strc", "Đảng" → "Pang").
We learn that from data we make ourselves: render real corpus text to page
images with ``text2image`` (Debian tesseract-ocr) at scan-like resolutions
with its photocopier degradation (speckle, dilation/erosion, rotation,
exposure), OCR them with ``tesseract -l eng`` and keep both texts.

Usage: python scripts/restore_ocr_pairs.py --out build/restore/ocr --pages 260
       python scripts/restore_ocr_pairs.py --out build/restore/ocr-low --pages 140 \
           --profile low --seed 44
Pages come from the training split only unless ``--held-out`` is given (the
benchmark uses held-out pages).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from theodoi.text.restore.split import split_corpus  # noqa: E402
from theodoi.text.vietnamese import nfc  # noqa: E402

FONTS = ["Liberation Serif", "DejaVu Serif", "Liberation Sans", "DejaVu Sans"]
_MARKUP = re.compile(r"[*#|\\_>`]+")


def prose_lines(path: Path) -> list[str]:
    """Lines of running Vietnamese text (markup removed), re-wrapped like a page."""
    text = nfc(path.read_text(encoding="utf-8", errors="replace"))
    paragraphs = []
    for raw in text.splitlines():
        line = " ".join(_MARKUP.sub(" ", raw).split())
        words = line.split()
        if len(words) < 6 or "�" in line:
            continue
        paragraphs.append(line)
    lines: list[str] = []
    for paragraph in paragraphs:
        lines.extend(textwrap.wrap(paragraph, width=78))
    return lines


def page_text(files: list[Path], rng: random.Random, n_lines: int = 34) -> str:
    for _ in range(50):
        lines = prose_lines(rng.choice(files))
        if len(lines) >= n_lines:
            start = rng.randrange(0, len(lines) - n_lines + 1)
            return "\n".join(lines[start : start + n_lines]) + "\n"
    raise RuntimeError("no file long enough")


PROFILES = {
    # Clean office scans: 150-300 dpi, normal exposure.
    "standard": ([300, 250, 200, 150], [-1, 0, 0, 1]),
    # Poor scans and faxes: low resolution, light exposure; marks vanish and
    # dotted vowels merge ("ơ" → "a", "ộ" → "p").
    "low": ([150, 120, 120], [-2, -2, -1]),
}


def render_and_ocr(text: str, rng: random.Random, workdir: Path, profile: str = "standard") -> str:
    """Render ``text`` with random page settings, degrade, OCR with English."""
    src = workdir / "page.txt"
    src.write_text(text, encoding="utf-8")
    font = rng.choice(FONTS)
    resolutions, exposures = PROFILES[profile]
    resolution = rng.choice(resolutions)
    exposure = rng.choice(exposures)
    ptsize = rng.choice([11, 12, 13, 14])
    width, height = int(8.5 * resolution), int(11 * resolution)
    subprocess.run(
        [
            "text2image",
            "--text",
            str(src),
            "--outputbase",
            str(workdir / "img"),
            "--font",
            font,
            "--fonts_dir",
            "/usr/share/fonts",
            "--ptsize",
            str(ptsize),
            "--resolution",
            str(resolution),
            "--xsize",
            str(width),
            "--ysize",
            str(height),
            "--margin",
            str(resolution // 2),
            "--max_pages",
            "1",
            "--exposure",
            str(exposure),
            "--degrade_image",
        ],
        check=True,
        capture_output=True,
        cwd=workdir,
    )
    image = workdir / "img.tif"
    result = subprocess.run(
        ["tesseract", str(image), "-", "-l", "eng", "--psm", "6"],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "OMP_THREAD_LIMIT": "1"},
    )
    return result.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--out", type=Path, default=REPO / "build" / "restore" / "ocr")
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--seed", type=int, default=43)
    parser.add_argument("--held-out", action="store_true")
    parser.add_argument("--profile", choices=sorted(PROFILES), default="standard")
    args = parser.parse_args()
    train, held_out = split_corpus(args.corpus)
    files = held_out if args.held_out else train
    party = [p for p in files if "party" in p.parts]
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for index in range(args.pages):
            target = args.out / f"{index:04d}"
            if target.with_suffix(".ocr.txt").exists():
                rng.random()
                continue
            pool = party if party and rng.random() < 0.4 else files
            text = page_text(pool, rng)
            ocr = render_and_ocr(text, rng, Path(tmp), args.profile)
            target.with_suffix(".src.txt").write_text(text, encoding="utf-8")
            target.with_suffix(".ocr.txt").write_text(ocr, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
