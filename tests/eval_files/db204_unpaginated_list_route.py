# select: DB204
from datetime import datetime
from typing import Optional

from sqlalchemy import DateTime, ForeignKey, delete, func, insert, select, text, update, and_, or_, not_, Table, Column, Integer, String, MetaData
from sqlalchemy.orm import (
    DeclarativeBase, Load, Mapped, Session, contains_eager, defaultload, joinedload,
    mapped_column, raiseload, relationship, selectinload, subqueryload,
)


class Base(DeclarativeBase):
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[Optional[str]]
    posts: Mapped[list["Post"]] = relationship(back_populates="author")
    tags: Mapped[list["Tag"]] = relationship(lazy="selectin")
    badges: Mapped[list["Badge"]] = relationship(lazy="dynamic")
    notes: Mapped[list["Note"]] = relationship(lazy=LAZY_STRATEGY)


class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    author: Mapped[User] = relationship(back_populates="posts")
    comments: Mapped[list["Comment"]] = relationship()


class Comment(Base):
    __tablename__ = "comments"
    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id"), index=True)


class Tag(Base):
    __tablename__ = "tags"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)


class Badge(Base):
    __tablename__ = "badges"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)



metadata = MetaData()
accounts = Table("accounts", metadata, Column("id", Integer, primary_key=True),
                 Column("owner", String(50)))
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
