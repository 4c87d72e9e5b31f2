from contextlib import asynccontextmanager

from fastapi import FastAPI

from app.api.routes import router
from app.db import build_engine


@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.engine = build_engine()
    yield
    await app.state.engine.dispose()


app = FastAPI(lifespan=lifespan)
app.include_router(router)
