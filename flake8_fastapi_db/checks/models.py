"""DB1xx model-level rules: what a mapped class and its table declare."""
from __future__ import annotations

import ast

from ..checker import Checker
from ..names import is_sa, literal_bool, literal_str
from ..project.facts import ColumnFacts, IndexFacts, RelationshipFacts
from ..project.models import MODEL, ModelInfo
from ..registry import register
from ..rules import Rule

PLAIN_PASSWORD_NAMES = frozenset({"password", "passwd", "pwd", "plain_password",
                                  "password_plain"})
SOFT_DELETE_COLUMNS = ("is_active", "is_deleted", "deleted_at")


class DB101(Rule):
    """## What it does
    Finds foreign-key columns that have no index.

    A column counts as indexed when it has `index=True`, `unique=True` or
    `primary_key=True`, leads an `Index`, `UniqueConstraint` or
    `PrimaryKeyConstraint` of the table, or leads an index that one of the
    project's Alembic migrations creates (and no later migration drops).

    ## Why is this bad?
    Foreign keys are used in every join and in the lookups that `ON DELETE`
    performs on the child table. PostgreSQL and most other databases do not index
    the referencing column automatically, so without an index each of those is a
    sequential scan of the child table.

    ## Example
    ```python
    from datetime import datetime

    from sqlalchemy import DateTime, ForeignKey, func
    from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


    class Base(DeclarativeBase):
        created_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now())
        updated_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now(), onupdate=func.now())


    class Post(Base):
        __tablename__ = "posts"
        id: Mapped[int] = mapped_column(primary_key=True)
        author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    ```

    ## Use instead
    ```python
    from datetime import datetime

    from sqlalchemy import DateTime, ForeignKey, func
    from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


    class Base(DeclarativeBase):
        created_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now())
        updated_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now(), onupdate=func.now())


    class Post(Base):
        __tablename__ = "posts"
        id: Mapped[int] = mapped_column(primary_key=True)
        author_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    ```

    ## Limitations
    In an association table with a composite primary key, only the first key
    column is covered by the primary key's index; the second is reported. A
    foreign key declared in a mixin or abstract base is judged in each model that
    uses it and reported once: on its own line when the file declares it, else on
    the model's class header. A model whose index declarations cannot be read (a
    computed `__table_args__`, a helper that builds the column) is not reported.
    """

    code = "DB101"
    name = "foreign-key-without-index"
    message = "foreign key column '{}' of {} has no index"
    checklist = (1, 11)


class DB102(Rule):
    """## What it does
    Finds concrete models that lack a creation or an update timestamp column
    (`created_at` / `updated_at` by default), after collecting the columns they
    inherit from bases and mixins, in any module of the project.

    ## Why is this bad?
    Without timestamps there is no audit trail, debugging a bad row means guessing
    when it was written, and incremental synchronisation ("everything changed since
    T") is impossible.

    ## Example
    ```python
    from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


    class Base(DeclarativeBase):
        pass


    class Tag(Base):
        __tablename__ = "tags"
        id: Mapped[int] = mapped_column(primary_key=True)
    ```

    ## Use instead
    ```python
    from datetime import datetime

    from sqlalchemy import DateTime, func
    from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


    class Base(DeclarativeBase):
        created_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now())
        updated_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now(), onupdate=func.now())


    class TimestampMixin:
        created_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now())
        updated_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now(), onupdate=func.now())


    class Tag(TimestampMixin, Base):
        __tablename__ = "tags"
        id: Mapped[int] = mapped_column(primary_key=True)
    ```

    ## Options
    `--db-timestamp-columns` (default `created_at,updated_at`): the two names.

    ## Limitations
    Classes with a base or mixin that cannot be resolved (from a third-party
    package, or computed) are not reported. Association `Table`s, abstract
    classes and mixins are never reported.
    """

    code = "DB102"
    name = "model-without-timestamps"
    message = "model {} has no {} column"
    checklist = (2,)


class DB103(Rule):
    """## What it does
    Finds an update-timestamp column (`updated_at` by default) declared without
    `onupdate=` or `server_onupdate=`.

    ## Why is this bad?
    The column is filled once at insert and never changes again, so it silently
    lies about when the row was last modified.

    ## Example
    ```python
    from datetime import datetime

    from sqlalchemy import DateTime, func
    from sqlalchemy.orm import Mapped, mapped_column


    class TimestampMixin:
        updated_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now())
    ```

    ## Use instead
    ```python
    from datetime import datetime

    from sqlalchemy import DateTime, func
    from sqlalchemy.orm import Mapped, mapped_column


    class TimestampMixin:
        updated_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now(), onupdate=func.now())
    ```

    ## Options
    `--db-timestamp-columns`: the second name is the update column.

    ## Limitations
    A model that maintains the column in an event listener or `__setattr__` is
    reported anyway; silence it with `# noqa: DB103`. SQLModel fields are
    checked for `onupdate` in `sa_column_kwargs` and `sa_column`.
    """

    code = "DB103"
    name = "updated-at-without-onupdate"
    message = "column '{}' has no onupdate=/server_onupdate=, it never changes after insert"
    checklist = (2,)


class DB106(Rule):
    """## What it does
    Finds model columns named like a plain-text password: `password`, `passwd`,
    `pwd`, `plain_password`, `password_plain`.

    ## Why is this bad?
    Passwords must be stored only as a salted hash. A column called `password`
    either stores the plain text or misleads every reader about what it holds.

    ## Example
    ```python
    from datetime import datetime

    from sqlalchemy import DateTime, String, func
    from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


    class Base(DeclarativeBase):
        created_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now())
        updated_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now(), onupdate=func.now())


    class User(Base):
        __tablename__ = "users"
        id: Mapped[int] = mapped_column(primary_key=True)
        password: Mapped[str] = mapped_column(String(255))
    ```

    ## Use instead
    ```python
    from datetime import datetime

    from sqlalchemy import DateTime, String, func
    from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


    class Base(DeclarativeBase):
        created_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now())
        updated_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now(), onupdate=func.now())


    class User(Base):
        __tablename__ = "users"
        id: Mapped[int] = mapped_column(primary_key=True)
        hashed_password: Mapped[str] = mapped_column(String(255))
    ```

    ## Limitations
    Only mapped columns are checked; request schemas (Pydantic, SQLModel without
    `table=True`) rightly carry a `password` field.
    """

    code = "DB106"
    name = "plain-password-column"
    message = ("column '{}' looks like a plain-text password; "
               "store only a hash (e.g. hashed_password)")


class DB107(Rule):
    """## What it does
    Finds model columns named in `--db-unique-columns` (default `email`,
    `username`) that are not unique: no `unique=True`, and not part of a unique
    index or unique constraint of the table or of the project's migrations.

    ## Why is this bad?
    Without a database-level unique constraint two concurrent sign-ups create two
    accounts with the same e-mail, and logging in becomes ambiguous. A check in
    application code cannot prevent the race.

    ## Example
    ```python
    from datetime import datetime

    from sqlalchemy import DateTime, String, func
    from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


    class Base(DeclarativeBase):
        created_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now())
        updated_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now(), onupdate=func.now())


    class User(Base):
        __tablename__ = "users"
        id: Mapped[int] = mapped_column(primary_key=True)
        email: Mapped[str] = mapped_column(String(255), index=True)
    ```

    ## Use instead
    ```python
    from datetime import datetime

    from sqlalchemy import DateTime, String, func
    from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


    class Base(DeclarativeBase):
        created_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now())
        updated_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now(), onupdate=func.now())


    class User(Base):
        __tablename__ = "users"
        id: Mapped[int] = mapped_column(primary_key=True)
        email: Mapped[str] = mapped_column(String(255), unique=True)
    ```

    ## Options
    `--db-unique-columns` (default `email,username`).

    ## Limitations
    A column that takes part in any composite `UniqueConstraint` is accepted (for
    example `UniqueConstraint("tenant_id", "email")` in a multi-tenant schema).
    """

    code = "DB107"
    name = "identity-column-not-unique"
    message = "column '{}' of {} is not unique"
    checklist = (1,)


class DB109(Rule):
    """## What it does
    Finds one-to-many relationships whose child foreign key is NOT NULL while the
    relationship has no `delete` cascade (`cascade="all, delete-orphan"`) and no
    `passive_deletes=True`.

    ## Why is this bad?
    When the parent is deleted, SQLAlchemy's default cascade loads the children
    and sets their foreign key to NULL. With a NOT NULL foreign key that update
    fails with an `IntegrityError`, so deleting any parent that has children
    crashes at runtime.

    ## Example
    ```python
    from datetime import datetime

    from sqlalchemy import DateTime, ForeignKey, func
    from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


    class Base(DeclarativeBase):
        created_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now())
        updated_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now(), onupdate=func.now())


    class Order(Base):
        __tablename__ = "orders"
        id: Mapped[int] = mapped_column(primary_key=True)
        items: Mapped[list["Item"]] = relationship(back_populates="order")


    class Item(Base):
        __tablename__ = "items"
        id: Mapped[int] = mapped_column(primary_key=True)
        order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
        order: Mapped[Order] = relationship(back_populates="items")
    ```

    ## Use instead
    ```python
    from datetime import datetime

    from sqlalchemy import DateTime, ForeignKey, func
    from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


    class Base(DeclarativeBase):
        created_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now())
        updated_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now(), onupdate=func.now())


    class Order(Base):
        __tablename__ = "orders"
        id: Mapped[int] = mapped_column(primary_key=True)
        items: Mapped[list["Item"]] = relationship(
            back_populates="order", cascade="all, delete-orphan")


    class Item(Base):
        __tablename__ = "items"
        id: Mapped[int] = mapped_column(primary_key=True)
        order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
        order: Mapped[Order] = relationship(back_populates="items")
    ```

    ## Limitations
    The child model and its foreign key must be resolved (across modules); a
    relationship with `primaryjoin=`/`foreign_keys=`, or a child with several
    foreign keys to the parent, is not judged. `passive_deletes=True` is accepted
    as the choice of database-side `ON DELETE CASCADE`; note that SQLAlchemy still
    nulls children already loaded in the session.
    """

    code = "DB109"
    name = "delete-nulls-not-null-foreign-key"
    message = ("relationship '{}' to {}: deleting the parent sets NOT NULL {}.{} to NULL; "
               "add cascade=\"all, delete-orphan\" or passive_deletes=True")
    checklist = (10,)


class DB116(Rule):
    """## What it does
    Finds concrete models without a deactivation or soft-delete column
    (`is_active`, `is_deleted` or `deleted_at`), after inheritance.

    ## Why is this bad?
    Hard deletes destroy history and break references from other systems; a flag
    lets rows be hidden and restored.

    ## Example
    ```python
    from datetime import datetime

    from sqlalchemy import DateTime, func
    from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


    class Base(DeclarativeBase):
        created_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now())
        updated_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now(), onupdate=func.now())


    class Customer(Base):
        __tablename__ = "customers"
        id: Mapped[int] = mapped_column(primary_key=True)
    ```

    ## Use instead
    ```python
    from datetime import datetime

    from sqlalchemy import DateTime, func
    from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


    class Base(DeclarativeBase):
        created_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now())
        updated_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now(), onupdate=func.now())


    class Customer(Base):
        __tablename__ = "customers"
        id: Mapped[int] = mapped_column(primary_key=True)
        is_active: Mapped[bool] = mapped_column(default=True)
    ```

    ## Limitations
    Off by default: many tables (logs, join tables, events) rightly have no such
    flag. Same exemptions as DB102.
    """

    code = "DB116"
    name = "model-without-soft-delete"
    message = "model {} has no is_active/is_deleted/deleted_at column"
    default_enabled = False


class DB117(Rule):
    """## What it does
    Finds an index whose column list equals, or is a leading prefix of, another
    index of the same table, including `index=True` on a column that already
    leads a composite index, unique constraint or primary key.

    ## Why is this bad?
    The longer index already serves every lookup the shorter one can. The
    duplicate slows every insert and update and takes memory.

    ## Example
    ```python
    from datetime import datetime

    from sqlalchemy import DateTime, Index, func
    from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


    class Base(DeclarativeBase):
        created_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now())
        updated_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now(), onupdate=func.now())


    class Event(Base):
        __tablename__ = "events"
        id: Mapped[int] = mapped_column(primary_key=True)
        account_id: Mapped[int] = mapped_column(index=True)
        kind: Mapped[str]
        __table_args__ = (Index("ix_events_account_kind", "account_id", "kind"),)
    ```

    ## Use instead
    ```python
    from datetime import datetime

    from sqlalchemy import DateTime, Index, func
    from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


    class Base(DeclarativeBase):
        created_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now())
        updated_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now(), onupdate=func.now())


    class Event(Base):
        __tablename__ = "events"
        id: Mapped[int] = mapped_column(primary_key=True)
        account_id: Mapped[int]
        kind: Mapped[str]
        __table_args__ = (Index("ix_events_account_kind", "account_id", "kind"),)
    ```

    ## Limitations
    A unique index is kept when the longer one is not unique, or is unique over
    more columns (it enforces a stronger uniqueness). Partial indexes
    (`postgresql_where=`...), dialect-only indexes (`.ddl_if(dialect=...)`),
    indexes with another access method or operator classes (`postgresql_using=
    "gin"`, `postgresql_ops=`) and expression indexes are never compared.
    `primary_key=True` with `index=True` is DB111.
    """

    code = "DB117"
    name = "redundant-index"
    message = "index on ({}) of {} is redundant: ({}) already starts with the same columns"
    checklist = (1, 12)


@register
class ModelChecker(Checker):
    name = "model-design"
    rules = (DB101, DB102, DB103, DB106, DB107, DB109, DB116, DB117)

    def begin(self) -> None:
        # (code, column, reported node): a column declared in this file is reported
        # once, one from another module once per model header that inherits it.
        self._reported: set[tuple[str, int, int]] = set()

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        if self.ctx.is_migration:
            return
        model = self.ctx.model_for_class(node)
        if model.kind == "unknown":
            return
        own = [c for c in model.columns.values() if c.owner == node.name and
               c.module is self.ctx.module]
        self._check_declared_columns(model, own)
        if model.kind != MODEL:
            return
        for col in own:
            if col.foreign_keys:
                self._foreign_key_index(model, col)
        if model.own_table:
            for col in model.inherited_columns(("mixin", "abstract", "base", "schema")):
                if col.foreign_keys:
                    self._foreign_key_index(model, col)
            # SQLModel non-table bases declare real columns of this table, but as a
            # schema they are never judged themselves.
            for col in model.inherited_columns(("schema",)):
                where = model.report_node(col, self.ctx.module)
                if self._first("schema", col, where):
                    self._updated_at(col, where)
                    self._password(col, where)
        for rel in model.relationships.values():
            if rel.owner == node.name and rel.module is self.ctx.module:
                self._delete_cascade(model, rel)
        if model.is_concrete_table:
            self._timestamps(model)
            self._unique_identity(model)
            self._soft_delete(model)
            self._redundant_indexes(model)

    def visit_Call(self, node: ast.Call) -> None:
        """Association and core ``Table(...)`` declarations."""
        if self.ctx.is_migration or not is_sa(self.ctx.qualname(node.func), "Table"):
            return
        from ..project.facts import extract_table

        parent = self.ctx.parent(node)
        variable = parent.targets[0].id if isinstance(parent, ast.Assign) and \
            len(parent.targets) == 1 and isinstance(parent.targets[0], ast.Name) else None
        if variable == "__table__":
            return  # a class mapped onto the table: judged with the class
        table = extract_table(self.ctx.module, "", node)
        # Module-level Index(...) calls name the table by its variable (links.c.x).
        info = self.ctx.models.table_info(self.ctx.module,
                                          variable or table.tablename or "table", table)
        for col in info.columns.values():
            if col.foreign_keys:
                self._foreign_key_index(info, col)
            self._updated_at(col)
        self._redundant_indexes(info)

    # -- DB103 / DB106: declarations, whatever class declares them ------
    def _check_declared_columns(self, model: ModelInfo, own: list[ColumnFacts]) -> None:
        declarative = model.kind not in ("schema", "mixin") or any(
            c.kind in ("Column", "mapped_column") or c.mapped for c in own)
        if not declarative:
            return
        for col in own:
            self._updated_at(col)
            if model.kind in (MODEL, "abstract", "mixin", "base"):
                self._password(col)

    def _updated_at(self, col: ColumnFacts, node: ast.AST | None = None) -> None:
        if self.ctx.settings.updated_column not in (col.attr, col.name):
            return
        if "onupdate" not in col.kwargs and "server_onupdate" not in col.kwargs \
                and not col.opaque:
            self.report(DB103, node or col.node, col.attr)

    def _password(self, col: ColumnFacts, node: ast.AST | None = None) -> None:
        # The attribute, not the database name: ``_password = Column("password")``
        # behind a hashing/encrypting property is the recommended pattern.
        if col.attr.lower() in PLAIN_PASSWORD_NAMES:
            self.report(DB106, node or col.node, col.attr)

    # -- DB101 -------------------------------------------------------------
    def _foreign_key_index(self, model: ModelInfo, col: ColumnFacts) -> None:
        """Own columns are reported on their line; a column a mixin or abstract base
        declares is reported once, on its line when this file declares it, else on
        the header of the model that inherits it unindexed."""
        if self.ctx.column_indexed(model, col.attr) is not False:
            return
        node = model.report_node(col, self.ctx.module)
        if self._first(DB101.code, col, node):
            self.report(DB101, node, col.name, model.name)

    def _first(self, code: str, col: ColumnFacts, node: ast.AST) -> bool:
        key = (code, id(col.node), id(node))
        if key in self._reported:
            return False
        self._reported.add(key)
        return True

    # -- DB102 / DB116 -----------------------------------------------------
    def _has_column(self, model: ModelInfo, name: str) -> bool:
        return model.column_by_name(name) is not None or name in model.relationships or \
            any(name in (a.facts.attributes if a.facts else ()) for a in _lineage(model))

    def _timestamps(self, model: ModelInfo) -> None:
        if _is_link_model(model):
            return  # an association table written as a class: nothing to audit
        missing = [n for n in self.ctx.settings.timestamp_columns
                   if not self._has_column(model, n)]
        if missing:
            self.report(DB102, model.node, model.name, " or ".join(missing))

    def _soft_delete(self, model: ModelInfo) -> None:
        if _is_link_model(model):
            return  # a link row is deleted with the link; there is nothing to hide
        if not any(self._has_column(model, n) for n in SOFT_DELETE_COLUMNS):
            self.report(DB116, model.node, model.name)

    # -- DB107 -------------------------------------------------------------
    def _unique_identity(self, model: ModelInfo) -> None:
        if not model.indexes_complete:
            return
        for name in self.ctx.settings.unique_columns:
            col = model.column_by_name(name)
            if col is None or col.primary_key or col.unique or col.opaque:
                continue
            if any(ix.unique and not ix.partial and (col.name in ix.columns or col.attr in
                                                     ix.columns) for ix in model.indexes):
                continue
            if self.ctx.migrations.unique_with(model.tablename, col.name):
                continue
            node = model.report_node(col, self.ctx.module)
            if self._first(DB107.code, col, node):
                self.report(DB107, node, col.name, model.name)

    # -- DB109 -------------------------------------------------------------
    def _delete_cascade(self, parent: ModelInfo, rel: RelationshipFacts) -> None:
        if rel.viewonly or rel.kw("secondary") is not None or _rel_opaque(rel):
            return
        cascade = rel.kw("cascade")
        if cascade is not None:
            text = literal_str(cascade)
            if text is None or "delete" in text or "all" in text:
                return
        passive = rel.kw("passive_deletes")
        if passive is not None and literal_bool(passive) is not False:
            return
        child = self.ctx.models.relationship_target(rel)
        if child is None or not child.is_model or rel.collection is False:
            return
        fks = _foreign_keys_to(child, parent)
        if len(fks) != 1:
            return
        if rel.collection is None and _foreign_keys_to(parent, child):
            return  # direction ambiguous without an annotation or uselist=
        fk = fks[0]
        if not _not_null(fk):
            return
        self.report(DB109, rel.call, rel.attr, child.name, child.name, fk.attr)

    # -- DB117 -------------------------------------------------------------
    def _redundant_indexes(self, model: ModelInfo) -> None:
        indexes = [ix for ix in model.indexes if not ix.partial and ix.columns and
                   all(ix.columns)]
        reported: set[int] = set()
        for short in indexes:
            if short.module is not self.ctx.module or id(short.node) in reported:
                continue
            if short.kind == "pk" or (short.origin == "column" and _is_pk_index(model, short)):
                continue
            for long in indexes:
                if long is short or len(long.columns) < len(short.columns):
                    continue
                if tuple(_norm(model, c) for c in long.columns[:len(short.columns)]) != \
                        tuple(_norm(model, c) for c in short.columns):
                    continue
                if short.unique and (not long.unique or len(long.columns) > len(short.columns)):
                    continue  # it enforces a uniqueness the longer one does not
                if len(long.columns) == len(short.columns) and long.unique == short.unique \
                        and indexes.index(long) > indexes.index(short):
                    continue  # equal twins: report only the later one
                reported.add(id(short.node))
                self.report(DB117, short.node, ", ".join(str(c) for c in short.columns),
                            model.name, ", ".join(str(c) for c in long.columns))
                break


def _norm(model: ModelInfo, name: str | None) -> str | None:
    """Index entries may name the attribute or the database column."""
    if name is None:
        return None
    col = model.column_by_name(name)
    return col.name if col is not None else name


def _is_link_model(model: ModelInfo) -> bool:
    """A model made only of foreign-key columns that together form its primary key:
    an association table declared as a class (SQLModel link models, real projects'
    ``parent_id``/``child_id`` tables), exempt from DB102 like a ``Table``."""
    cols = list(model.columns.values())
    # ``PrimaryKeyConstraint("a", "b")`` in ``__table_args__`` names the key columns.
    pk_names = {c for ix in model.indexes if ix.kind == "pk" for c in ix.columns if c}
    return len(cols) >= 2 and all(_is_key_link(c, pk_names) for c in cols)


def _is_key_link(col: ColumnFacts, pk_names: set[str]) -> bool:
    if (col.primary_key or col.name in pk_names or col.attr in pk_names) and col.foreign_keys:
        return True
    # ``= build_foreign_key_field(..., primary_key=True)``: a project helper whose
    # name or keywords say it builds a foreign key.
    value = getattr(col.node, "value", None)
    if not (col.opaque and isinstance(value, ast.Call)):
        return False
    kwargs = {kw.arg: kw.value for kw in value.keywords if kw.arg}
    func = value.func
    fname = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    return literal_bool(kwargs.get("primary_key")) is True and (
        "foreign" in fname.lower() or "foreign_key" in kwargs)


def _is_pk_index(model: ModelInfo, ix: IndexFacts) -> bool:
    col = model.column_by_name(ix.columns[0] or "")
    return col is not None and col.primary_key


def _lineage(model: ModelInfo) -> list[ModelInfo]:
    out: list[ModelInfo] = []
    stack = [model]
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(current.ancestors)
    return out


def _rel_opaque(rel: RelationshipFacts) -> bool:
    return any(rel.kw(k) is not None for k in ("primaryjoin", "foreign_keys", "remote_side")) \
        or any(kw.arg is None for kw in rel.call.keywords)


def _foreign_keys_to(child: ModelInfo, parent: ModelInfo) -> list[ColumnFacts]:
    out = []
    for col in child.columns.values():
        for fk in col.foreign_keys:
            target = fk.target or ""
            table, _, _ = target.rpartition(".")
            if table and (table == parent.tablename or table == parent.name):
                out.append(col)
                break
    return out


def _not_null(col: ColumnFacts) -> bool:
    if col.opaque:
        return False
    if col.nullable is not None:
        return col.nullable is False
    if col.nullable_node is not None:
        return False  # nullable=<expression>
    if col.primary_key:
        return True
    if col.kind in ("mapped_column", "annotation") and col.mapped:
        return col.optional is False
    if col.kind == "field":
        return col.optional is False
    return False
