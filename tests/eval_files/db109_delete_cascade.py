# select: DB109
from typing import List, Optional

from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlmodel import Field, Relationship, SQLModel


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "authors"

    id: Mapped[int] = mapped_column(primary_key=True)
    # NOT NULL child FK (Mapped[int]), default cascade: the delete nulls it
    books: Mapped[List["Book"]] = relationship(back_populates="author")  # DB109
    # delete in the cascade
    essays: Mapped[list["Essay"]] = relationship(
        back_populates="author", cascade="all, delete-orphan"
    )
    reviews: Mapped[list["Review"]] = relationship(cascade="save-update, merge, delete")
    # the database deletes the children
    letters: Mapped[list["Letter"]] = relationship(passive_deletes=True)
    # nullable child FK: setting it to NULL is fine
    drafts: Mapped[list["Draft"]] = relationship(back_populates="author")
    # read-only
    recent_books: Mapped[list["Book"]] = relationship(viewonly=True)
    # many-to-many
    genres: Mapped[list["Genre"]] = relationship(secondary="author_genres")
    # unresolved child
    prizes: Mapped[list["Prize"]] = relationship()
    # multi-line call: reported where relationship( starts
    notes: Mapped[list["Note"]] = relationship(  # DB109
        back_populates="author",
        order_by="Note.id",
    )


class Book(Base):
    __tablename__ = "books"
    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("authors.id"), index=True)
    # many-to-one side: never judged
    author: Mapped[Author] = relationship(back_populates="books")


class Essay(Base):
    __tablename__ = "essays"
    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("authors.id"), index=True)
    author: Mapped["Author"] = relationship(back_populates="essays")


class Review(Base):
    __tablename__ = "reviews"
    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("authors.id"), index=True)


class Letter(Base):
    __tablename__ = "letters"
    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(
        ForeignKey("authors.id", ondelete="CASCADE"), index=True
    )


class Draft(Base):
    __tablename__ = "drafts"
    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[Optional[int]] = mapped_column(ForeignKey("authors.id"), index=True)
    author: Mapped[Optional[Author]] = relationship(back_populates="drafts")


class Note(Base):
    __tablename__ = "notes"
    id: Mapped[int] = mapped_column(primary_key=True)
    # explicit nullable=False wins over the Optional annotation
    author_id: Mapped[Optional[int]] = mapped_column(
        ForeignKey("authors.id"), index=True, nullable=False
    )
    author: Mapped[Author] = relationship(back_populates="notes")


class Genre(Base):
    __tablename__ = "genres"
    id: Mapped[int] = mapped_column(primary_key=True)


author_genres = Table(
    "author_genres",
    Base.metadata,
    Column("author_id", ForeignKey("authors.id"), primary_key=True, nullable=False),
    Column("genre_id", ForeignKey("genres.id"), primary_key=True, nullable=False),
)


class Publisher(Base):
    """Legacy style: no annotation, the FK side decides the direction."""

    __tablename__ = "publishers"
    id = Column(Integer, primary_key=True)
    name = Column(String(100))
    catalogs = relationship("Catalog")  # DB109
    imprints = relationship("Imprint", back_populates="publisher")
    # uselist=False: one-to-one, not a collection
    office = relationship("Office", uselist=False)


class Catalog(Base):
    __tablename__ = "catalogs"
    id = Column(Integer, primary_key=True)
    publisher_id = Column(Integer, ForeignKey("publishers.id"), nullable=False, index=True)


class Imprint(Base):
    __tablename__ = "imprints"
    id = Column(Integer, primary_key=True)
    # a legacy Column is nullable by default
    publisher_id = Column(Integer, ForeignKey("publishers.id"), index=True)
    publisher = relationship("Publisher", back_populates="imprints")


class Office(Base):
    __tablename__ = "offices"
    id = Column(Integer, primary_key=True)
    publisher_id = Column(Integer, ForeignKey("publishers.id"), nullable=False, index=True)


class Shelf(Base):
    """Two foreign keys to the same parent: which one is nulled is not judged."""

    __tablename__ = "shelves"
    id: Mapped[int] = mapped_column(primary_key=True)
    items: Mapped[list["Move"]] = relationship(foreign_keys="Move.from_shelf_id")


class Move(Base):
    __tablename__ = "moves"
    id: Mapped[int] = mapped_column(primary_key=True)
    from_shelf_id: Mapped[int] = mapped_column(ForeignKey("shelves.id"), index=True)
    to_shelf_id: Mapped[int] = mapped_column(ForeignKey("shelves.id"), index=True)


class Team(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    heroes: list["Hero"] = Relationship(back_populates="team")  # DB109
    sidekicks: list["Sidekick"] = Relationship(back_populates="team", cascade_delete=True)
    villains: list["Villain"] = Relationship(
        back_populates="team", sa_relationship_kwargs={"cascade": "all, delete-orphan"}
    )
    mentors: list["Mentor"] = Relationship(passive_deletes="all")
    powers: list["Power"] = Relationship(link_model="TeamPowerLink")


class Hero(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True)
    team: Team = Relationship(back_populates="heroes")


class Sidekick(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True, ondelete="CASCADE")
    team: Team = Relationship(back_populates="sidekicks")


class Villain(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True)
    team: Team = Relationship(back_populates="villains")


class Mentor(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True, ondelete="CASCADE")


class Power(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)


class TeamPowerLink(SQLModel, table=True):
    team_id: int = Field(foreign_key="team.id", primary_key=True)
    power_id: int = Field(foreign_key="power.id", primary_key=True)
