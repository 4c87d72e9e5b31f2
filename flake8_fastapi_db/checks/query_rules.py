"""Declarations (code, message, docs page) of the DB2xx query rules and DB603.

The examples of several pages share one small model file; ``_page`` puts it in
front of each snippet so every Example/Use-instead block stays a complete file.
"""
from __future__ import annotations

from ..rules import Rule

MODELS = '''from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship
from sqlalchemy.orm import selectinload


class Base(DeclarativeBase):
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now())
    is_active: Mapped[bool] = mapped_column(default=True)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str | None]
    posts: Mapped[list["Post"]] = relationship(
        back_populates="author", cascade="all, delete-orphan")


class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    author: Mapped[User] = relationship(back_populates="posts")
'''


def _code(body: str, models: bool) -> str:
    text = (MODELS + "\n\n" if models else "") + body.strip("\n") + "\n"
    return "```python\n" + text + "```"


def _page(what: str, why: str, example: str, instead: str, limitations: str = "",
          models: bool = True, references: str = "") -> str:
    parts = [f"## What it does\n{what.strip()}", f"## Why is this bad?\n{why.strip()}",
             f"## Example\n{_code(example, models)}",
             f"## Use instead\n{_code(instead, models)}"]
    if limitations:
        parts.append(f"## Limitations\n{limitations.strip()}")
    if references:
        parts.append(f"## References\n{references.strip()}")
    return "\n\n".join(parts)


class DB201(Rule):
    __doc__ = _page(
        """
Finds a lazy-loaded relationship read inside a loop (or comprehension) over ORM
objects of a query that has no loader option for it.

The query must be visible in the same function: `select(User)` executed with
`session.scalars(...)`, `session.execute(...).scalars()`, legacy
`session.query(User)`, built in one variable and executed in another. Loader
options recognised: `selectinload`, `joinedload`, `subqueryload`,
`contains_eager`, `immediateload`, `raiseload`, `noload`, including chained
paths (`selectinload(User.posts).selectinload(Post.comments)`), `Load(...)` and
`defaultload(...)` prefixes.
""",
        """
Each iteration emits one more `SELECT` for the relationship: one query for the
list plus N queries for the relationship, the classic N+1 (seed §2 "Problem:
N+1 Queries"). It is invisible with ten rows in development and dominates
response time with a thousand in production.
""",
        """
def report(session: Session) -> list[int]:
    users = session.scalars(select(User)).all()
    return [len(user.posts) for user in users]
""",
        """
def report(session: Session) -> list[int]:
    users = session.scalars(select(User).options(selectinload(User.posts))).all()
    return [len(user.posts) for user in users]
""",
        """
Relationships declared with `lazy="selectin"`, `"joined"`, `"subquery"`,
`"raise"`, `"noload"`, `"dynamic"`, `"write_only"` or `"immediate"` are never
reported, nor is a relationship whose `lazy=` is not a literal. Results whose
query is built elsewhere (a repository function, a parameter) are not followed.
In an `async def` whose query was awaited (an `AsyncSession`), the access is
reported as DB603 instead: there it raises `MissingGreenlet` on the first
iteration rather than issuing N queries.
""")

    code = "DB201"
    name = "lazy-relationship-in-loop"
    message = "{} lazy-loads a relationship of {} in a loop (N+1); add a loader option"
    checklist = (3,)


class DB202(Rule):
    __doc__ = _page(
        """
Finds a query executed inside a loop whose statement depends on the loop
variable: `session.get(Model, item.id)`, `session.execute(select(...).where(...
== item.x))`, `session.scalars(...)`, `session.scalar(...)` or legacy
`session.query(...)`, awaited or not, in a `for` loop body or a comprehension.
""",
        """
It is a hand-written N+1: one round trip per element. One query with
`.where(Model.id.in_(ids))` fetches the same rows at once.
""",
        """
def authors(session: Session, posts: list[Post]) -> list[User | None]:
    return [session.get(User, post.author_id) for post in posts]
""",
        """
def authors(session: Session, ids: list[int]) -> list[User]:
    return list(session.scalars(select(User).where(User.id.in_(ids))))
""",
        """
Batch loops are fine: a statement that uses the loop variable only inside
`.in_(...)`, `.offset(...)`, `.limit(...)` or `.slice(...)` reads a chunk per
iteration. A loop over a literal tuple or list (`for model in (User, Post)`)
runs a fixed number of queries written out in the code, not one per row, and is
not reported; neither is a loop whose variable is the queried model or table
(`select(model)`, `.select_from(model)`: one query per table). Writes
(`insert`/`update`/`delete`, raw DDL/DML `text()`) in loops are not queries of
rows (DB207 covers the first three). Only statements the plugin recognises
(SQLAlchemy constructors, `session.get(Model, ...)`, `session.query(Model)`,
`text("SELECT ...")`) are considered; a raw DB-API cursor is not.
""")

    code = "DB202"
    name = "query-in-loop"
    message = "{}() runs one query per loop iteration; fetch all rows with one .in_() query"
    checklist = (3,)


class DB203(Rule):
    __doc__ = _page(
        """
Finds `joinedload()` of a collection relationship in a 2.0-style `select()`
whose result is consumed without `.unique()` by a method that raises:
`.all()`, `.one()`, `.one_or_none()`, `.scalar_one()`,
`.scalar_one_or_none()`, `.fetchall()`, `.fetchone()`, `.fetchmany()`,
`.partitions()`, iteration (`for`, `list()`), on the `Result`, on
`.scalars()`/`.mappings()` or on `session.scalars()`.
""",
        """
A joined eager load of a collection returns the parent row once per child.
SQLAlchemy 2.x refuses to guess how to de-duplicate and raises
`InvalidRequestError: The unique() method must be invoked on this Result`
as soon as the result has a row (verified with SQLAlchemy 2.1 for every listed
method; `.first()`, `.scalar()` and legacy `Query` de-duplicate or do not
raise).
""",
        """
from sqlalchemy.orm import joinedload


def everyone(session: Session) -> list[User]:
    stmt = select(User).options(joinedload(User.posts))
    return list(session.scalars(stmt).all())
""",
        """
from sqlalchemy.orm import joinedload


def everyone(session: Session) -> list[User]:
    stmt = select(User).options(joinedload(User.posts))
    return list(session.scalars(stmt).unique().all())
""",
        """
Many-to-one `joinedload` is never reported, nor a `joinedload` below a
`selectinload` (`selectinload(A.b).joinedload(B.c)` de-duplicates nothing in
the primary query). An empty result does not raise at runtime, so tests
with no data miss what this rule reports.
""")

    code = "DB203"
    name = "joinedload-collection-without-unique"
    message = "joinedload of collection '{}' without .unique() raises InvalidRequestError"
    checklist = (3,)


class DB206(Rule):
    __doc__ = _page(
        """
Finds `.offset(...)` on a `select()` or legacy `query()` whose statement has no
`.order_by(...)` — before or after the offset, including statements built
incrementally (`stmt = select(X)`, `stmt = stmt.where(...)`,
`stmt = stmt.offset(...)`).
""",
        """
Without `ORDER BY` the database may return rows in any order, and the order can
change between two requests (parallel scans, updates, vacuum). Offset pages
then repeat some rows and never show others.
""",
        """
def page(session: Session, skip: int) -> list[User]:
    return list(session.scalars(select(User).offset(skip).limit(50)))
""",
        """
def page(session: Session, skip: int) -> list[User]:
    stmt = select(User).order_by(User.id).offset(skip).limit(50)
    return list(session.scalars(stmt))
""",
        """
`.limit()` alone (the first N rows) and `.offset(0)` are not reported. A
statement handed to a helper function before it is executed (which might add
the ordering) is not reported.
""")

    code = "DB206"
    name = "offset-without-order-by"
    message = ".offset() on {}(...) without .order_by(): pages are nondeterministic"
    checklist = (4,)


class DB207(Rule):
    __doc__ = _page(
        """
Finds row-at-a-time writes in a `for` loop: `session.add(Model(...))` of a
new object built in the loop, `session.merge(obj)`, `session.delete(obj)`, or
`session.execute(insert(...) / update(...) / delete(...))` with one parameter
set.
""",
        """
Each `execute()` of a DML statement is a round trip; `merge()` first loads each
object by primary key; deleting loaded objects one by one means they were all
loaded first. One bulk statement (`execute(insert(Model), rows)`,
`update(...).where(Model.id.in_(ids))`, `delete(...).where(...)`) or one
`add_all()` says what is meant and lets SQLAlchemy batch (seed §2 "Batch
Operations").
""",
        """
from sqlalchemy import update


def publish(session: Session, ids: list[int]) -> None:
    for post_id in ids:
        session.execute(update(Post).where(Post.id == post_id).values(author_id=1))
    session.commit()
""",
        """
from sqlalchemy import update


def publish(session: Session, ids: list[int]) -> None:
    session.execute(update(Post).where(Post.id.in_(ids)).values(author_id=1))
    session.commit()
""",
        """
A loop that also commits in each iteration is reported as DB306 instead. The
session is recognised by its use in the same function (`commit()`,
`execute()`, ...), by a `Session`/`AsyncSession` annotation or by its name
(`session`, `db`); `set.add()` and friends are not sessions. `session.add(obj)`
of an object that was loaded (not built in the loop) is not reported: adding a
persistent object again does nothing (verified). `add_all()` is not reported,
as the seed recommends it, but it flushes exactly like a loop of `add()`: with
a server-generated key SQLite receives one `INSERT` per object either way,
while `session.execute(insert(Model), rows)` is one executemany (verified with
SQLAlchemy 2.1); PostgreSQL batches both through "insertmanyvalues".
""")

    code = "DB207"
    name = "row-at-a-time-write"
    message = "{} in a loop writes one row per iteration; use a bulk statement or add_all()"
    checklist = (9,)


class DB208(Rule):
    __doc__ = _page(
        """
Finds `len()` of all rows of a `select()`/`query()`: `len(session.scalars(
stmt).all())`, `len(result.scalars().all())`, `len(query.all())`, or `len(rows)`
where `rows` holds such an `.all()` and is used for nothing else.
""",
        """
Every row is fetched, turned into an ORM object and kept in memory just to be
counted. `select(func.count()).select_from(...)` lets the database count.
""",
        """
def user_count(session: Session) -> int:
    return len(session.scalars(select(User)).all())
""",
        """
def user_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(User)) or 0
""",
        """
A list that is counted and then used for its rows (iterated, returned) is not
reported: the rows were needed anyway.
""")

    code = "DB208"
    name = "len-of-all-rows"
    message = "len() of every row of {}(...); count in SQL with select(func.count())"


class DB209(Rule):
    __doc__ = _page(
        """
Finds Python operators applied to SQL column expressions inside `where()`,
`filter()`, `having()`, `and_()`, `or_()` or a join's ON clause: `is`,
`is not`, `in`, `not in`, `not`, `and`, `or`. A column expression is
`Model.column` of a resolved model, `table.c.column`, or a comparison built
from one.
""",
        """
Python evaluates these operators itself instead of building SQL:
`User.name is None` is `False`, so the query becomes `WHERE false`;
`a == 1 and b == 2` keeps only the second comparison, `or` only the first,
`User.id in ids` becomes `WHERE 0 = 1` (verified with SQLAlchemy 2.1). The query
runs and silently returns the wrong rows.
""",
        """
def unnamed(session: Session) -> list[User]:
    return list(session.scalars(select(User).where(User.name is None)))
""",
        """
def unnamed(session: Session) -> list[User]:
    return list(session.scalars(select(User).where(User.name.is_(None))))
""",
        """
Use `.is_(None)`, `.is_not(None)`, `.in_()`, `.not_in()`, `and_()`, `or_()`,
`not_()` or `~`. Only expressions of models the plugin resolves are checked.
""")

    code = "DB209"
    name = "python-operator-on-column"
    message = "Python '{}' on a column expression is evaluated by Python, not SQL"


class DB210(Rule):
    __doc__ = _page(
        """
Finds `.all()[0]`, `.scalars().all()[0]`, `.fetchall()[0]` and `list(result)[0]`
(any constant index) on the rows of a query.
""",
        """
All rows are loaded to use one. `.first()`, `.scalar_one()` or `.limit(1)`
fetch only what is needed.
""",
        """
def first_user(session: Session) -> User:
    return session.scalars(select(User).order_by(User.id)).all()[0]
""",
        """
def first_user(session: Session) -> User | None:
    return session.scalars(select(User).order_by(User.id).limit(1)).first()
""")

    code = "DB210"
    name = "index-into-all-rows"
    message = "indexing all rows of {}(...) loads every row to use one; use .first()"


class DB211(Rule):
    __doc__ = _page(
        """
Finds `like()`/`ilike()` (and their negations) with a pattern that starts with
`%`: a literal, an f-string, `"%" + x`, `"%{}".format(x)`, or a local name
assigned one of those.
""",
        """
A pattern with a leading wildcard cannot use a B-tree index: every search scans
the table. Use a prefix search, a trigram index (`pg_trgm`) or full-text search.
""",
        """
def search(session: Session, text: str) -> list[User]:
    return list(session.scalars(select(User).where(User.name.ilike(f"%{text}%"))))
""",
        """
def search(session: Session, text: str) -> list[User]:
    return list(session.scalars(select(User).where(User.name.ilike(f"{text}%"))))
""",
        """
Off by default: a leading wildcard is often the requirement, on small tables
or with a trigram index the rule cannot see.
""")

    code = "DB211"
    name = "leading-wildcard-like"
    message = "{}() pattern starts with '%' and cannot use an index"
    default_enabled = False


class DB213(Rule):
    __doc__ = _page(
        """
Finds the legacy `session.query(Model)` API.
""",
        """
SQLAlchemy 2.0 style is `select()` executed with `session.execute()` /
`session.scalars()`; `Query` is legacy, and `AsyncSession` has no `query()`.
""",
        """
def everyone(session: Session) -> list[User]:
    return session.query(User).all()
""",
        """
def everyone(session: Session) -> list[User]:
    return list(session.scalars(select(User)))
""",
        """
Off by default: legacy code works and migrating it is a project decision.
""")

    code = "DB213"
    name = "legacy-query-api"
    message = "legacy {}() API; use select() with session.execute()/scalars()"
    default_enabled = False


class DB603(Rule):
    __doc__ = _page(
        """
Finds, in an `async def`, a read of a lazy-loaded relationship of an object
that was loaded through an `AsyncSession` by a query without a loader option for
it. An awaited `session.execute/scalars/scalar/get/stream(...)` is the evidence
that the session is asynchronous.
""",
        """
A lazy load is implicit I/O. Under `AsyncSession` it cannot run on attribute
access and raises `sqlalchemy.exc.StatementError` wrapping `MissingGreenlet`
(verified with SQLAlchemy 2.1 and aiosqlite).
""",
        """
from sqlalchemy.ext.asyncio import AsyncSession


async def titles(session: AsyncSession, user_id: int) -> list[int]:
    user = await session.get(User, user_id)
    return [post.id for post in user.posts]
""",
        """
from sqlalchemy.ext.asyncio import AsyncSession


async def titles(session: AsyncSession, user_id: int) -> list[int]:
    stmt = select(User).where(User.id == user_id).options(selectinload(User.posts))
    user = (await session.scalars(stmt)).one()
    return [post.id for post in user.posts]
""",
        """
Relationships declared `lazy="selectin"`, `"joined"`, `"raise"` (and the other
non-lazy strategies), `await obj.awaitable_attrs.rel` and
`await session.refresh(obj, ["rel"])` are fine. In a loop over such objects
this rule replaces DB201: the first access raises, so there are no N extra
queries to report.
""")

    code = "DB603"
    name = "lazy-load-in-async"
    message = "{} lazy-loads a relationship of {} under AsyncSession (MissingGreenlet)"
    checklist = (3,)
