# select: DB101,DB107,DB114
from sqlalchemy import select

from app.models import User


def lookup_by_score(db):
    # a test's queries are not production access patterns: DB114 stays silent here
    assert db.scalars(select(User).where(User.score == 3)).all() == []
