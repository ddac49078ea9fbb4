"""Which annotated articles rules may be written from (``train``) and which are only ever measured (``test``).

The split is a hash of the article id, fixed before any article was read, so no one chooses which article
lands where: about two in five go to ``test``.
"""

from __future__ import annotations

import hashlib
from typing import Literal

Split = Literal["train", "test"]


def split_of(article_id: str) -> Split:
    bucket = int(hashlib.sha256(article_id.encode("utf-8")).hexdigest()[:8], 16) % 5
    return "test" if bucket < 2 else "train"
