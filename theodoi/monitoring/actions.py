"""Named changes to monitoring data: one transaction each, the acting user passed in,
the audit trail written (see theodoi/audit/actions.py)."""
