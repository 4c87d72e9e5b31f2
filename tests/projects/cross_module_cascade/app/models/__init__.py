# select: DB109
from .child import Child, Note, Photo
from .parent import Album, Parent
