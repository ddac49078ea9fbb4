"""Per-kind figures, the figures over the toponyms API.md covers, and the event gates of ``conflictgeo evaluate``."""

import json
from types import SimpleNamespace

import pytest

from app.evaluation import run_evaluation, score_toponyms
from app.evaluation.cli import _THRESHOLDS
from app.evaluation.report import format_report
from app.gazetteer.records import GazetteerPlace
from app.geoparse.model import Mention

PARIS = GazetteerPlace(2988507, "Paris", "Paris", 48.85, 2.35, "P", "PPLC", "FR")
# Written for the test: "French officials in Paris read the Paris Herald."
ARTICLE = {
    "id": "w1",
    "text": "French officials in Paris read the Paris Herald.",
    "toponyms": [
        {"start": 0, "end": 6, "text": "French", "geonameid": 3017382, "lat": 46.0, "lon": 2.0,
         "kind": "Non_Literal_Modifier"},
        {"start": 20, "end": 25, "text": "Paris", "geonameid": 2988507, "lat": 48.85, "lon": 2.35, "kind": "Literal"},
        {"start": 35, "end": 40, "text": "Paris", "geonameid": 2988507, "lat": 48.85, "lon": 2.35,
         "kind": "Embedded_Non_Lit"},
    ],
}


def test_contract_scoring_leaves_out_demonyms_and_names_inside_organisations():
    mentions = [Mention("Paris", 20, 25, PARIS, 0.9), Mention("Paris", 35, 40, PARIS, 0.9)]
    everything = score_toponyms(ARTICLE, mentions)
    assert (everything.predicted, everything.predicted_correct, everything.gold, everything.gold_found) == (2, 2, 3, 2)
    contract = score_toponyms(ARTICLE, mentions, exclude_kinds=frozenset({"Non_Literal_Modifier", "Embedded_Non_Lit"}))
    # the prediction on the newspaper's name is neither right nor wrong over the contract
    assert (contract.predicted, contract.predicted_correct, contract.gold, contract.gold_found) == (1, 1, 1, 1)
    literal = score_toponyms(ARTICLE, mentions, kinds=frozenset({"Literal"}))
    assert (literal.gold, literal.gold_found, literal.correct_161) == (1, 1, 1)


def test_report_has_kinds_and_contract_figures(tmp_path):
    path = tmp_path / "gwn.jsonl"
    path.write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    report = run_evaluation([path], lambda text, published, title: ([Mention("Paris", 20, 25, PARIS, 0.9)], []))
    f = report.files[0]
    assert f.kind_figures["Literal"]["toponym_recall"] == 1.0
    assert f.kind_figures["Non_Literal_Modifier"]["toponym_recall"] == 0.0
    assert f.contract_figures is not None and f.contract_figures["toponym_recall"] == 1.0
    assert abs(f.figures["toponym_recall"] - 1 / 3) < 1e-9
    text = format_report(report)
    assert "contract" in text and "Literal" in text
    assert report.to_dict()[str(path)]["contract"]["toponym_recall"] == 1.0


def test_files_without_contract_kinds_have_no_contract_figures(tmp_path):
    article = {**ARTICLE, "toponyms": [dict(ARTICLE["toponyms"][1], kind="settlement")]}
    path = tmp_path / "dev.jsonl"
    path.write_text(json.dumps(article) + "\n", encoding="utf-8")
    report = run_evaluation([path], lambda text, published, title: ([], []))
    assert report.files[0].contract is None and "  contract  " not in format_report(report)


def test_event_gate_options_exist():
    assert _THRESHOLDS["min_event_precision"] == "event_precision"
    assert _THRESHOLDS["min_event_recall"] == "event_recall"
    assert _THRESHOLDS["min_event_date"] == "event_date_agreement"


def test_event_gates_exit_1_below_and_skip_files_without_events(tmp_path, monkeypatch):
    from app.evaluation import cli

    gold_event = {"place": "Paris", "place_start": 20, "place_end": 25, "lat": 48.85, "lon": 2.35,
                  "geonameid": 2988507, "gained_side": "government", "date": "2017"}
    with_events = tmp_path / "events.jsonl"
    with_events.write_text(json.dumps({**ARTICLE, "events": [gold_event]}) + "\n", encoding="utf-8")
    without = tmp_path / "plain.jsonl"
    without.write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")

    class FakeAnalyser:
        def __init__(self, index):
            pass

        def analyse(self, text, published_at=None, title=None):
            return SimpleNamespace(
                mentions=[Mention("Paris", 20, 25, PARIS, 0.9)],
                events=[{"place": {"start": 20, "end": 25, "place": {"geonameid": 2988507, "lat": 48.85, "lon": 2.35}},
                         "gained_by": {"side": "government"}, "date": {"start": "2017-05-01"}}])

    monkeypatch.setattr(cli, "Analyser", FakeAnalyser)
    monkeypatch.setattr(cli, "index_from_directory", lambda *args: None)
    argv = [str(with_events), str(without), "--min-event-precision", "0.9", "--min-event-recall", "0.9",
            "--min-event-date", "0.9"]
    assert cli.cli_main(argv) == 0
    with pytest.raises(SystemExit) as exit_info:
        cli.cli_main([str(without), "--min-event-recall", "0.5"])
    assert exit_info.value.code == 1
    monkeypatch.setattr(FakeAnalyser, "analyse",
                        lambda self, text, published_at=None, title=None: SimpleNamespace(mentions=[], events=[]))
    with pytest.raises(SystemExit):
        cli.cli_main([str(with_events), "--min-event-recall", "0.5"])


def test_contract_gates_exit_1_below_and_fail_without_contract_kinds(tmp_path, monkeypatch):
    from app.evaluation import cli

    gwn = tmp_path / "gwn.jsonl"
    gwn.write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    plain = tmp_path / "plain.jsonl"
    plain.write_text(json.dumps({**ARTICLE, "toponyms": [dict(ARTICLE["toponyms"][1], kind="settlement")]}) + "\n",
                     encoding="utf-8")

    class FakeAnalyser:
        def __init__(self, index):
            pass

        def analyse(self, text, published_at=None, title=None):
            # Paris found and right; nothing else predicted: contract precision 1.0, recall 1.0 (the demonym and
            # the organisation's place are out of the contract)
            return SimpleNamespace(mentions=[Mention("Paris", 20, 25, PARIS, 0.9)], events=[])

    monkeypatch.setattr(cli, "Analyser", FakeAnalyser)
    monkeypatch.setattr(cli, "index_from_directory", lambda *args: None)
    assert cli.cli_main([str(gwn), "--min-contract-precision", "0.9", "--min-contract-recall", "0.9",
                         "--min-contract-acc161", "0.9"]) == 0
    with pytest.raises(SystemExit) as exit_info:
        cli.cli_main([str(gwn), "--min-toponym-recall", "0.9"])  # the demonym and the organisation's place count
    assert exit_info.value.code == 1
    with pytest.raises(SystemExit) as exit_info:
        cli.cli_main([str(plain), "--min-contract-acc161", "0.1"])
    assert exit_info.value.code == 1
