"""Finding place mentions in text and resolving them to gazetteer places."""

from app.geoparse.model import Mention
from app.geoparse.parser import parse

__all__ = ["Mention", "parse"]
