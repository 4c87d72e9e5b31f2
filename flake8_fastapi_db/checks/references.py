"""DB108/DB110: how two tables refer to each other (relationship sync, FK delete rules)."""
from __future__ import annotations

import ast

from ..checker import Checker
from ..names import has_star_kwargs, is_sa, is_sqlmodel, keyword, literal_bool
from ..registry import register
from ..rules import Rule


class DB108(Rule):
    """## What it does
    Finds `relationship()` / SQLModel `Relationship()` declarations without
    `back_populates=` or `backref=`.

    ## Why is this bad?
    Without the link to the reverse side, the two sides of one foreign key are
    independent attributes: appending a child to `parent.children` does not set
    `child.parent` in the session until a flush and a refresh, so code reading
    the other side sees stale data.

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
        is_active: Mapped[bool] = mapped_column(default=True)


    class Author(Base):
        __tablename__ = "authors"
        id: Mapped[int] = mapped_column(primary_key=True)


    class Book(Base):
        __tablename__ = "books"
        id: Mapped[int] = mapped_column(primary_key=True)
        author_id: Mapped[int] = mapped_column(
            ForeignKey("authors.id", ondelete="CASCADE"), index=True)
        author: Mapped[Author] = relationship()
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
        is_active: Mapped[bool] = mapped_column(default=True)


    class Author(Base):
        __tablename__ = "authors"
        id: Mapped[int] = mapped_column(primary_key=True)
        books: Mapped[list["Book"]] = relationship(
            back_populates="author", cascade="all, delete-orphan")


    class Book(Base):
        __tablename__ = "books"
        id: Mapped[int] = mapped_column(primary_key=True)
        author_id: Mapped[int] = mapped_column(
            ForeignKey("authors.id", ondelete="CASCADE"), index=True)
        author: Mapped[Author] = relationship(back_populates="books")
    ```

    ## Limitations
    Off by default: a one-directional relationship is a legitimate choice when
    the reverse side is never used. `viewonly=True` relationships are not
    reported, nor calls that pass `**kwargs`.
    """

    code = "DB108"
    name = "relationship-without-back-populates"
    message = "relationship '{}' has no back_populates= or backref="
    default_enabled = False


class DB110(Rule):
    """## What it does
    Finds foreign keys declared without `ondelete=`: `ForeignKey(...)`,
    `ForeignKeyConstraint(...)` and SQLModel `Field(foreign_key=...)`.

    ## Why is this bad?
    Without `ondelete` the database applies `NO ACTION`: deleting a referenced
    row fails while children exist. That may be what you want, but it should be
    a decision written in the schema (`CASCADE`, `SET NULL`, `RESTRICT`), not a
    default discovered in production.

    ## Example
    ```python
    from sqlalchemy import Column, ForeignKey, Integer, MetaData, Table

    metadata = MetaData()
    orders = Table(
        "orders",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("customer_id", ForeignKey("customers.id"), index=True),
    )
    ```

    ## Use instead
    ```python
    from sqlalchemy import Column, ForeignKey, Integer, MetaData, Table

    metadata = MetaData()
    orders = Table(
        "orders",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("customer_id", ForeignKey("customers.id", ondelete="RESTRICT"), index=True),
    )
    ```

    ## Limitations
    Off by default. Alembic migration files are left to the DB4xx rules.
    """

    code = "DB110"
    name = "foreign-key-without-ondelete"
    message = "foreign key to {} has no ondelete="
    default_enabled = False
    checklist = (10,)


@register
class ReferenceChecker(Checker):
    name = "references"
    rules = (DB108, DB110)

    def visit_Call(self, node: ast.Call) -> None:
        if self.ctx.is_migration or has_star_kwargs(node):
            return
        qualname = self.ctx.qualname(node.func)
        if not is_sa(qualname, "relationship", "relation", "ForeignKey", "ForeignKeyConstraint") \
                and not is_sqlmodel(qualname, "Relationship", "Field"):
            return
        if self._in_unknown_class(node):
            return
        if is_sa(qualname, "relationship", "relation"):
            self._relationship(node, node.keywords)
        elif is_sqlmodel(qualname, "Relationship") and keyword(node, "sa_relationship") is None:
            extra = keyword(node, "sa_relationship_kwargs")
            if extra is not None and not isinstance(extra, ast.Dict):
                return  # a computed dict may hold back_populates
            self._relationship(node, node.keywords + _dict_keywords(extra))
        elif is_sa(qualname, "ForeignKey", "ForeignKeyConstraint"):
            if keyword(node, "ondelete") is None:
                self.report(DB110, node, _fk_target(node))
        elif is_sqlmodel(qualname, "Field"):
            target = keyword(node, "foreign_key")
            if target is not None and keyword(node, "ondelete") is None and \
                    keyword(node, "sa_column") is None:
                self.report(DB110, node, _text(target))

    def _in_unknown_class(self, node: ast.AST) -> bool:
        """Declared in a class whose bases cannot be resolved: stay silent."""
        for anc in self.ctx.ancestors(node):
            if isinstance(anc, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                continue  # @declared_attr bodies belong to their class
            if isinstance(anc, ast.ClassDef):
                return self.ctx.model_for_class(anc).kind == "unknown"
        return False

    def _relationship(self, node: ast.Call, keywords: list[ast.keyword]) -> None:
        names = {kw.arg for kw in keywords}
        if "back_populates" in names or "backref" in names:
            return
        viewonly = next((kw.value for kw in keywords if kw.arg == "viewonly"), None)
        if viewonly is not None and literal_bool(viewonly) is not False:
            return
        self.report(DB108, node, self._attribute(node))

    def _attribute(self, node: ast.Call) -> str:
        parent = self.ctx.parent(node)
        if isinstance(parent, ast.AnnAssign) and isinstance(parent.target, ast.Name):
            return parent.target.id
        if isinstance(parent, ast.Assign) and len(parent.targets) == 1 and \
                isinstance(parent.targets[0], ast.Name):
            return parent.targets[0].id
        if isinstance(parent, ast.Dict):  # properties={"addresses": relationship(...)}
            for key, value in zip(parent.keys, parent.values):
                if value is node and isinstance(key, ast.Constant):
                    return str(key.value)
        return "<relationship>"


def _dict_keywords(node: ast.expr | None) -> list[ast.keyword]:
    if not isinstance(node, ast.Dict):
        return []
    return [ast.keyword(arg=k.value, value=v) for k, v in zip(node.keys, node.values)
            if isinstance(k, ast.Constant) and isinstance(k.value, str)]


def _fk_target(node: ast.Call) -> str:
    if not node.args:
        return "<column>"
    first = node.args[-1] if len(node.args) > 1 else node.args[0]  # ForeignKeyConstraint refs
    return _text(first)


def _text(node: ast.expr) -> str:
    try:
        return ast.unparse(node)
    except Exception:  # noqa: BLE001 - a label only
        return "<column>"
