# select: DB405
"""Elements of create_table built by helpers: read when the helper is in the migration."""
import sqlalchemy as sa
from alembic import op

from .common import audit_columns

revision = "c0d1e2f3a4b5"
down_revision = "b52637485960"


def _timestamps() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    ]


def _deleted_at() -> sa.Column:
    return sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True)


def _owner_index(table: str) -> sa.Index:
    return sa.Index(f"ix_{table}_owner_id", "owner_id")


def upgrade() -> None:
    # helpers that build no index: the foreign key is still unindexed
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        *_timestamps(),
        _deleted_at(),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"]),  # DB405
    )
    # a helper that builds an index, or one imported from elsewhere: not judged
    op.create_table(
        "vaults",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("owner_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        _owner_index("vaults"),
    )
    op.create_table(
        "notes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("author_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        *audit_columns(),
    )


def downgrade() -> None:
    op.drop_table("notes")
    op.drop_table("vaults")
    op.drop_table("orders")
