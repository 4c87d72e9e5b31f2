"""Customer loyalty tier; product barcode.

Revision ID: 0002_loyalty_and_barcode
Revises: 0001_initial
Create Date: 2025-03-02 14:05:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from shop.models.orders import Customer  # expect: DB406

revision = "0002_loyalty_and_barcode"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(  # expect: DB404
        "customers", sa.Column("loyalty_tier", sa.String(16), nullable=False)
    )
    op.execute(sa.update(Customer.__table__).values(loyalty_tier="basic"))

    op.add_column("products", sa.Column("barcode", sa.String(32)))  # expect: DB403
    op.create_unique_constraint("uq_products_barcode", "products", ["barcode"])


def downgrade() -> None:
    op.drop_constraint("uq_products_barcode", "products", type_="unique")
    op.drop_column("customers", "loyalty_tier")
