# select: DB101,DB107,DB114
from datetime import datetime

from sqlalchemy import desc, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import User


async def by_email(db: AsyncSession, email: str):
    return await db.scalar(select(User).where(User.email == email))


async def by_nickname(db: AsyncSession, nickname: str):
    return await db.scalar(select(User).where(User.nickname == nickname))


async def by_city(db: AsyncSession, city: str):
    return (await db.scalars(select(User).where(User.city == city))).all()  # DB114


async def by_country(db: AsyncSession, country: str):
    # covered by the composite migration index ix_users_country_score
    stmt = select(User).where(User.country == country).order_by(User.score)
    return (await db.scalars(stmt)).all()


async def top_scores(db: AsyncSession):
    # score follows country in the migration's composite index: not leading
    return (await db.scalars(select(User).order_by(desc(User.score)).limit(10))).all()  # DB114


async def tenant_recent(db: AsyncSession, tenant_id: int, since: datetime):
    stmt = (
        select(User)
        .where(User.tenant_id == tenant_id)
        .order_by(User.created_at.desc())
    )
    return (await db.scalars(stmt)).all()


async def recent(db: AsyncSession):
    stmt = select(User).order_by(User.created_at.desc())  # DB114
    return (await db.scalars(stmt)).all()


async def by_organization(db: AsyncSession, organization_id: int):
    return (await db.scalars(select(User).where(User.organization_id == organization_id))).all()


async def by_team(db: AsyncSession, team_id: int):
    return (await db.scalars(select(User).where(User.team_id == team_id))).all()  # DB114


async def by_rank(db: AsyncSession, rank: int):
    return (await db.scalars(select(User).where(User.rank == rank))).all()


async def by_region(db: AsyncSession, region_id: int):
    return (await db.scalars(select(User).where(User.region_id == region_id))).all()
