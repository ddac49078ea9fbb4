"""RFC 3339 timestamps (and bare RFC 3339 full-dates) from client input."""

from __future__ import annotations

import re
from datetime import UTC, datetime

_RFC3339 = re.compile(
    r"^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2}))?$"
)


def parse_rfc3339(value: str) -> datetime:
    """A timezone-aware UTC datetime; a bare date means midnight UTC. Raises ValueError with the reason."""
    value = value.strip()
    if not _RFC3339.match(value):
        raise ValueError(f"{value[:40]!r} is not an RFC 3339 date-time (e.g. 2017-10-23T08:00:00Z) or date")
    text = value.upper().replace(" ", "T").replace("Z", "+00:00")
    if "." in text:  # Python accepts at most microseconds
        head, _, rest = text.partition(".")
        digits = re.match(r"\d+", rest).group(0)  # type: ignore[union-attr]
        text = f"{head}.{digits[:6].ljust(6, '0')}{rest[len(digits):]}"
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError as exc:
        raise ValueError(f"{value[:40]!r} is not a valid date: {exc}") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)
