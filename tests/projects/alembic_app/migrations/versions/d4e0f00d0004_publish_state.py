# select: DB4
"""posts.state with a safe backfill through a lightweight table

Revision ID: d4e0f00d0004
Revises: c3d00d1e0003
Create Date: 2025-04-01 08:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.sql import column, table

revision = 'd4e0f00d0004'
down_revision = 'c3d00d1e0003'
branch_labels = None
depends_on = None

# the table as it is at this revision, not as app.models says today
posts = table(
    'posts',
    column('published_at', sa.DateTime(timezone=True)),
    column('state', sa.String(length=20)),
)


def upgrade() -> None:
    op.add_column('posts', sa.Column('state', sa.String(length=20), nullable=True))
    op.execute(
        posts.update()
        .where(posts.c.published_at.is_not(None))
        .values(state='published')
    )
    op.execute(posts.update().where(posts.c.published_at.is_(None)).values(state='draft'))
    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.alter_column('state', existing_type=sa.String(length=20), nullable=False)
    op.add_column('posts', sa.Column('views', sa.Integer(), nullable=False, server_default='0'))


def downgrade() -> None:
    op.drop_column('posts', 'views')
    op.drop_column('posts', 'state')
