"""Measuring the geoparser and the event extractor on annotated articles (shared/eval/README.md)."""

from app.evaluation.cli import cli_main
from app.evaluation.report import FileReport, Report, format_report, run_evaluation
from app.evaluation.scoring import Counts, distance_km, score_events, score_toponyms

__all__ = ["Counts", "FileReport", "Report", "cli_main", "distance_km", "format_report", "run_evaluation",
           "score_events", "score_toponyms"]
