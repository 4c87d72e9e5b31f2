# select: DB403
"""Each upgrade operation needs its inverse in downgrade()."""
import sqlalchemy as sa
from alembic import op

revision = "1b2c3d4e5f60"
down_revision = "0a1b2c3d4e5f"

ORDERS = "orders"


def upgrade() -> None:
    op.add_column("users", sa.Column("nickname", sa.String(50), nullable=True))
    op.add_column("users", sa.Column("bio", sa.Text(), nullable=True))  # DB403
    op.add_column(ORDERS, sa.Column("note", sa.Text(), nullable=True))  # DB403
    op.create_index("ix_users_nickname", "users", ["nickname"])
    op.create_index(op.f("ix_users_created_at"), "users", ["created_at"])  # DB403
    # the downgrade drops the column: PostgreSQL drops its indexes with it
    op.add_column("users", sa.Column("handle", sa.String(30), nullable=True))
    op.create_index("ix_users_handle", "users", ["handle"])
    op.create_unique_constraint("uq_users_handle", "users", ["handle"])
    op.create_unique_constraint("uq_users_email", "users", ["email"])  # DB403
    op.create_foreign_key("fk_users_org", "users", "orgs", ["org_id"], ["id"])
    op.create_foreign_key("fk_users_team", "users", "teams", ["team_id"], ["id"])  # DB403
    # a drop_table in downgrade undoes everything on that table
    op.create_table("tags", sa.Column("id", sa.Integer(), primary_key=True))
    op.add_column("tags", sa.Column("label", sa.String(30), nullable=True))
    op.create_index("ix_tags_label", "tags", ["label"])
    op.create_table("labels", sa.Column("id", sa.Integer(), primary_key=True))  # DB403
    with op.batch_alter_table("projects") as batch_op:
        batch_op.add_column(sa.Column("archived", sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column("color", sa.String(7), nullable=True))  # DB403
    # the reverse direction too: what upgrade drops, downgrade restores
    op.drop_column("users", "legacy_flag")
    op.drop_column("users", "fax_number")  # DB403
    op.drop_index("ix_users_old_lookup", table_name="users")
    op.drop_index("ix_users_fax", table_name="users")  # DB403
    op.drop_table("audit_v1")
    # not among the checked pairs
    op.alter_column("users", "nickname", existing_type=sa.String(50), nullable=False)
    op.create_check_constraint("ck_users_age", "users", "age >= 0")


def downgrade() -> None:
    op.create_table("audit_v1", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_index("ix_users_old_lookup", "users", ["email", "id"])
    op.add_column("users", sa.Column("legacy_flag", sa.Boolean(), nullable=True))
    with op.batch_alter_table("projects") as batch_op:
        batch_op.drop_column("archived")
    op.drop_table("tags")
    op.drop_constraint("fk_users_org", "users", type_="foreignkey")
    op.drop_column("users", "handle")
    op.drop_index("ix_users_nickname", table_name="users")
    op.drop_column("users", "nickname")
