"""Dashboards: the numbers of a plan's reporting period, charts, drill-downs
and the aggregated report draft."""
