# select: DB601
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import create_engine, select, text
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session, scoped_session, sessionmaker
from sqlmodel import Session as SQLModelSession

engine = create_engine("sqlite://")
SessionLocal = sessionmaker(bind=engine)


def get_db():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


def get_sqlmodel_session():
    with SQLModelSession(engine) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_db)]


@asynccontextmanager
async def lifespan(app: FastAPI):
    yield
    engine.dispose()


app = FastAPI(lifespan=lifespan)


@app.get("/annotated")
async def annotated(db: Session = Depends(get_db)):
    return db.execute(text("SELECT 1")).scalar_one()  # DB601


@app.get("/untyped")
async def untyped(db=Depends(get_db)):
    db.commit()  # DB601


@app.get("/alias")
async def alias(db: SessionDep):
    return db.scalars(select(object)).all()  # DB601


@app.get("/sqlmodel")
async def sqlmodel_exec(session: SQLModelSession = Depends(get_sqlmodel_session)):
    return session.exec(select(object)).all()  # DB601


@app.get("/local")
async def local():
    with SessionLocal() as db:
        db.get(object, 1)  # DB601


async def service(db: Session, obj):
    db.add(obj)
    db.flush()  # DB601
    db.refresh(obj)  # DB601


async def engine_io():
    with engine.connect() as conn:  # DB601
        conn.execute(text("SELECT 1"))  # DB601


# Thread pools, def routes, async sessions and startup code stay silent.
@app.get("/threadpool")
async def threadpool(db: SessionDep):
    return await run_in_threadpool(lambda: db.execute(text("SELECT 1")).scalar_one())


@app.get("/threadpool-func")
async def threadpool_func(db: SessionDep):
    def work():
        return db.execute(text("SELECT 1")).scalar_one()

    return await run_in_threadpool(work)


@app.get("/sync-route")
def sync_route(db: SessionDep):
    return db.execute(text("SELECT 1")).scalar_one()


@app.get("/async-session")
async def async_session_route(db: AsyncSession):
    return await db.execute(text("SELECT 1"))


@app.get("/run-sync")
async def run_sync(db: AsyncSession):
    def sync_part(sync_session: Session):
        return sync_session.execute(text("SELECT 1"))

    return await db.run_sync(sync_part)


@app.get("/unknown")
async def unknown(db):
    return db.execute(text("SELECT 1"))


@app.on_event("shutdown")
async def shutdown():
    engine.dispose()


async def not_io(db: Session, obj):
    db.add(obj)
    db.expunge(obj)


async def annotation_lies(session: Session):
    # Awaited: the object is an AsyncSession whatever the annotation says.
    return await session.execute(text("SELECT 1"))


async def run_database_startup():
    # Startup helpers run once, not per request.
    db = SessionLocal()
    db.close()


ScopedSession = scoped_session(SessionLocal)


async def scoped_registry():
    # A scoped_session registry proxies the thread's Session.
    return ScopedSession.query(object).all()  # DB601
