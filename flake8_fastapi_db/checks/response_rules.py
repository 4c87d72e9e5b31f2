"""Declarations (code, message, docs page) of the route-level rules DB204, DB205, DB212."""
from __future__ import annotations

from ..rules import Rule
from .query_rules import _page

APP = '''from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

app = FastAPI()


def get_db():
    ...
'''


def _route_page(what: str, why: str, example: str, instead: str, limitations: str = "",
                options: str = "") -> str:
    page = _page(what, why, APP + "\n\n" + example.strip("\n"),
                 APP + "\n\n" + instead.strip("\n"), limitations)
    if options:
        head, sep, tail = page.partition("## Limitations")
        page = f"{head}## Options\n{options.strip()}\n\n{sep}{tail}" if sep else \
            f"{page}\n\n## Options\n{options.strip()}"
    return page


class DB204(Rule):
    __doc__ = _route_page(
        """
Finds GET routes that return every row of a table: the returned value comes
from a `select()`/`query()` in the route without `.limit()`, the response is a
collection, and the route has no pagination parameter (names in
`--db-pagination-params`) and no pagination dependency (a `Depends()` class or
function with such a parameter or field).
""",
        """
A list endpoint without a bound answers with the whole table: fine with the
test data, a multi-megabyte response and a slow query once the table grows
(seed checklist: "Pagination implemented for list endpoints").
""",
        """
from sqlalchemy import select


@app.get("/users")
def list_users(db: Session = Depends(get_db)):
    return db.scalars(select(User)).all()
""",
        """
from fastapi import Query
from sqlalchemy import select


@app.get("/users")
def list_users(db: Session = Depends(get_db), skip: int = 0,
               limit: int = Query(50, le=100)):
    stmt = select(User).order_by(User.id).offset(skip).limit(limit)
    return db.scalars(stmt).all()
""",
        """
Routes returning fastapi-pagination's `Page[...]` (or a type named `*Page`) or
calling `paginate(...)` are not reported, nor are routes whose query has a
`.limit()`, or whose list comes from a function the rule does not follow. A
dependency the plugin cannot resolve might paginate: silence.
""",
        options="`--db-pagination-params` (default "
                "`limit,offset,skip,page,page_size,per_page,size,cursor`).")

    code = "DB204"
    name = "unpaginated-list-route"
    message = "GET route {}() returns every row without pagination"
    checklist = (4,)


class DB205(Rule):
    __doc__ = _route_page(
        """
Finds a route parameter, or a field of a pagination dependency (`p: Params =
Depends()`), named `limit`, `page_size`, `per_page` or `size`, typed as an
integer, with no upper bound: no `le=`/`lt=` in `Query()`, `Field()`,
`Annotated[int, Query(le=...)]`, `conint(le=...)`, and no `min(limit, MAX)` or
`if limit > MAX` in the function.
""",
        """
Pagination with an unbounded page size is no pagination: a client (or a
crawler) asks for `limit=10000000` and gets the whole table.
""",
        """
from sqlalchemy import select


@app.get("/users")
def list_users(db: Session = Depends(get_db), limit: int = 50):
    return db.scalars(select(User).order_by(User.id).limit(limit)).all()
""",
        """
from fastapi import Query
from sqlalchemy import select


@app.get("/users")
def list_users(db: Session = Depends(get_db), limit: int = Query(50, ge=1, le=100)):
    return db.scalars(select(User).order_by(User.id).limit(limit)).all()
""",
        """
A field of a dependency class defined in another module is reported on the
route parameter that uses the class. Parameters that are not integers
(`size: str`) are not reported.
""")

    code = "DB205"
    name = "unbounded-page-size"
    message = "page-size parameter '{}' of {} has no upper bound (le=)"
    checklist = (4,)


class DB212(Rule):
    __doc__ = _route_page(
        """
Finds routes whose response schema (`response_model=` or the return
annotation, inside `list[...]`/`Optional[...]`) has a field named like a
lazy-loaded relationship of the ORM objects the route returns, while the
route's query has no loader option for it. Nested schemas are followed
(`UserOut.posts: list[PostOut]`, `PostOut.comments: ...`).
""",
        """
Serialising the response reads the attribute and lazy-loads it: one query per
returned object (N+1) in a sync route; in an `async def` route with an
`AsyncSession` the lazy load raises `MissingGreenlet` during serialisation.
""",
        """
from pydantic import BaseModel, ConfigDict
from sqlalchemy import select


class PostOut(BaseModel):
    id: int


class UserOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    posts: list[PostOut]


@app.get("/users", response_model=list[UserOut])
def list_users(db: Session = Depends(get_db)):
    return db.scalars(select(User).order_by(User.id).limit(50)).all()
""",
        """
from pydantic import BaseModel, ConfigDict
from sqlalchemy import select
from sqlalchemy.orm import selectinload


class PostOut(BaseModel):
    id: int


class UserOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    posts: list[PostOut]


@app.get("/users", response_model=list[UserOut])
def list_users(db: Session = Depends(get_db)):
    stmt = select(User).options(selectinload(User.posts)).order_by(User.id).limit(50)
    return db.scalars(stmt).all()
""",
        """
Only values returned directly from a query in the route are followed. In a sync
route that returns one object, one lazy load is one query, not N: reported only
for collections below it. Fields with an `alias` are skipped.
""")

    code = "DB212"
    name = "response-schema-lazy-relationship"
    message = "route {}() serialises lazy relationship(s) {} without a loader option"
    checklist = (3,)
