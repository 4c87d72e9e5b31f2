# select: DB207
from sqlalchemy import Column, Integer, String, Table, and_, delete, func, insert, not_, or_
from sqlalchemy import select, text, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import (
    Load, Session, contains_eager, defaultload, joinedload, raiseload, selectinload,
    subqueryload,
)

from query_models import Comment, Post, User, accounts


def add_in_loop(session: Session, rows):
    for row in rows:
        session.add(User(name=row))  # DB207
    session.commit()


def merge_and_delete(db: Session, users, stale):
    for user in users:
        db.merge(user)  # DB207
    for user in stale:
        db.delete(user)  # DB207
    db.commit()


async def execute_dml(session, ids):
    for i in ids:
        await session.execute(update(User).where(User.id == i).values(name="x"))  # DB207
        await session.execute(delete(Post).where(Post.author_id == i))  # DB207
        stmt = insert(Post).values(author_id=i)
        await session.execute(stmt)  # DB207
    await session.commit()


class Repository:
    def __init__(self, session: Session):
        self.session = session

    def save_all(self, names):
        for name in names:
            user = User(name=name)
            self.session.add(user)  # DB207


def evidence_from_usage(uow, names):
    for name in names:
        uow.add(User(name=name))  # DB207
    uow.flush()


# ---- does not trigger ----------------------------------------------------
def add_all(session: Session, rows):
    session.add_all([User(name=r) for r in rows])
    session.commit()


def bulk_insert(session: Session, rows):
    session.execute(insert(User), [{"name": r} for r in rows])


def chunked_executemany(session: Session, chunks):
    for chunk in chunks:
        session.execute(insert(User), chunk)


def commit_each_iteration_is_db306(session: Session, rows):
    for row in rows:
        session.add(User(name=row))
        session.commit()


def re_adding_loaded_objects_is_a_no_op(session: Session, users):
    for user in users:
        user.name = "x"
        session.add(user)
    session.commit()


def one_bulk_statement_per_table(session: Session, models, user_id):
    tables = [Post, Comment]
    for table in tables:
        session.execute(delete(table).where(table.id == user_id))
    for model in models:
        session.execute(delete(model).where(model.id == user_id))


def retry_loop(session: Session, retries):
    stmt = update(User).where(User.id == 1).values(name="x")
    for _ in range(retries):
        session.execute(stmt)


def chunked_in(session: Session, chunks):
    for chunk in chunks:
        session.execute(delete(Post).where(Post.id.in_(chunk)))


def a_set_is_not_a_session(rows):
    seen = set()
    for row in rows:
        seen.add(row)
    return seen


def http_client(client, ids):
    for i in ids:
        client.delete(f"/users/{i}")


def select_in_loop_is_not_a_write(session: Session, ids):
    for i in ids:
        session.execute(select(User).where(User.id.in_([i])))


# Chunked loop: one multi-row INSERT per chunk of rows.
def chunked_insert(session: Session, rows, batch_size):
    for i in range(0, len(rows), batch_size):
        batch = rows[i:i + batch_size]
        records = [{"name": name} for name in batch]
        session.execute(insert(User).values(records).prefix_with(str(i)))


# A step of 1 is not a chunk.
def stepped_by_one(session: Session, names):
    for i in range(0, len(names), 1):
        session.execute(update(User).where(User.id == i).values(name=names[i]))  # DB207
