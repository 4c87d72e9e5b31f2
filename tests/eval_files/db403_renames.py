# select: DB403
"""Renamed tables and columns are one name for the inverse check."""
import sqlalchemy as sa
from alembic import op

revision = "607182930415"
down_revision = "5f6071829304"


def upgrade() -> None:
    op.rename_table("customer", "customers")
    op.add_column("customers", sa.Column("tier", sa.String(10), nullable=True))
    op.alter_column("customers", "fullname", new_column_name="display_name")
    op.add_column("customers", sa.Column("vat_id", sa.String(20), nullable=True))  # DB403


def downgrade() -> None:
    op.alter_column("customers", "display_name", new_column_name="fullname")
    op.rename_table("customers", "customer")
    op.drop_column("customer", "tier")
