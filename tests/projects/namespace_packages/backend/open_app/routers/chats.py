# select: DB101,DB102,DB114,DB117
from sqlalchemy import select
from sqlalchemy.orm import Session

from open_app.models.chats import Chat


def chats_in_folder(db: Session, folder_id: str):
    return db.scalars(select(Chat).where(Chat.folder_id == folder_id)).all()


def chats_titled(db: Session, title: str):
    return db.scalars(select(Chat).where(Chat.title == title)).all()  # DB114
