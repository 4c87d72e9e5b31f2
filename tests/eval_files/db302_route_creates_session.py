# select: DB302
from contextlib import asynccontextmanager

from fastapi import APIRouter, BackgroundTasks, Depends, FastAPI
from sqlalchemy import create_engine, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import Session, scoped_session, sessionmaker

engine = create_engine("sqlite://")
async_engine = create_async_engine("sqlite+aiosqlite://")
SessionLocal = sessionmaker(bind=engine)
async_session = async_sessionmaker(async_engine, expire_on_commit=False)
registry = scoped_session(SessionLocal)


def get_db():
    with SessionLocal() as db:
        yield db


@asynccontextmanager
async def lifespan(app: FastAPI):
    async with async_session() as session:
        await session.execute(text("SELECT 1"))
    yield


app = FastAPI(lifespan=lifespan)
router = APIRouter()


@app.get("/local")
def local_session():
    db = SessionLocal()  # DB302
    try:
        return db.execute(text("SELECT 1")).scalar_one()
    finally:
        db.close()


@app.get("/with")
def with_session():
    with Session(engine) as db:  # DB302
        return db.execute(text("SELECT 1")).scalar_one()


@router.get("/async")
async def async_route():
    async with async_session() as db:  # DB302
        return (await db.execute(text("SELECT 1"))).scalar_one()


@router.get("/begin")
def begin_route():
    with SessionLocal.begin() as db:  # DB302
        db.execute(text("SELECT 1"))


@router.get("/registry")
def registry_route():
    return registry().execute(text("SELECT 1")).scalar_one()  # DB302


@router.post("/ctor")
async def async_ctor():
    async with AsyncSession(async_engine, expire_on_commit=False) as db:  # DB302
        await db.execute(text("SELECT 1"))


# Injected sessions are the right way.
@router.get("/injected")
def injected(db: Session = Depends(get_db)):
    return db.execute(text("SELECT 1")).scalar_one()


def write_audit_log(message: str):
    # Background tasks open their own session: not a route.
    with SessionLocal() as db:
        db.execute(text("SELECT 1"))
        db.commit()


@router.post("/audit")
def audit(tasks: BackgroundTasks, db: Session = Depends(get_db)):
    tasks.add_task(write_audit_log, "hello")

    def inner_job():
        # A nested function run later is not the route body.
        with SessionLocal() as own:
            own.commit()

    tasks.add_task(inner_job)


def service_function():
    with SessionLocal() as db:
        return db.execute(text("SELECT 1")).scalar_one()


@app.on_event("startup")
def startup():
    with SessionLocal() as db:
        db.execute(text("SELECT 1"))
