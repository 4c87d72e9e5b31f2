# select: DB102
from .tag import Tag
from .user import User

__all__ = ["Tag", "User"]
