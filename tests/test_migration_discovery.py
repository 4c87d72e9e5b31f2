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


def _revision(path: Path, rev: str, down: str | None, body: str) -> None:
    path.write_text(f"from alembic import op\nimport sqlalchemy as sa\n\nrevision = {rev!r}\n"
                    f"down_revision = {down!r}\n\n\ndef upgrade():\n{body}\n\n\n"
                    "def downgrade():\n    raise NotImplementedError\n")


def test_index_made_by_a_project_helper_counts_as_unknown_so_rules_stay_silent(
        tmp_path: Path) -> None:
    versions = tmp_path / "migrations" / "versions"
    versions.mkdir(parents=True)
    (tmp_path / "pyproject.toml").write_text("")
    _revision(versions / "a1.py", "a1", None,
              "    op.add_column('steps', sa.Column('run_id', sa.Integer()))")
    _revision(versions / "b2.py", "b2", "a1",
              "    create_index_if_missing('steps', ['run_id'])")
    found = project_migrations(tmp_path / "migrations")
    assert found.leads("steps", "run_id")
    assert not found.leads("other", "run_id")


def test_indexes_follow_a_literal_table_rename(tmp_path: Path) -> None:
    versions = tmp_path / "migrations" / "versions"
    versions.mkdir(parents=True)
    (tmp_path / "pyproject.toml").write_text("")
    _revision(versions / "a1.py", "a1", None,
              "    op.create_index('ix_perm_user', 'old_perms', ['user_id'])")
    _revision(versions / "b2.py", "b2", "a1", "    op.rename_table('old_perms', 'perms')")
    found = project_migrations(tmp_path / "migrations")
    assert found.leads("perms", "user_id")
