"""The sides of the conflict a map colours by: one enumeration for the extractor, the store and the API.

It sits below every layer (the store may not import ``app.events``), so the extractor's ``Side`` and the API's
list of allowed ``side`` values cannot drift apart.
"""

from __future__ import annotations

from enum import StrEnum


class Side(StrEnum):
    """The sides of the eval README's table; what a map colours by."""

    GOVERNMENT = "government"
    OPPOSITION = "opposition"
    ISIS = "isis"
    KURDISH = "kurdish"
    TURKEY = "turkey"
    OTHER = "other"
    UNKNOWN = "unknown"


# The values, in the order the API documents them.
SIDES: tuple[str, ...] = tuple(side.value for side in Side)
