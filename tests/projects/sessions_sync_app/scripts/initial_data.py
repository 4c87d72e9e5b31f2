# select: DB3,DB6
from sqlalchemy.orm import Session

from app.db import engine
from app.models import Account


def main() -> None:
    with Session(engine) as session:
        session.add(Account(balance=0))
        session.commit()


if __name__ == "__main__":
    main()
