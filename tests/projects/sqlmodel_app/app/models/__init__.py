# select: DB1
from .base import HeroBase, TimestampedBase
from .tables import Hero, HeroCreate, HeroPublic, Team

__all__ = ["Hero", "HeroBase", "HeroCreate", "HeroPublic", "Team", "TimestampedBase"]
