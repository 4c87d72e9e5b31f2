# select: DB204
from sqlalchemy import Column, Integer, String, Table, and_, delete, func, insert, not_, or_
from sqlalchemy import select, text, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import (
    Load, Session, contains_eager, defaultload, joinedload, raiseload, selectinload,
    subqueryload,
)

from query_models import Comment, Post, User, accounts
from typing import Annotated, List, Sequence

from fastapi import APIRouter, Depends, FastAPI, Query
from fastapi_pagination import Page
from fastapi_pagination.ext.sqlalchemy import paginate
from pydantic import BaseModel

app = FastAPI()
router = APIRouter()


def get_db():
    ...


class UserOut(BaseModel):
    id: int


class PageParams(BaseModel):
    page: int = 1
    page_size: int = Query(20, le=100)


def common_limits(skip: int = 0, limit: int = Query(50, le=100)):
    return {"skip": skip, "limit": limit}


@app.get("/users", response_model=list[UserOut])
def list_users(db: Session = Depends(get_db)):  # DB204
    return db.scalars(select(User)).all()


@router.get("/posts")
async def list_posts(db=Depends(get_db)) -> Sequence[UserOut]:  # DB204
    result = await db.execute(select(Post).where(Post.author_id == 1))
    return result.scalars().all()


@router.get("/legacy")
def legacy(db=Depends(get_db)):  # DB204
    return db.query(User).all()


@router.api_route("/both", methods=["GET", "POST"])
def both(db=Depends(get_db)):  # DB204
    users = db.scalars(select(User)).all()
    return [UserOut(id=u.id) for u in users]


# ---- does not trigger ----------------------------------------------------
@app.get("/limited", response_model=List[UserOut])
def limited(db: Session = Depends(get_db)):
    return db.scalars(select(User).order_by(User.id).limit(100)).all()


@app.get("/params", response_model=list[UserOut])
def with_params(db: Session = Depends(get_db), skip: int = 0, limit: int = Query(100, le=1000)):
    return db.scalars(select(User).order_by(User.id).offset(skip).limit(limit)).all()


@app.get("/page", response_model=Page[UserOut])
def paged(db: Session = Depends(get_db)):
    return paginate(db, select(User).order_by(User.id))


@app.get("/page2")
def paged2(db: Session = Depends(get_db)) -> Page[UserOut]:
    return paginate(db, select(User).order_by(User.id))


@app.get("/dep-model", response_model=list[UserOut])
def dep_model(params: PageParams = Depends(), db: Session = Depends(get_db)):
    return db.scalars(select(User)).all()


@app.get("/dep-func", response_model=list[UserOut])
def dep_func(commons: Annotated[dict, Depends(common_limits)], db: Session = Depends(get_db)):
    return db.scalars(select(User)).all()


@app.get("/unknown-dep", response_model=list[UserOut])
def unknown_dep(params=Depends(get_params_from_elsewhere), db: Session = Depends(get_db)):
    return db.scalars(select(User)).all()


@app.post("/users", response_model=list[UserOut])
def not_get(db: Session = Depends(get_db)):
    return db.scalars(select(User)).all()


@app.get("/one", response_model=UserOut)
def one(db: Session = Depends(get_db)):
    return db.scalars(select(User)).first()


@app.get("/helper", response_model=list[UserOut])
def helper(db: Session = Depends(get_db)):
    return crud_list(db)


@app.get("/columns")
def columns_count(db: Session = Depends(get_db)):
    return {"n": db.scalar(select(func.count()).select_from(User))}


def crud_list(db):
    return []


@app.get("/built", response_model=list[UserOut])
def built_by_loop(db: Session = Depends(get_db)):  # DB204
    out = []
    for user in db.scalars(select(User)):
        if user.id:
            out.append(UserOut(id=user.id))
    return out


@app.get("/built-from-rows")
async def built_from_rows(db: AsyncSession = Depends(get_db)) -> list[UserOut]:  # DB204
    rows = (await db.execute(select(User))).scalars().all()
    out: list[UserOut] = list()
    for row in rows:
        out.extend([UserOut(id=row.id)])
    return out


@app.get("/built-limited", response_model=list[UserOut])
def built_with_limit(db: Session = Depends(get_db)):
    out = []
    for user in db.scalars(select(User).limit(50)):
        out.append(UserOut(id=user.id))
    return out


@app.get("/built-stops", response_model=list[UserOut])
def built_until_full(db: Session = Depends(get_db)):
    out = []
    for user in db.scalars(select(User)):
        out.append(UserOut(id=user.id))
        if len(out) >= 20:
            break
    return out


@app.get("/built-trimmed", response_model=list[UserOut])
def built_then_trimmed(db: Session = Depends(get_db)):
    out = []
    for user in db.scalars(select(User)):
        out.append(UserOut(id=user.id))
    out = out[:20]
    return out


@app.get("/built-by-helper", response_model=list[UserOut])
def built_by_helper(db: Session = Depends(get_db)):
    out = []
    for user in db.scalars(select(User)):
        out.append(UserOut(id=user.id))
    keep_first(out)
    return out


@app.get("/built-from-two", response_model=list[UserOut])
def built_from_two_loops(db: Session = Depends(get_db)):
    out = []
    for user in db.scalars(select(User)):
        out.append(UserOut(id=user.id))
    for name in ("a", "b"):
        out.append(UserOut(id=len(name)))
    return out


@app.get("/built-from-fixed", response_model=list[UserOut])
def built_from_fixed(db: Session = Depends(get_db)):
    out = []
    for uid in (1, 2, 3):
        out.append(db.get(User, uid))
    return out


def keep_first(items):
    del items[20:]
