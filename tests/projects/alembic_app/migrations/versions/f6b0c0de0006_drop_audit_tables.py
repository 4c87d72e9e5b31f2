# select: DB405
"""drop audit_log and comments.reviewer_id again

Revision ID: f6b0c0de0006
Revises: e6c0de000005
Create Date: 2025-06-10 09:30:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = 'f6b0c0de0006'
down_revision = 'e6c0de000005'
branch_labels = None
depends_on = None

# (index name, table, columns) of the foreign keys that lacked an index
_FK_INDEXES: list[tuple[str, str, list[str]]] = [
    ('ix_comments_moderator_id', 'comments', ['moderator_id']),
]
_MORE_FK_INDEXES = [('ix_posts_editor_id', 'posts', ['editor_id'])]


def upgrade() -> None:
    op.drop_table('audit_log')
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.drop_column('reviewer_id')
    for index_name, table_name, columns in _FK_INDEXES + _MORE_FK_INDEXES:
        op.create_index(index_name, table_name, columns, if_not_exists=True)


def downgrade() -> None:
    raise NotImplementedError("audit data is not restored")
