# select: DB405
"""drop audit_log and comments.reviewer_id again

Revision ID: f6b0c0de0006
Revises: e5a0b0de0005
Create Date: 2025-06-10 09:30:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = 'f6b0c0de0006'
down_revision = 'e5a0b0de0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_table('audit_log')
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.drop_column('reviewer_id')


def downgrade() -> None:
    raise NotImplementedError("audit data is not restored")
