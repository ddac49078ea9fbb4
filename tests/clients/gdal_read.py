"""Reads one GDAL dataset with pyogrio and prints its rows as JSON: ``python gdal_read.py '{"path": ...}'``.

It runs in its own process because pyogrio holds the GIL while GDAL fetches pages, so a server thread in the
test's process could never answer it. The JSON object's keys other than ``path`` go to ``pyogrio.raw.read``
(``layer``, ``bbox``, ``where``, and GDAL open options such as ``PAGE_SIZE``).
"""

from __future__ import annotations

import json
import sys
from typing import Any

from pyogrio import raw
from shapely import wkb


def _plain(value: Any) -> Any:
    if hasattr(value, "tolist") and getattr(value, "ndim", 0) > 0:  # a list field (OFTStringList)
        return [_plain(v) for v in value.tolist()]
    value = value.item() if hasattr(value, "item") else value  # numpy scalars, datetime64 → date
    if value is None or (isinstance(value, float) and value != value):  # NaN / NaT: a null
        return None
    return value if isinstance(value, int | float | str | list) else str(value)


def main() -> None:
    args = json.loads(sys.argv[1])
    path = args.pop("path")
    if "bbox" in args:
        args["bbox"] = tuple(args["bbox"])
    meta, _fids, geometries, fields = raw.read(path, **args)
    names = list(meta["fields"])
    rows = []
    for i in range(len(geometries)):
        row = {name: _plain(values[i]) for name, values in zip(names, fields, strict=True)}
        point = wkb.loads(bytes(geometries[i])) if geometries[i] is not None else None
        row["_xy"] = [point.x, point.y] if point is not None else None
        rows.append(row)
    dtypes = [str(d) for d in meta["dtypes"]]
    print(json.dumps({"crs": meta["crs"], "fields": dict(zip(names, dtypes, strict=True)), "rows": rows}))


if __name__ == "__main__":
    main()
