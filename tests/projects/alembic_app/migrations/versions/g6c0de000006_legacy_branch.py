# select: DB405
"""legacy branch base: legacy_members.team_id without an index

Revision ID: g6c0de000006
Revises:

The next revision of this branch (g7d0c0de0007) renames tables by names that
cannot be read, so what happened to legacy_members afterwards is unknown and
its foreign key is not judged.
"""
from alembic import op
import sqlalchemy as sa

revision = 'g6c0de000006'
down_revision = None
branch_labels = ('legacy',)
depends_on = None


def upgrade() -> None:
    op.create_table(
        'legacy_members',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('team_id', sa.Integer(), sa.ForeignKey('teams.id'), nullable=True),
        sa.PrimaryKeyConstraint('id'),
    )


def downgrade() -> None:
    op.drop_table('legacy_members')
