# select: DB403
"""Helpers and loops hide operations: the rule stays silent."""
import sqlalchemy as sa
from alembic import op

revision = "4e5f60718293"
down_revision = "3d4e5f607182"

AUDITED = ("orders", "invoices")


def _drop_audit_columns(table: str) -> None:
    op.drop_column(table, "created_by")


def upgrade() -> None:
    for table in AUDITED:
        op.add_column(table, sa.Column("created_by", sa.Integer(), nullable=True))
    op.add_column("users", sa.Column("created_by", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column("users", "created_by")
    for table in AUDITED:
        _drop_audit_columns(table)
