# select: DB2, DB603
from .base import Base
from .post import Post, Tag
from .user import User

__all__ = ["Base", "Post", "Tag", "User"]
