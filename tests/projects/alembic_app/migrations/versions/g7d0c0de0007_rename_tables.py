# select: DB405
"""rename the legacy tables by a loop: the names are not literal

Revision ID: g7d0c0de0007
Revises: g6c0de000006

After this revision any table created before it may be gone or renamed, so
foreign keys of earlier revisions are not judged any more; a foreign key added
here or later still is.
"""
from alembic import op
import sqlalchemy as sa

revision = 'g7d0c0de0007'
down_revision = 'g6c0de000006'
branch_labels = None
depends_on = None

_RENAMES = {'legacyusers': 'legacy_users'}


def upgrade() -> None:
    for old_name, new_name in _RENAMES.items():
        op.rename_table(old_name, new_name)
    op.add_column('legacy_users', sa.Column('team_id', sa.Integer(), sa.ForeignKey('teams.id'),  # DB405
                                            nullable=True))


def downgrade() -> None:
    op.drop_column('legacy_users', 'team_id')
    for old_name, new_name in _RENAMES.items():
        op.rename_table(new_name, old_name)
