# select: DB405
"""A helper that runs operations may create the index: the migration is not judged."""
from alembic import op


def _rename_index(batch_op, original_name: str, new_name: str, columns: list[str]) -> None:
    batch_op.drop_index(original_name)
    batch_op.create_index(new_name, columns)


def upgrade() -> None:
    with op.batch_alter_table("asset_alias_asset", schema=None) as batch_op:
        _rename_index(batch_op=batch_op, original_name="idx_old", new_name="idx_alias_id",
                      columns=["alias_id"])
        batch_op.create_foreign_key("asset_alias_fkey", "asset_alias", ["alias_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("asset_alias_asset", schema=None) as batch_op:
        batch_op.drop_constraint("asset_alias_fkey", type_="foreignkey")
        _rename_index(batch_op=batch_op, original_name="idx_alias_id", new_name="idx_old",
                      columns=["alias_id"])


revision = "e2f3a4b5c6d7"
down_revision = "d1e2f3a4b5c6"
