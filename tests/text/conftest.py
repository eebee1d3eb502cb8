"""The core's tests restore with the committed model.

Web and browser tests run in the same process and record officers' corrections
in an adaptation file that the shared model then follows (documents/adaptation.py);
a core test must not depend on which of those ran before it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from theodoi.text.restore.model import current_adaptation, use_adaptation


@pytest.fixture(autouse=True)
def _committed_restoration_model() -> Iterator[None]:
    previous = current_adaptation()
    use_adaptation(None)
    yield
    use_adaptation(previous)
