"""Default order status on the database side.

Revision ID: 0003_order_status_default
Revises: 0002_loyalty_and_barcode
Create Date: 2025-04-11 10:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_order_status_default"
down_revision = "0002_loyalty_and_barcode"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.alter_column(
        "orders",
        "status",
        existing_type=sa.String(20),
        server_default="pending",
    )


def downgrade() -> None:  # expect: DB402
    pass
