# select: DB405, DB406
"""audit_log and comments.reviewer_id, both without an index on their foreign key

Revision ID: e5a0b0de0005
Revises: d4e0f00d0004
Create Date: 2025-05-02 10:00:00.000000

A later revision (f6b0c0de0006) drops the table and the column again: the
foreign keys are not in the schema at head, so nothing is reported for them.
comments.approver_id survives and is reported. A helper module of the
migration environment itself (migrations/helpers.py, next to env.py) is not
application code.
"""
from alembic import op
import sqlalchemy as sa

from migrations.helpers import string_id

revision = 'e5a0b0de0005'
down_revision = 'd4e0f00d0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'audit_log',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('request_id', string_id(), nullable=True),
        sa.ForeignKeyConstraint(['user_id'], ['users.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reviewer_id', sa.Integer(), sa.ForeignKey('users.id'),
                                      nullable=True))
        batch_op.add_column(sa.Column('approver_id', sa.Integer(), sa.ForeignKey('users.id'),  # DB405
                                      nullable=True))
        # indexed by the loop over a table of rows in f6b0c0de0006
        batch_op.add_column(sa.Column('moderator_id', sa.Integer(), sa.ForeignKey('users.id'),
                                      nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.drop_column('moderator_id')
        batch_op.drop_column('approver_id')
        batch_op.drop_column('reviewer_id')
    op.drop_table('audit_log')
