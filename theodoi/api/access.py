"""The API has no access rules of its own: endpoints call the apps' helpers
(``documents.access``, ``plans.access``, ``reporting.access``), so the API and
the pages always agree on who sees what."""
