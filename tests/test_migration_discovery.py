"""Which migration files the model rules read to learn the indexes migrations create."""
from __future__ import annotations

from pathlib import Path

from flake8_fastapi_db.project.migrations import project_migrations

MIGRATION = '''
from alembic import op

revision = "{rev}"
down_revision = None


def upgrade():
    op.create_index("ix_{table}_{col}", "{table}", ["{col}"])


def downgrade():
    op.drop_index("ix_{table}_{col}", table_name="{table}")
'''


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_versions_subfolders_count_and_nested_projects_do_not(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", "")
    _write(tmp_path / "app" / "__init__.py", "")
    # per-dialect folders below versions/ (as prefect lays them out)
    _write(tmp_path / "migrations" / "versions" / "postgresql" / "a1_posts.py",
           MIGRATION.format(rev="a1", table="posts", col="author_id"))
    # a nested project (monorepo service, test fixture) is another project
    _write(tmp_path / "services" / "billing" / "pyproject.toml", "")
    _write(tmp_path / "services" / "billing" / "migrations" / "versions" / "b1_invoices.py",
           MIGRATION.format(rev="b1", table="invoices", col="order_id"))

    found = project_migrations(tmp_path / "app")

    assert found.leads("posts", "author_id")
    assert not found.leads("invoices", "order_id")
    assert project_migrations(tmp_path / "services" / "billing").leads("invoices", "order_id")


def test_without_project_directory_the_versions_folder_itself_is_read(tmp_path: Path) -> None:
    versions = tmp_path / "pkg" / "migrations" / "versions" / "sqlite"
    _write(versions / "c1_tags.py", MIGRATION.format(rev="c1", table="tags", col="label"))
    assert project_migrations(versions).leads("tags", "label")
