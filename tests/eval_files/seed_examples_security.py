# select: DB7
# The seed guide's §5 "Query Analysis" helper (formats compiled SQL into text())
# and §3 "Transaction Management" example (sends the IntegrityError text to the
# client), verbatim apart from the imports and declarations they assume.
from fastapi import Depends, FastAPI, HTTPException
from pydantic import BaseModel
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_db
from app.models import Account, Post, Transaction, User

app = FastAPI()


class TransferRequest(BaseModel):
    sender_id: int
    receiver_id: int
    amount: int


@app.get("/debug/query-plan")
async def analyze_query(db: AsyncSession = Depends(get_db)):
    # Build your query
    stmt = (
        select(User)
        .join(Post)
        .where(User.is_active == True)
        .where(Post.published == True)
    )

    # Get query string
    query_str = str(stmt.compile(compile_kwargs={"literal_binds": True}))

    # Run EXPLAIN
    explain_stmt = text(f"EXPLAIN ANALYZE {query_str}")  # DB701
    result = await db.execute(explain_stmt)

    return {"query_plan": [row for row in result]}


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
            sender.balance -= transfer.amount

            # Add to receiver
            receiver = await db.get(Account, transfer.receiver_id)
            receiver.balance += transfer.amount

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
        raise HTTPException(400, f"Database integrity error: {str(e)}")  # DB702
