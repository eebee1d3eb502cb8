"""Figures kept in an older shape (the per-task form's "chỉ tiêu | số liệu |
đơn vị" text, as one string or a list of lines, or a mapping) become today's
rows ``[{"label", "value", "unit"}]``. Reversible: going back leaves the rows
(the older form read them too)."""

from django.db import migrations


def to_rows(apps, schema_editor):  # type: ignore[no-untyped-def]
    from theodoi.reporting.figures import needs_rewrite, read_figures

    TaskReport = apps.get_model("reporting", "TaskReport")
    changed = []
    for report in TaskReport.objects.exclude(figures=[]).only("pk", "figures").iterator():
        if needs_rewrite(report.figures):
            report.figures = read_figures(report.figures)
            changed.append(report)
    TaskReport.objects.bulk_update(changed, ["figures"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("reporting", "0007_merge_20261207_1101")]

    operations = [migrations.RunPython(to_rows, migrations.RunPython.noop)]
