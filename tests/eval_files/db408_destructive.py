# select: DB408
"""Destructive steps in upgrade()."""
import sqlalchemy as sa
from alembic import op

revision = "e85960a7b8c9"
down_revision = "d7485960a7b8"


def upgrade() -> None:
    op.drop_column("users", "fullname")  # DB408
    op.drop_table("legacy_tokens")  # DB408
    op.alter_column("users", "age", type_=sa.SmallInteger(), existing_type=sa.Integer())  # DB408
    op.alter_column("users", "mail", new_column_name="email")  # DB408
    with op.batch_alter_table("orders") as batch_op:
        batch_op.drop_column("coupon")  # DB408
        batch_op.alter_column("total", nullable=False, existing_type=sa.Numeric(10, 2))
    op.alter_column("users", "email", existing_type=sa.String(255), nullable=False)
    op.add_column("users", sa.Column("display_name", sa.String(100), nullable=True))
    op.drop_index("ix_users_mail", table_name="users")


def downgrade() -> None:
    op.drop_column("users", "display_name")
    op.alter_column("users", "email", new_column_name="mail")
    op.alter_column("users", "age", type_=sa.Integer(), existing_type=sa.SmallInteger())
    op.drop_table("legacy_tokens_v2")
