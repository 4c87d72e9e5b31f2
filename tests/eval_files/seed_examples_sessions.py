# select: DB3,DB6
# The seed guide's section 3 (session management, transaction management), verbatim.
from collections.abc import AsyncGenerator

from fastapi import FastAPI, Depends, HTTPException
from pydantic import BaseModel
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker, AsyncSession

DATABASE_URL = "postgresql+asyncpg://localhost/app"
app = FastAPI()


class TransferRequest(BaseModel):
    sender_id: int
    receiver_id: int
    amount: int


# Engine configuration
engine = create_async_engine(
    DATABASE_URL,
    echo=False,  # Set to True for debugging
    pool_size=20,  # Default connection pool size
    max_overflow=10,  # Extra connections when pool is exhausted
    pool_pre_ping=True,  # Verify connections before using
    pool_recycle=3600,  # Recycle connections after 1 hour
)

# Session factory
async_session_maker = async_sessionmaker(
    engine,
    class_=AsyncSession,
    expire_on_commit=False,  # Don't expire objects after commit
    autocommit=False,
    autoflush=False,
)


# Dependency for route handlers
async def get_db() -> AsyncGenerator[AsyncSession, None]:
    async with async_session_maker() as session:
        try:
            yield session
            await session.commit()
        except Exception:
            await session.rollback()
            raise
        finally:
            await session.close()


@app.post("/transfer")
async def transfer_funds(
    transfer: TransferRequest,
    db: AsyncSession = Depends(get_db)
):
    try:
        # Start explicit transaction
        async with db.begin():
            # Deduct from sender
            sender = await db.get(Account, transfer.sender_id)
            if sender.balance < transfer.amount:
                raise HTTPException(400, "Insufficient funds")
            sender.balance -= transfer.amount  # DB307

            # Add to receiver
            receiver = await db.get(Account, transfer.receiver_id)
            receiver.balance += transfer.amount  # DB307

            # Create transaction record
            transaction = Transaction(
                sender_id=transfer.sender_id,
                receiver_id=transfer.receiver_id,
                amount=transfer.amount
            )
            db.add(transaction)

            # Commit happens automatically when exiting the context

        return {"status": "success", "transaction_id": transaction.id}

    except IntegrityError as e:
        raise HTTPException(400, f"Database integrity error: {str(e)}")
