"""A name matched only by its consonants, far from the towns its passage names firmly, stays unresolved."""

from app.gazetteer.records import GazetteerPlace
from app.geoparse.model import Mention
from app.geoparse.resolve import _weak_far_from_anchors

DAMASCUS = GazetteerPlace(170654, "Damascus", "Damascus", 33.51, 36.29, "P", "PPLC", "SY", population=1_569_394)
YABRUD = GazetteerPlace(163345, "Yabrūd", "Yabrud", 33.97, 36.66, "P", "PPLA3", "SY")
DUMA = GazetteerPlace(170592, "Douma", "Douma", 33.57, 36.40, "P", "PPLA2", "SY")
ALEPPO = GazetteerPlace(170063, "Aleppo", "Aleppo", 36.20, 37.16, "P", "PPLA", "SY")


def test_a_far_guess_is_dropped_and_kept_as_an_alternative() -> None:
    anchor = Mention("Damascus", 0, 8, DAMASCUS, 0.9, resolved_by="cue")
    guess = Mention("Jobar", 40, 45, YABRUD, 0.4, resolved_by="fuzzy_skeleton")  # ~61 km: kept
    far = Mention("Jobar", 60, 65, ALEPPO, 0.4, resolved_by="fuzzy_skeleton")  # ~350 km: dropped
    out = _weak_far_from_anchors([anchor, guess, far])
    assert out[0] == anchor and out[1] == guess
    assert out[2].place is None and out[2].resolved_by == "unresolved" and out[2].alternatives[0] == ALEPPO


def test_a_guess_with_no_anchor_in_its_passage_stands() -> None:
    anchor = Mention("Damascus", 0, 8, DAMASCUS, 0.9, resolved_by="cue")
    far_away = Mention("Jobar", 5000, 5005, ALEPPO, 0.4, resolved_by="fuzzy_skeleton")
    assert _weak_far_from_anchors([anchor, far_away])[1] == far_away


def test_only_weak_resolutions_are_checked_and_only_firm_places_anchor() -> None:
    firm = Mention("Aleppo", 20, 26, ALEPPO, 0.9, resolved_by="prominence")
    weak_anchor = Mention("Duma", 0, 4, DUMA, 0.4, resolved_by="fuzzy_skeleton")
    out = _weak_far_from_anchors([weak_anchor, firm])
    assert out[1] == firm  # a firm resolution is never undone
    assert out[0].place is None  # Duma is 300+ km from the firm Aleppo
