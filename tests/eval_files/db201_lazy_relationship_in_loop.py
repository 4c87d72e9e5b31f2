# select: DB201, DB603
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import (
    Load, Session, contains_eager, defaultload, joinedload, raiseload, selectinload,
    subqueryload,
)

# posts/comments/author: lazy (default); tags: lazy="selectin"; badges: lazy="dynamic";
# notes: lazy=<not a literal>.
from query_models import Post, User



def scalars_all(session: Session):
    users = session.scalars(select(User)).all()
    for user in users:
        print(user.posts)  # DB201
        print(user.posts)
        print(user.name)


def execute_scalars(session: Session):
    result = session.execute(select(User))
    for user in result.scalars():
        print(user.posts)  # DB201


def built_then_executed(session: Session):
    stmt = select(User)
    stmt = stmt.where(User.name == "x")
    users = session.scalars(stmt).all()
    return [u.posts for u in users]  # DB201


def legacy_query(session: Session):
    for user in session.query(User).filter(User.name == "x"):
        print(user.posts)  # DB201


def nested_path(session: Session):
    users = session.scalars(select(User).options(selectinload(User.posts))).all()
    for user in users:
        for post in user.posts:
            print(post.comments)  # DB201


def materialized_with_list(session: Session):
    users = list(session.scalars(select(User)))
    for user in users:
        print(user.posts)  # DB201


def enumerated(session: Session):
    users = session.scalars(select(User)).all()
    for i, user in enumerate(users):
        print(i, user.posts)  # DB201


def many_to_one(session: Session):
    for post in session.scalars(select(Post)):
        print(post.author)  # DB201


def rows_unpacked(session: Session):
    for post, user in session.execute(select(Post, User).join(Post.author)):
        print(user.posts)  # DB201


# ---- does not trigger ----------------------------------------------------
def with_selectinload(session: Session):
    stmt = select(User).options(selectinload(User.posts))
    for user in session.scalars(stmt):
        print(user.posts)


def with_joinedload_unique(session: Session):
    users = session.execute(select(User).options(joinedload(User.posts))).unique().scalars()
    for user in users:
        print(user.posts)


def options_added_incrementally(session: Session):
    stmt = select(User)
    stmt = stmt.options(subqueryload(User.posts))
    for user in session.scalars(stmt).all():
        print(user.posts)


def chained_path(session: Session):
    stmt = select(User).options(selectinload(User.posts).selectinload(Post.comments))
    for user in session.scalars(stmt):
        for post in user.posts:
            print(post.comments)


def load_and_defaultload(session: Session):
    stmt = select(User).options(Load(User).selectinload(User.posts),
                                defaultload(User.posts).joinedload(Post.comments))
    for user in session.scalars(stmt):
        for post in user.posts:
            print(post.comments)


def contains_eager_after_join(session: Session):
    stmt = select(Post).join(Post.author).options(contains_eager(Post.author))
    for post in session.scalars(stmt):
        print(post.author)


def raiseload_everything(session: Session):
    for user in session.scalars(select(User).options(raiseload("*"))):
        print(user.posts)


def string_attribute_old_style(session: Session):
    for user in session.query(User).options(selectinload("posts")):
        print(user.posts)


def opaque_options(session: Session, opts):
    for user in session.scalars(select(User).options(*opts)):
        print(user.posts)


def declared_not_lazy(session: Session):
    for user in session.scalars(select(User)):
        print(user.tags, user.badges, user.notes)


def column_only(session: Session):
    for user in session.scalars(select(User)):
        print(user.name, user.id)


def unknown_origin(users: list[User]):
    for user in users:
        print(user.posts)


def helper_origin(session: Session):
    for user in load_users(session):
        print(user.posts)


def single_object(session: Session):
    user = session.get(User, 1)
    print(user.posts)


def columns_only_select(session: Session):
    for row in session.execute(select(User.id, User.name)):
        print(row.id)


def assignment_is_not_a_read(session: Session):
    for user in session.scalars(select(User)):
        user.posts = []


def load_users(session: Session):
    return []
