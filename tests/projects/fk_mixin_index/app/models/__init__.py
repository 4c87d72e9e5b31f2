# select: DB101
from app.models.documents import Document, Folder, Sheet
