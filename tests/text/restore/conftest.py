"""Shared fixtures: the committed model, loaded once per test session."""

from __future__ import annotations

import pytest

from theodoi.text.restore import RestoreModel, get_model


@pytest.fixture(scope="session")
def model() -> RestoreModel:
    return get_model()
