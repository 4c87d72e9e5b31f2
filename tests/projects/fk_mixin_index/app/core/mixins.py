# select: DB101
from sqlalchemy import ForeignKey, Index
from sqlalchemy.orm import Mapped, declared_attr, mapped_column


class OwnerIndexMixin:
    """Indexes the owner_id column that each model declares itself."""

    __table_args__ = (
        Index(None, "owner_id"),
        {"comment": "owned rows"},
    )


class TenantIndexMixin:
    @declared_attr.directive
    def __table_args__(cls):
        return (Index(f"ix_{cls.__tablename__}_tenant_id", "tenant_id"),)


class WorkspaceMixin:
    """Declares the FK without an index: judged in each model that uses it."""

    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id"))


class IndexedWorkspaceMixin:
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id"), index=True)
