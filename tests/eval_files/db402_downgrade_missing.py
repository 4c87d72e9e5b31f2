# select: DB402
"""A migration with no downgrade() at all: reported on upgrade()."""
import alembic.op as op

revision = "d4e5f6a7b8c9"
down_revision = "c3d4e5f6a7b8"


def upgrade():  # DB402
    op.create_index("ix_users_nickname", "users", ["nickname"])
