# select: DB3,DB6
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session


class UserRepository:
    def __init__(self, session: AsyncSession):
        self.session = session

    async def add(self, user):
        self.session.add(user)
        self.session.commit()  # DB602

    async def count(self):
        return self.session.query(object).count()  # DB605

    async def good(self, user):
        self.session.add(user)
        await self.session.commit()
        return (await self.session.scalars(select(object))).all()


class SyncService:
    db: Session

    async def list(self):
        return self.db.scalars(select(object)).all()  # DB601

    def register(self, user, profile):
        self.db.add(user)
        self.db.commit()
        self.db.add(profile)
        self.db.commit()  # DB304


class Ambiguous:
    def __init__(self, session: AsyncSession, other):
        self.session = session
        self.other = other

    def swap(self, sync_session: Session):
        self.session = sync_session

    async def run(self):
        # Assigned an AsyncSession and a Session: unknown.
        self.session.commit()
        self.other.commit()


class Unpacked:
    def __init__(self, pair):
        self.session, self.engine = pair

    async def run(self):
        self.session.commit()


class Lazy:
    def __init__(self):
        self.session = None

    def open(self, session: AsyncSession):
        self.session = session

    async def run(self):
        self.session.commit()  # DB602

    @staticmethod
    def helper(self):
        self.session.commit()
