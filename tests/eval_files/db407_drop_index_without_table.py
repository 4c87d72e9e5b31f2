# select: DB407
"""drop_index without table_name, in a migration that creates no table."""
from alembic import op

revision = "a0b1c2d3e4f5"
down_revision = "d7485960a7b8"


def upgrade() -> None:
    op.drop_index("ix_orders_old")  # DB407


def downgrade() -> None:
    op.create_index("ix_orders_old", "orders", ["legacy_ref"], postgresql_concurrently=True)
