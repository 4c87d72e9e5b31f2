# select: DB4
"""comments.editor_id; drop the post_id index; posts.title index

Revision ID: c3d00d1e0003
Revises: b2c0ffee0002
Create Date: 2025-03-12 16:45:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = 'c3d00d1e0003'
down_revision = 'b2c0ffee0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('editor_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_comments_editor_id_users', 'users', ['editor_id'], ['id'])  # DB405
        batch_op.drop_index(batch_op.f('ix_comments_post_id'))  # DB407
    op.add_column('users', sa.Column('nickname', sa.String(length=50), nullable=True))
    op.create_index('ix_posts_title', 'posts', ['title'], unique=False)  # DB403, DB407


def downgrade() -> None:
    op.drop_column('users', 'nickname')
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_comments_post_id'), ['post_id'], unique=False)  # DB407
        batch_op.drop_constraint('fk_comments_editor_id_users', type_='foreignkey')
        batch_op.drop_column('editor_id')
