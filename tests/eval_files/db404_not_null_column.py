# select: DB404
"""NOT NULL columns added to tables that may hold rows."""
import sqlalchemy as sa
from alembic import op
from sqlalchemy import Column, String

revision = "718293041526"
down_revision = "607182930415"


def upgrade() -> None:
    op.add_column("accounts", sa.Column("status", sa.String(20), nullable=False))  # DB404
    op.add_column("accounts", Column("region", String(8), nullable=False, default="eu"))  # DB404
    op.add_column("accounts", sa.Column("tier", sa.String(8), nullable=False,  # DB404
                                        server_default=None))
    op.add_column("accounts", sa.Column("kind", sa.String(20), nullable=False,
                                        server_default="basic"))
    op.add_column("accounts", sa.Column("score", sa.Integer(), nullable=False,
                                        server_default=sa.text("0")))
    op.add_column("accounts", sa.Column("seq", sa.Integer(), sa.Identity(), nullable=False))
    op.add_column("accounts", sa.Column("note", sa.Text(), nullable=True))
    op.add_column("accounts", sa.Column("memo", sa.Text()))
    with op.batch_alter_table("accounts") as batch_op:
        batch_op.add_column(sa.Column("plan", sa.String(20), nullable=False))  # DB404
    # the safe sequence: nullable first, backfill, then NOT NULL
    op.add_column("accounts", sa.Column("currency", sa.String(3), nullable=True))
    op.execute("UPDATE accounts SET currency = 'EUR'")
    op.alter_column("accounts", "currency", existing_type=sa.String(3), nullable=False)
    # a table created in this migration has no rows yet
    op.create_table("invoices", sa.Column("id", sa.Integer(), primary_key=True))
    op.add_column("invoices", sa.Column("total", sa.Numeric(10, 2), nullable=False))


def downgrade() -> None:
    op.drop_table("invoices")
    op.drop_column("accounts", "currency")
    with op.batch_alter_table("accounts") as batch_op:
        batch_op.drop_column("plan")
    # restoring a dropped column is not reported
    op.add_column("accounts", sa.Column("legacy", sa.String(20), nullable=False))
