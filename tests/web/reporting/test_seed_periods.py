"""The real seed plans (../shared/seeds, read, never copied): one period per
reporting year, none from the focal agency's report upward, none due before
its cut-off, and an undated plan starting no later than the year it cites."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from tests.web.builders import Org
from theodoi.documents.actions import import_document
from theodoi.documents.importing import SourceFile
from theodoi.reporting.models import Recurrence, ReportingPeriod

SEEDS = Path(__file__).resolve().parents[3].parent / "shared" / "seeds"
TODAY = datetime.date(2026, 12, 7)


@pytest.mark.seeds
@pytest.mark.slow
@pytest.mark.parametrize("prefix", ["000", "002", "003"])
def test_seed_periods(org: Org, personas, prefix: str, tmp_path, settings) -> None:
    found = sorted(SEEDS.glob(f"{prefix}_*")) if SEEDS.is_dir() else []
    if not found:
        pytest.skip(f"seed {prefix} not found in {SEEDS}")
    settings.MEDIA_ROOT = tmp_path / "media"
    source = SourceFile(found[0].name, found[0].read_bytes())
    document = import_document(personas.focal_officer, source, today=TODAY).document
    periods = list(
        ReportingPeriod.objects.filter(obligation__document=document).exclude(
            obligation__recurrence=Recurrence.ON_REQUEST
        )
    )
    assert periods, "every plan with a reporting duty gets periods"
    labels = [p.label for p in periods]
    assert len(labels) == len(set(labels)), labels  # no unit files a task twice
    assert all(p.due_date >= p.end for p in periods)
    if document.date is None:  # every seed cites documents of 2023–2024
        assert min(p.year for p in periods) <= 2024
