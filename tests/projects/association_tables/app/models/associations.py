# select: DB101,DB109,DB117
from sqlalchemy import Column, ForeignKey, Index, Table

from .base import Base

post_tags = Table(
    "post_tags",
    Base.metadata,
    Column("post_id", ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True),
    # the composite primary key's index covers only post_id
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),  # DB101
)

user_groups = Table(
    "user_groups",
    Base.metadata,
    Column("user_id", ForeignKey("users.id"), primary_key=True),
    Column("group_id", ForeignKey("groups.id"), primary_key=True),
    Index("ix_user_groups_group_id", "group_id"),
)

follower_links = Table(
    "followers",
    Base.metadata,
    Column("follower_id", ForeignKey("users.id"), primary_key=True),
    Column("followed_id", ForeignKey("users.id"), primary_key=True),
)
# a module-level Index against the table's columns
Index("ix_followers_followed_id", follower_links.c.followed_id)
