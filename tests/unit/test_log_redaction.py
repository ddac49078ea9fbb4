"""Secrets are redacted from log values before they are serialised, whatever form JSON would give them."""

from __future__ import annotations

import json
import logging

from app.observability import REDACTED, JsonFormatter

SECRET = "clé-sécrète-0123456789\"x"


def format_one(formatter: JsonFormatter, message: str, *args: object, **extra: object) -> str:
    record = logging.LogRecord("conflictgeo.test", logging.WARNING, __file__, 1, message, args, None)
    for key, value in extra.items():
        setattr(record, key, value)
    return formatter.format(record)


def forms(secret: str) -> set[str]:
    """Every spelling a reader of the log line could decode the secret from."""
    return {secret, json.dumps(secret)[1:-1], json.dumps(secret, ensure_ascii=False)[1:-1],
            json.dumps(json.dumps(secret)[1:-1])[1:-1]}


def test_a_secret_with_characters_json_escapes_is_redacted_at_any_depth() -> None:
    formatter = JsonFormatter(secrets=[SECRET])
    line = format_one(
        formatter, "client sent %s", SECRET,
        body=json.dumps({"key": SECRET}),  # a body serialised once already: the key in it is \\u-escaped
        headers={"forwarded": [SECRET, ("nested", SECRET)], SECRET: 1},
        obj=ValueError(SECRET),
    )
    assert not any(form in line for form in forms(SECRET)), line
    entry = json.loads(line)
    assert entry["message"] == f"client sent {REDACTED}"
    assert REDACTED in entry["body"] and entry["headers"] == {"forwarded": [REDACTED, ["nested", REDACTED]],
                                                             REDACTED: 1}
    assert entry["obj"] == REDACTED


def test_text_without_secrets_is_kept() -> None:
    entry = json.loads(format_one(JsonFormatter(secrets=[SECRET]), "Aleppo é", rows=3, ok=True, none=None))
    assert (entry["message"], entry["rows"], entry["ok"], entry["none"]) == ("Aleppo é", 3, True, None)
