"""The ``conflictgeo`` command: serve, gazetteer load, ingest, evaluate."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from app.settings import get_settings


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    settings = get_settings()
    uvicorn.run(
        "app.main:create_app",
        factory=True,
        host=args.host or settings.host,
        port=args.port or settings.port,
        workers=args.workers,
        log_config=None,
        access_log=False,  # RequestContextMiddleware logs every request once, as JSON with its id and timing
    )
    return 0


def _tqdm_progress(name: str) -> Callable[[int], None]:
    from tqdm import tqdm

    bar = tqdm(desc=name, unit=" rows", unit_scale=True, leave=True, file=sys.stderr)
    return bar.update


def _gazetteer_load(args: argparse.Namespace) -> int:
    from app.gazetteer.geonames_format import GazetteerFormatError
    from app.gazetteer_load import load_gazetteer
    from app.store.database import make_engine, make_session_factory, migrate

    settings = get_settings()
    engine = make_engine(settings)
    migrate(engine)
    paths = [Path(p) for p in args.paths] or [settings.gazetteer_path]
    try:
        results = load_gazetteer(paths, session_factory=make_session_factory(engine),
                                 progress_factory=None if args.quiet else _tqdm_progress)
    except (GazetteerFormatError, FileNotFoundError) as exc:
        print(f"error: {exc} (nothing from this load was stored)", file=sys.stderr)
        return 2
    for result in results:
        state = "already loaded, skipped" if result.skipped else f"{result.rows} rows"
        print(f"{result.path.name}: {result.kind}: {state}")
    return 0


def _ingest(args: argparse.Namespace) -> int:
    from app.ingest import ingest_main

    return ingest_main(args)


def _evaluate(args: argparse.Namespace) -> int:
    from app.evaluation import cli_main

    return cli_main(args.rest) or 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="conflictgeo", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="run the HTTP service")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.add_argument("--workers", type=int, default=1)
    serve.set_defaults(handler=_serve)

    gazetteer = commands.add_parser("gazetteer", help="gazetteer maintenance")
    gazetteer_commands = gazetteer.add_subparsers(dest="gazetteer_command", required=True)
    load = gazetteer_commands.add_parser(
        "load", help="import the shipped slice or GeoNames dumps (allCountries.txt, XX.txt, alternateNamesV2.txt, "
        "admin1CodesASCII.txt, ...); loading a file twice changes nothing"
    )
    load.add_argument("paths", nargs="*", help="files or folders (default: the shipped slice)")
    load.add_argument("--quiet", action="store_true")
    load.set_defaults(handler=_gazetteer_load)

    ingest = commands.add_parser("ingest", help="post many articles (JSON lines files or a folder of them)")
    ingest.add_argument("paths", nargs="+")
    ingest.add_argument("--url", default="http://127.0.0.1:8000", help="the service to post to")
    ingest.add_argument("--api-key", default=None)
    ingest.add_argument("--concurrency", type=int, default=4)
    ingest.set_defaults(handler=_ingest)

    evaluate = commands.add_parser("evaluate", help="score the geoparser and event extractor on annotated JSONL",
                                   add_help=False)
    evaluate.add_argument("rest", nargs=argparse.REMAINDER)
    evaluate.set_defaults(handler=_evaluate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["evaluate"]:
        # Everything after "evaluate" is its own parser's (REMAINDER cannot start with an option such as
        # "--attachment").
        from app.evaluation import cli_main

        return cli_main(argv[1:]) or 0
    args = build_parser().parse_args(argv)
    return int(args.handler(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
