# select: DB4
"""add posts.slug and backfill it through today's ORM model

Revision ID: b2c0ffee0002
Revises: a1f0c0de0001
Create Date: 2025-02-03 09:30:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.models import Post  # DB406
from shared import text  # DB406

revision = 'b2c0ffee0002'
down_revision = 'a1f0c0de0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('posts', sa.Column('slug', sa.String(length=200), nullable=True))
    session = Session(bind=op.get_bind())
    for post in session.scalars(sa.select(Post)):
        post.slug = text.slugify(post.title)
    session.commit()


def downgrade() -> None:  # DB402
    pass
