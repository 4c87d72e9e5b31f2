"""DB402-DB409: what one Alembic migration file does (DB401 lives in ``schema.py``)."""
from __future__ import annotations

import ast
import sys
from pathlib import Path

from ..analysis.migration_inverses import CHECKED, Inverses, describe
from ..checker import Checker
from ..names import LIBRARY_ROOTS, dotted, has_star_kwargs, keyword, literal_bool
from ..project.migration_schema import (changes_schema, column_def, emptied_tables,
                                        foreign_keys, local_tables, may_hide_index,
                                        table_elements)
from ..project.migrations import (Operation, OperationList, created_indexes,
                                  looped_indexes, migration_environment, operations,
                                  revision_ids)
from ..registry import register
from ..rules import Rule
from ..astwalk import statement_children, walk

_NOT_APPLICATION = frozenset({*LIBRARY_ROOTS, *sys.stdlib_module_names})


class DB402(Rule):
    """## What it does
    Finds migrations whose `upgrade()` changes the schema while `downgrade()` is
    missing or does nothing (its body is only `pass`, `...` or a docstring).

    ## Why is this bad?
    `alembic downgrade` reports success and moves the version table back, but
    the schema stays upgraded: the database now claims a revision it does not
    have, and the next `upgrade` fails on objects that already exist.

    ## Example
    ```python
    import sqlalchemy as sa
    from alembic import op

    revision = "b2c3"
    down_revision = "a1b2"


    def upgrade() -> None:
        op.add_column("users", sa.Column("nickname", sa.String(50), nullable=True))


    def downgrade() -> None:
        pass
    ```

    ## Use instead
    ```python
    import sqlalchemy as sa
    from alembic import op

    revision = "b2c3"
    down_revision = "a1b2"


    def upgrade() -> None:
        op.add_column("users", sa.Column("nickname", sa.String(50), nullable=True))


    def downgrade() -> None:
        op.drop_column("users", "nickname")
    ```

    A migration that cannot be reversed says so:
    `raise NotImplementedError("irreversible: data was merged")`, or explains its
    deliberate no-op in a comment inside `downgrade()` (for example a revision that
    only repairs an index another revision owns). Neither is reported; Alembic's
    generated `# ### commands auto generated ... ###` markers are not an explanation.

    ## Limitations
    An `upgrade()` whose only work is done by helper functions is not judged
    (its operations are not visible).
    """

    code = "DB402"
    name = "missing-downgrade"
    message = "downgrade() {} while upgrade() changes the schema"
    checklist = (7,)


class DB403(Rule):
    """## What it does
    Finds an `upgrade()` operation that `downgrade()` does not undo:
    `add_column`/`drop_column`, `create_table`/`drop_table`,
    `create_index`/`drop_index`, `create_foreign_key` or
    `create_unique_constraint`/`drop_constraint`, in `batch_alter_table`
    blocks too.

    ## Why is this bad?
    After a downgrade the schema is not the one the previous revision expects:
    the next upgrade fails on a column or index that already exists, or the old
    code runs against a schema it does not know.

    ## Example
    ```python
    import sqlalchemy as sa
    from alembic import op

    revision = "b2c3"
    down_revision = "a1b2"


    def upgrade() -> None:
        op.add_column("users", sa.Column("nickname", sa.String(50), nullable=True))
        op.add_column("users", sa.Column("bio", sa.Text(), nullable=True))


    def downgrade() -> None:
        op.drop_column("users", "nickname")
    ```

    ## Use instead
    ```python
    import sqlalchemy as sa
    from alembic import op

    revision = "b2c3"
    down_revision = "a1b2"


    def upgrade() -> None:
        op.add_column("users", sa.Column("nickname", sa.String(50), nullable=True))
        op.add_column("users", sa.Column("bio", sa.Text(), nullable=True))


    def downgrade() -> None:
        op.drop_column("users", "bio")
        op.drop_column("users", "nickname")
    ```

    ## Limitations
    A `drop_table(t)` in `downgrade()` undoes every operation on `t`, and a
    `drop_column` undoes the indexes and constraints on that column (as
    PostgreSQL drops them with it). Constraints are matched by name; an unnamed
    one is undone by any `drop_constraint` on its table. A `downgrade()` that
    runs raw SQL (`op.execute`, `connection.execute`), raises, calls helper
    functions or branches is not judged, nor is a migration whose `upgrade()`
    does so.
    """

    code = "DB403"
    name = "downgrade-not-inverse"
    message = "{} in upgrade() is not undone in downgrade()"
    checklist = (7,)


class DB404(Rule):
    """## What it does
    Finds `add_column` in `upgrade()` of a `nullable=False` column without a
    `server_default=`, on a table that the migration does not create.

    ## Why is this bad?
    The database must put a value into the new column for every existing row.
    With no server default it has none, and the migration fails on any table
    that already has rows (SQLite: "Cannot add a NOT NULL column with default
    value NULL"; PostgreSQL: column "..." of relation "..." contains null
    values). On an empty table it succeeds, so it passes in CI and breaks in
    production. A Python-side `default=` does not help: the database never
    sees it.

    ## Example
    ```python
    import sqlalchemy as sa
    from alembic import op

    revision = "b2c3"
    down_revision = "a1b2"


    def upgrade() -> None:
        op.add_column("accounts", sa.Column("status", sa.String(20), nullable=False))


    def downgrade() -> None:
        op.drop_column("accounts", "status")
    ```

    ## Use instead
    ```python
    import sqlalchemy as sa
    from alembic import op

    revision = "b2c3"
    down_revision = "a1b2"

    accounts = sa.table("accounts", sa.column("status", sa.String))


    def upgrade() -> None:
        op.add_column("accounts", sa.Column("status", sa.String(20), nullable=True))
        op.execute(accounts.update().values(status="active"))
        op.alter_column("accounts", "status", existing_type=sa.String(20), nullable=False)


    def downgrade() -> None:
        op.drop_column("accounts", "status")
    ```

    Or give the column a `server_default="active"`.

    ## Limitations
    An `upgrade()` that first deletes every row of the table
    (`op.execute("DELETE FROM accounts")`, `TRUNCATE`, `sa.delete(...)`) is not
    reported; an earlier `execute` whose SQL cannot be read, a helper call or a
    branch make the rule silent for that migration.
    """

    code = "DB404"
    name = "not-null-column-without-default"
    message = ("add_column of NOT NULL column '{}.{}' without server_default= fails on a table "
               "with rows")
    checklist = (7,)


class DB405(Rule):
    """## What it does
    Finds a foreign key that a migration adds (`sa.ForeignKey` or
    `sa.ForeignKeyConstraint` in `create_table`, `sa.ForeignKey` in
    `add_column`, `create_foreign_key`) whose column no index leads.

    ## Why is this bad?
    The same as DB101 for schemas defined in migrations: joins and the lookups
    `ON DELETE` runs on the child table scan it sequentially when the
    referencing column has no index, and PostgreSQL does not create one for a
    foreign key.

    ## Example
    ```python
    import sqlalchemy as sa
    from alembic import op

    revision = "b2c3"
    down_revision = "a1b2"


    def upgrade() -> None:
        op.create_table(
            "posts",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("author_id", sa.Integer(), nullable=False),
            sa.ForeignKeyConstraint(["author_id"], ["users.id"]),
            sa.PrimaryKeyConstraint("id"),
        )


    def downgrade() -> None:
        op.drop_table("posts")
    ```

    ## Use instead
    ```python
    import sqlalchemy as sa
    from alembic import op

    revision = "b2c3"
    down_revision = "a1b2"


    def upgrade() -> None:
        op.create_table(
            "posts",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("author_id", sa.Integer(), nullable=False),
            sa.ForeignKeyConstraint(["author_id"], ["users.id"]),
            sa.PrimaryKeyConstraint("id"),
        )
        op.create_index(op.f("ix_posts_author_id"), "posts", ["author_id"])


    def downgrade() -> None:
        op.drop_index(op.f("ix_posts_author_id"), table_name="posts")
        op.drop_table("posts")
    ```

    ## Limitations
    A column counts as indexed when it is the primary key or the leading column
    of an index, unique constraint or primary key that this migration creates
    (`create_index`, `index=True`, `unique=True`, `sa.Index`,
    `sa.UniqueConstraint`, `sa.PrimaryKeyConstraint`) or that another migration
    of the project creates and no later one drops (including `op.create_index`
    in a loop over a module-level list of literal rows). A foreign key whose table or
    column a later revision drops is not reported: it is not in the schema at
    head, and an old revision is not edited; nor is one followed by a revision
    that renames tables by names that cannot be read. In an association table only
    the first primary-key column is covered by the primary key. A foreign key
    dropped and created again in the same `upgrade()` is not new. An
    `upgrade()` that runs operations through helper functions, or builds table
    elements with helpers that may create indexes, is not judged. MySQL's
    InnoDB creates a missing foreign-key index by itself; PostgreSQL and SQLite
    do not.
    """

    code = "DB405"
    name = "migration-foreign-key-without-index"
    message = "foreign key on '{}.{}' gets no index in this migration"
    checklist = (7, 11)


class DB406(Rule):
    """## What it does
    Finds migrations that import the application's own modules (its models,
    its services), including relative imports, as opposed to Alembic,
    SQLAlchemy, SQLModel, the standard library and installed packages.

    ## Why is this bad?
    A migration is a snapshot of one step in the schema's history, but the
    imported module is today's code. Once a model gains a column or is renamed,
    the old migration builds queries for a schema that does not exist at that
    revision, and a fresh `alembic upgrade head` breaks. Importing the
    application also runs its import-time code (settings, engines) inside
    Alembic.

    ## Example
    ```python
    import sqlalchemy as sa
    from alembic import op

    from ..models import Post

    revision = "c3d4"
    down_revision = "b2c3"


    def upgrade() -> None:
        op.execute(sa.update(Post).values(slug=Post.title))


    def downgrade() -> None:
        op.execute(sa.update(Post).values(slug=None))
    ```

    An absolute import of a project package (`from myapp.models import Post`)
    is reported the same way.

    ## Use instead
    ```python
    import sqlalchemy as sa
    from alembic import op

    revision = "c3d4"
    down_revision = "b2c3"

    posts = sa.table("posts", sa.column("title", sa.String), sa.column("slug", sa.String))


    def upgrade() -> None:
        op.execute(posts.update().values(slug=posts.c.title))


    def downgrade() -> None:
        op.execute(posts.update().values(slug=None))
    ```

    ## Limitations
    Imports under `if TYPE_CHECKING:` are not reported. A module counts as the
    application's when it is found under the project's source roots
    (`--db-source-roots`). Modules of the migration environment itself (the
    directory that holds `env.py` and `versions/`, such as a `migrations/utils.py`
    of shared column types) are migration code and are not reported.
    """

    code = "DB406"
    name = "migration-imports-application"
    message = ("migration imports application module '{}'; describe the tables with "
               "sa.table()/sa.column()")
    checklist = (7,)


class DB407(Rule):
    """## What it does
    Finds `create_index` and `drop_index` without `postgresql_concurrently=True`
    on a table that the migration does not create.

    ## Why is this bad?
    A plain `CREATE INDEX` holds a lock that blocks every insert, update and
    delete on the table until the index is built, which takes minutes on a
    large table. `CREATE INDEX CONCURRENTLY` builds it without blocking writes.

    ## Example
    ```python
    from alembic import op

    revision = "b2c3"
    down_revision = "a1b2"


    def upgrade() -> None:
        op.create_index("ix_orders_customer_id", "orders", ["customer_id"])


    def downgrade() -> None:
        op.drop_index("ix_orders_customer_id", table_name="orders")
    ```

    ## Use instead
    ```python
    from alembic import op

    revision = "b2c3"
    down_revision = "a1b2"


    def upgrade() -> None:
        with op.get_context().autocommit_block():
            op.create_index("ix_orders_customer_id", "orders", ["customer_id"],
                            postgresql_concurrently=True)


    def downgrade() -> None:
        with op.get_context().autocommit_block():
            op.drop_index("ix_orders_customer_id", table_name="orders",
                          postgresql_concurrently=True)
    ```

    ## Limitations
    Off by default: it only matters for PostgreSQL tables that are large and
    written to while the migration runs. `CONCURRENTLY` cannot run inside a
    transaction, hence the `autocommit_block()`.
    """

    code = "DB407"
    name = "index-not-concurrent"
    message = "{} without postgresql_concurrently=True blocks writes to the table"
    default_enabled = False
    checklist = (7,)


class DB408(Rule):
    """## What it does
    Finds destructive operations in `upgrade()`: `drop_column`, `drop_table`,
    `alter_column(type_=...)` and column renames
    (`alter_column(new_column_name=...)`).

    ## Why is this bad?
    The data is gone, and a downgrade cannot bring it back. During a rolling
    deploy the previous version of the application still runs and still
    reads the column or table; it fails until the last old instance stops.
    Drop or rename in a later release, after no running code uses the old
    shape (expand, then contract).

    ## Example
    ```python
    import sqlalchemy as sa
    from alembic import op

    revision = "b2c3"
    down_revision = "a1b2"


    def upgrade() -> None:
        op.drop_column("users", "fullname")


    def downgrade() -> None:
        op.add_column("users", sa.Column("fullname", sa.String(100), nullable=True))
    ```

    ## Use instead
    ```python
    import sqlalchemy as sa
    from alembic import op

    revision = "b2c3"
    down_revision = "a1b2"


    def upgrade() -> None:
        # expand: the new column first; the old one is dropped in a later release
        op.add_column("users", sa.Column("display_name", sa.String(100), nullable=True))


    def downgrade() -> None:
        op.drop_column("users", "display_name")
    ```

    ## Limitations
    Off by default: it reports every destructive step, including the planned
    "contract" one; silence that line with `# noqa: DB408`.
    """

    code = "DB408"
    name = "destructive-upgrade"
    message = "destructive operation in upgrade(): {}"
    default_enabled = False
    checklist = (7,)


class DB409(Rule):
    """## What it does
    Finds migration files without a module-level `revision` or
    `down_revision`.

    ## Why is this bad?
    Alembic builds the history from these two names. Without them it cannot
    place the file: `alembic upgrade` fails for the whole project, not only for
    this revision.

    ## Example
    ```python
    import sqlalchemy as sa
    from alembic import op

    revision = "b2c3"


    def upgrade() -> None:
        op.add_column("users", sa.Column("nickname", sa.String(50), nullable=True))


    def downgrade() -> None:
        op.drop_column("users", "nickname")
    ```

    ## Use instead
    ```python
    import sqlalchemy as sa
    from alembic import op

    revision = "b2c3"
    down_revision = "a1b2"


    def upgrade() -> None:
        op.add_column("users", sa.Column("nickname", sa.String(50), nullable=True))


    def downgrade() -> None:
        op.drop_column("users", "nickname")
    ```

    The first revision of a history has `down_revision = None`.
    """

    code = "DB409"
    name = "migration-without-revision"
    message = "migration has no module-level {}"
    checklist = (7,)


def _trivial(func: ast.FunctionDef) -> bool:
    """Body is only ``pass``, ``...``, a docstring or a bare ``return``."""
    for stmt in func.body:
        if isinstance(stmt, ast.Pass):
            continue
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
            continue
        if isinstance(stmt, ast.Return) and (
                stmt.value is None or (isinstance(stmt.value, ast.Constant) and
                                       stmt.value.value is None)):
            continue
        return False
    return True


def _raises(func: ast.FunctionDef) -> bool:
    return any(isinstance(node, ast.Raise) for node in walk(func))


def _type_checking_block(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and (dotted(node.test) or "").rpartition(".")[2] == \
        "TYPE_CHECKING"


@register
class MigrationChecker(Checker):
    name = "migrations"
    rules = (DB402, DB403, DB404, DB405, DB406, DB407, DB408, DB409)

    def end(self) -> None:
        if not self.ctx.is_migration:
            return
        module = self.ctx.module
        upgrade = module.functions.get("upgrade")
        downgrade = module.functions.get("downgrade")
        up_func = upgrade if isinstance(upgrade, ast.FunctionDef) else None
        down_func = downgrade if isinstance(downgrade, ast.FunctionDef) else None
        up = operations(module, up_func)
        down = operations(module, down_func)
        self._revision_names()
        self._application_imports()
        if up_func is None:
            return
        self._downgrade(up_func, down_func, up)
        if down_func is not None and down.ops and not _raises(down_func):
            self._inverses(up, down)
        self._not_null_columns(up_func, up)
        self._foreign_key_indexes(up_func, up)
        self._concurrent_indexes(up, down)
        self._destructive(up)

    # -- DB409 ---------------------------------------------------------------
    def _revision_names(self) -> None:
        missing = [n for n in ("revision", "down_revision") if n not in self.ctx.module.assigns]
        if missing:
            self.report(DB409, None, " or ".join(missing), line=1, col=0)

    # -- DB402 ---------------------------------------------------------------
    def _downgrade(self, up_func: ast.FunctionDef, down_func: ast.FunctionDef | None,
                   up: OperationList) -> None:
        if not any(_changes_schema(op) for op in up.ops):
            return
        module = self.ctx.module
        if down_func is None:
            if not module.defines("downgrade") and "downgrade" not in module.imports.names:
                self.report(DB402, up_func, "is missing")
        elif _trivial(down_func) and not self._explained(down_func):
            self.report(DB402, down_func, "does nothing")

    def _explained(self, func: ast.FunctionDef) -> bool:
        """A no-op downgrade with a comment of its own says why it does nothing
        (Alembic's generated ``# ### ... ###`` markers are not an explanation)."""
        end = getattr(func, "end_lineno", func.lineno) or func.lineno
        for line in self.ctx.lines[func.lineno:end]:
            text = line.strip()
            if text.startswith("#") and "###" not in text and len(text.strip("# ")) >= 10:
                return True
        return False

    # -- DB403 ---------------------------------------------------------------
    def _inverses(self, up: OperationList, down: OperationList) -> None:
        if not up.complete or not down.complete or \
                any(op.name == "execute" for op in down.ops):
            return
        inverses = Inverses(up.ops, down.ops)
        for op in up.ops:
            if op.name in CHECKED and not inverses.undone(op):
                self.report(DB403, op.call, describe(op))

    # -- DB404 ---------------------------------------------------------------
    def _not_null_columns(self, up_func: ast.FunctionDef, up: OperationList) -> None:
        if not up.complete:
            return
        created = {op.table for op in up.ops if op.name == "create_table"}
        if None in created:
            return
        emptied: set[str] = set()
        readable = True
        tables = local_tables(self.ctx.module, up_func)
        for op in up.ops:
            if op.name == "execute":
                found = emptied_tables(op, tables)
                if found is None:
                    readable = False
                else:
                    emptied |= found
                continue
            if op.name == "rename_table":
                # the emptied (or new) table keeps its state under its new name
                new_name = op.text(op.param("new_table_name"))
                if new_name is None:
                    return
                if op.table is not None and op.table.lower() in emptied:
                    emptied.add(new_name.lower())
                if op.table in created:
                    created.add(new_name)
                continue
            if op.name != "add_column" or op.table is None or op.table in created:
                continue
            col = column_def(self.ctx.module, op.param("column"))
            if col is None or not col.name or col.nullable is not False or \
                    col.server_default is not False:
                continue
            if not readable or op.table.lower() in emptied:
                continue
            self.report(DB404, op.call, op.table, col.name)

    # -- DB405 ---------------------------------------------------------------
    def _foreign_key_indexes(self, up_func: ast.FunctionDef, up: OperationList) -> None:
        if up.opaque:
            return  # a helper may create the index
        module = self.ctx.module
        revision, _ = revision_ids(module)
        indexes = [*created_indexes(module, revision, up.ops),
                   *looped_indexes(module, revision, up_func)]
        # tables whose create_table may build an index the model cannot read
        unsure = {op.table for op in up.ops if op.name == "create_table" and
                  any(may_hide_index(module, e) for e in table_elements(op))}
        # a foreign key dropped and created again (to alter its columns) is not new
        dropped = {op.object_name for op in up.ops if op.name == "drop_constraint"}
        for fk in foreign_keys(module, up.ops):
            if fk.table is None or fk.table in unsure or (
                    fk.name is not None and fk.name in dropped):
                continue
            lead = fk.columns[0]
            if any(ix.columns[0] == lead and ix.table in (None, fk.table) for ix in indexes):
                continue
            if self.ctx.migrations.leads(fk.table, lead):
                continue
            # a later revision drops the table or the column: the key is gone at head
            if self.ctx.migrations.removed_later(revision, fk.table, lead):
                continue
            self.report(DB405, fk.node, fk.table, lead)

    # -- DB406 ---------------------------------------------------------------
    def _application_imports(self) -> None:
        stack: list[ast.AST] = [self.ctx.tree]
        while stack:
            node = stack.pop()
            if _type_checking_block(node):
                stack.extend(node.orelse)  # type: ignore[attr-defined]
                continue
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    if self._in_environment_relative(node):
                        continue
                    target = node.module or ", ".join(a.name for a in node.names)
                    self.report(DB406, node, "." * node.level + target)
                elif node.module:
                    # ``from pkg import module`` when ``pkg`` is a namespace package
                    names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
                    found = next((n for n in names if self._is_application(n)), None)
                    if found is not None:
                        self.report(DB406, node, found)
                continue
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if self._is_application(alias.name):
                        self.report(DB406, node, alias.name)
                        break
                continue
            stack.extend(statement_children(node))

    def _is_application(self, name: str) -> bool:
        if name.partition(".")[0] in _NOT_APPLICATION:
            return False
        # The module's file is enough: nothing of it is read.
        found = self.ctx.project.module_path(name)
        if found is None or found[0] == self.ctx.project.current_file:
            return False
        # helpers of the migration environment (airflow.migrations.utils) are
        # migration code, versioned with the revisions that use them
        return not self._in_environment(Path(found[0]))

    def _in_environment_relative(self, node: ast.ImportFrom) -> bool:
        """A relative import that stays inside the migration environment."""
        path = self.ctx.module.path
        if path is None:
            return False
        base = path.parent
        for _ in range(node.level - 1):
            base = base.parent
        if node.module:
            base = base.joinpath(*node.module.split("."))
        return self._in_environment(base)

    def _in_environment(self, path: Path) -> bool:
        env = migration_environment(self.ctx.module.path) if self.ctx.module.path else None
        return env is not None and (path == env or env in path.parents)

    # -- DB407 ---------------------------------------------------------------
    def _concurrent_indexes(self, up: OperationList, down: OperationList) -> None:
        ops = [*up.ops, *down.ops]
        created = {op.table for op in ops if op.name == "create_table"}
        for op in ops:
            if op.name not in ("create_index", "drop_index"):
                continue
            if op.table in created or (op.table is None and created):
                continue
            flag = keyword(op.call, "postgresql_concurrently")
            if flag is None and has_star_kwargs(op.call):
                continue
            if flag is not None and literal_bool(flag) is not False:
                continue
            self.report(DB407, op.call, describe(op))

    # -- DB408 ---------------------------------------------------------------
    def _destructive(self, up: OperationList) -> None:
        for op in up.ops:
            what = _destructive_change(op)
            if what is not None:
                self.report(DB408, op.call, what)


def _changes_schema(op: Operation) -> bool:
    """A schema operation, or raw SQL that is readable DDL (data changes do not count)."""
    if op.name == "execute":
        return changes_schema(op) is True
    return op.name != "bulk_insert"


def _destructive_change(op: Operation) -> str | None:
    if op.name in ("drop_column", "drop_table"):
        return describe(op)
    if op.name == "alter_column":
        target = f"{op.table!r}, {op.column!r}"
        if keyword(op.call, "new_column_name") is not None:
            return f"alter_column({target}) renames the column"
        if keyword(op.call, "type_") is not None:
            return f"alter_column({target}) changes the type"
    return None
