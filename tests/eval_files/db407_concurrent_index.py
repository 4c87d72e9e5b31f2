# select: DB407
"""Index builds on existing tables block writes unless CONCURRENTLY."""
import sqlalchemy as sa
from alembic import op

revision = "d7485960a7b8"
down_revision = "c63748596a7b"


def upgrade() -> None:
    op.create_index("ix_orders_customer_id", "orders", ["customer_id"])  # DB407
    op.create_index("ix_orders_created", "orders", ["created_at"],  # DB407
                    postgresql_concurrently=False)
    with op.get_context().autocommit_block():
        op.create_index("ix_orders_status", "orders", ["status"], postgresql_concurrently=True)
        op.drop_index("ix_orders_legacy", table_name="orders", postgresql_concurrently=True)
    # no table_name, and this migration creates a table: it may be that one's index
    op.drop_index("ix_refunds_legacy")
    with op.batch_alter_table("payments") as batch_op:
        batch_op.create_index("ix_payments_order_id", ["order_id"])  # DB407
    # a table created in this migration is empty: no one is writing to it yet
    op.create_table("refunds", sa.Column("id", sa.Integer(), primary_key=True),
                    sa.Column("order_id", sa.Integer(), nullable=False))
    op.create_index("ix_refunds_order_id", "refunds", ["order_id"])


def downgrade() -> None:
    op.drop_index("ix_refunds_order_id", table_name="refunds")
    op.drop_table("refunds")
    with op.batch_alter_table("payments") as batch_op:
        batch_op.drop_index("ix_payments_order_id")  # DB407
    op.drop_index("ix_orders_created", table_name="orders")  # DB407
    with op.get_context().autocommit_block():
        op.drop_index("ix_orders_status", table_name="orders", postgresql_concurrently=True)
    op.drop_index("ix_orders_customer_id", table_name="orders")  # DB407
