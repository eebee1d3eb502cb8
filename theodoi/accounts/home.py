"""What each role sees first on the home page. Placeholder until filled below."""

from __future__ import annotations

import datetime
from typing import Any


def home_context(user: Any, today: datetime.date) -> dict[str, Any]:
    return {"today": today}
