"""Release marker: a revision with no operations and no alembic import.

Revision ID: e6c0de000005
Revises: e5a0b0de0005

It still links f6b0c0de0006 to e5a0b0de0005 in the revision chain.
"""

revision = "e6c0de000005"
down_revision = "e5a0b0de0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
