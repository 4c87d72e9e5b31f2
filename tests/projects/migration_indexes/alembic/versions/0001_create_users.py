# select: DB101,DB107,DB114
"""create users

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(255), nullable=False),
        sa.Column("username", sa.String(50), nullable=False),
        sa.Column("nickname", sa.String(50), nullable=False),
        sa.Column("city", sa.String(100), nullable=False),
        sa.Column("country", sa.String(2), nullable=False),
        sa.Column("organization_id", sa.Integer(), sa.ForeignKey("organizations.id")),
        sa.Column("team_id", sa.Integer(), sa.ForeignKey("teams.id")),
        sa.Column("tenant_id", sa.Integer(), sa.ForeignKey("tenants.id")),
        sa.Column("region_id", sa.Integer(), sa.ForeignKey("regions.id")),
        sa.Column("created_at", sa.DateTime(timezone=True)),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("email"),
        sa.UniqueConstraint("username", name="uq_users_username"),
        sa.Index("ix_users_organization_id", "organization_id"),
    )
    op.create_index(op.f("ix_users_nickname"), "users", ["nickname"])
    op.create_index(op.f("ix_users_region_id"), "users", ["region_id"], unique=False)
    op.create_index(op.f("ix_users_city"), "users", ["city"])
    op.create_index("ix_users_team_id", "users", ["team_id"])
    op.create_index("ix_users_country_score", "users", ["country", "score"])


def downgrade() -> None:
    op.drop_index("ix_users_country_score", table_name="users")
    op.drop_index("ix_users_team_id", table_name="users")
    op.drop_index(op.f("ix_users_city"), table_name="users")
    op.drop_index(op.f("ix_users_region_id"), table_name="users")
    op.drop_index(op.f("ix_users_nickname"), table_name="users")
    op.drop_table("users")
