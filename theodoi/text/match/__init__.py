"""Coverage and comparison of plans: which theme and task of one plan the
other takes up, by lexical matching (BM25 over folded syllables) and,
optionally, sentence embeddings. Pure Python; no Django.
"""

from theodoi.text.match.compare import (
    DEFAULT,
    Comparison,
    Method,
    Settings,
    TaskMatch,
    ThemePair,
    compare,
)
from theodoi.text.match.plan import (
    Heading,
    PlanThemes,
    TaskText,
    Theme,
    from_json_dict,
    from_parse_result,
    themes_of,
)

__all__ = [
    "DEFAULT",
    "Comparison",
    "Heading",
    "Method",
    "PlanThemes",
    "Settings",
    "TaskMatch",
    "TaskText",
    "Theme",
    "ThemePair",
    "compare",
    "from_json_dict",
    "from_parse_result",
    "themes_of",
]
