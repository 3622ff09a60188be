"""denial analytics' SLA figures by verdict (met, missed, unacted) per day opened and month, and the
unacted and waiting denials per due day, from each denial's `sla_due` (made to agree with its day opened
first); the indexes that read the due days still ahead, the totals, and the top root causes' CARCs and
actions apart

Revision ID: a8d2f4b6c1e9
Revises: c4e6b8d0f2a5
Create Date: 2026-12-03 04:40:00
"""
from alembic import op
from sqlalchemy import text

from services.denials.adapters import analytics_figures
from services.denials.domain.queue import sla_due

revision = 'a8d2f4b6c1e9'
down_revision = 'c4e6b8d0f2a5'
branch_labels = None
depends_on = None


def _due_days_agree_with_days_opened() -> None:
    """The analytics counted 10 business days from the UTC day a denial opened; `sla_due` was counted
    from the service's clock in the same transaction, so it can differ across a midnight. The figures
    now read `sla_due`: where it differs, it takes the analytics' day, so their answers stay the same."""
    bind = op.get_bind()
    bind.execute(text("LOCK TABLE denial IN SHARE MODE"))
    opened = bind.execute(text("SELECT DISTINCT (opened_at AT TIME ZONE 'UTC')::date FROM denial "
                               "WHERE opened_at IS NOT NULL")).scalars().all()
    if opened:
        bind.execute(text("UPDATE denial d SET sla_due = m.due FROM unnest(CAST(:days AS date[]), CAST(:dues AS date[])) "
                          "AS m(day, due) WHERE (d.opened_at AT TIME ZONE 'UTC')::date = m.day AND d.sla_due <> m.due"),
                     {"days": list(opened), "dues": [sla_due(day) for day in opened]})


def upgrade() -> None:
    _due_days_agree_with_days_opened()
    analytics_figures.upgrade_due_days(op)


def downgrade() -> None:
    analytics_figures.downgrade_due_days(op)
