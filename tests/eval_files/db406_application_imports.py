# select: DB406
"""Imports of the migration: libraries and the standard library are fine."""
from __future__ import annotations

import datetime
import json
import uuid
from typing import TYPE_CHECKING

import sqlalchemy as sa
import sqlalchemy_utils
import sqlmodel
from alembic import op
from sqlalchemy.dialects import postgresql
from sqlalchemy.sql import column, table

from . import shared_steps  # DB406
from ..models import Account  # DB406

if TYPE_CHECKING:
    from .typing_helpers import Row

revision = "c63748596a7b"
down_revision = "b52637485960"

# the lightweight table the data migration needs, frozen at this revision
accounts = table("accounts", column("id", sa.Integer), column("settings", postgresql.JSONB))


def upgrade() -> None:
    from .backfills import fill_settings  # DB406

    op.execute(accounts.update().values(settings=json.dumps({"created": str(datetime.date.today())})))
    fill_settings(op.get_bind(), uuid.uuid4(), sqlmodel, sqlalchemy_utils, shared_steps, Account)


def downgrade() -> None:
    op.execute(accounts.update().values(settings=None))
