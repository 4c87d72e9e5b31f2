# select: DB202
from sqlalchemy import Column, Integer, String, Table, and_, delete, func, insert, not_, or_
from sqlalchemy import select, text, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import (
    Load, Session, contains_eager, defaultload, joinedload, raiseload, selectinload,
    subqueryload,
)

from query_models import Comment, Post, User, accounts


def get_per_item(session: Session, posts):
    for post in posts:
        author = session.get(User, post.author_id)  # DB202
        print(author)


def statement_built_in_loop(session: Session, ids):
    for user_id in ids:
        stmt = select(User).where(User.id == user_id)
        print(session.scalars(stmt).first())  # DB202


def via_local_variable(session: Session, posts):
    for post in posts:
        uid = post.author_id
        print(session.execute(select(User).where(User.id == uid)).scalar_one())  # DB202


async def awaited_in_comprehension(session, ids):
    return [await session.get(User, i) for i in ids]  # DB202


def legacy_query(session: Session, names):
    for name in names:
        print(session.query(User).filter(User.name == name).first())  # DB202


def scalar_count(session: Session, users):
    return {u.id: session.scalar(select(func.count()).where(Post.author_id == u.id)) for u in users}  # DB202


def text_with_params(session: Session, ids):
    for i in ids:
        session.execute(text("SELECT * FROM users WHERE id = :id"), {"id": i})  # DB202


# ---- does not trigger ----------------------------------------------------
def batch_in(session: Session, ids):
    for chunk in chunks(ids, 500):
        print(session.scalars(select(User).where(User.id.in_(chunk))).all())


def batch_offset(session: Session, pages):
    for page in range(pages):
        stmt = select(User).order_by(User.id).offset(page * 100).limit(100)
        print(session.scalars(stmt).all())


def independent_of_loop(session: Session, n):
    stmt = select(User)
    for _ in range(n):
        print(session.scalars(stmt).all())


def writes_are_db207(session: Session, ids):
    for i in ids:
        session.execute(update(User).where(User.id == i).values(name="x"))


def dict_get_is_not_a_session(cache, items):
    for item in items:
        print(cache.get(item, None))


def unknown_statement(session: Session, items):
    for item in items:
        session.execute(build(item))


def outside_any_loop(session: Session, user_id):
    return session.get(User, user_id)


def loop_iterable_itself(session: Session):
    for user in session.scalars(select(User)):
        print(user.id)


def fixed_literal_loop(session: Session):
    for model in (User, Post):
        print(session.scalars(select(model)).all())


def raw_ddl_and_dml(session: Session, names):
    for name in names:
        session.execute(text(f"DROP TABLE IF EXISTS {name}"))
        session.execute(text("UPDATE users SET name = :n WHERE id = 1"), {"n": name})


MODELS = (User, Post)


def module_constant_loop(session: Session):
    for model in MODELS:
        print(session.scalars(select(model)).all())


def one_query_per_model(session: Session, models):
    for model in models:
        print(session.scalar(select(func.count()).select_from(model)), session.scalars(select(model)))


def chunks(items, size):
    return []


def build(item):
    return None


# A fixed count written in the code (range of literals), not one query per row.
def fixed_range(session: Session):
    for number in range(1, 12):
        print(session.query(User).filter(User.id == number).first())


# One query per group of keys: the loop's own chunk goes to .in_().
def per_group_in(session: Session, by_owner):
    for owner_id, post_ids in by_owner.items():
        print(session.scalars(
            select(Post).where(Post.id.in_(post_ids), Post.author_id == owner_id)).first())


# .in_() of an attribute of the element is not a chunk: still one query per row.
def in_of_element_attribute(session: Session, users):
    for user in users:
        print(session.scalars(select(Post).where(Post.id.in_(user.post_ids), Post.author_id == user.id)).all())  # DB202


# Raw SQL whose formatted part is a table name: one query per table.
def per_table_text(conn, tables):
    for table in tables:
        print(conn.execute(text(f'SELECT count(*) FROM "{table.name}"')).scalar())


# A literal range that depends on data is not fixed.
def data_range(session: Session, count):
    for number in range(count):
        print(session.get(User, number))  # DB202
