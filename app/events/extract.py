"""Territorial control changes from an article's text and its place mentions.

Rule-based on purpose: the eval set holds ~30 events, far too few to train on, and every decision here (why a
sentence is or is not an event, who gained) must be explainable to an analyst. The pipeline per trigger:
1. find the trigger (``triggers.TRIGGERS``) and drop it when its clause is modal, intended, attempted, negated
   or denied (``_blocked``);
2. find the place list its frame points at (``_places_after`` / ``_places_before``): only named places that are
   the object itself, never "most of X", "villages near X", "towards X" or a country;
3. find the gaining and losing actors by the frame, then the reporting clause ("the army said"), then the
   previous trigger's agent (discourse), resolving "the army", "the militants" and "they" from the article;
4. date it (the nearest date expression, else one in a previous sentence about the same place, else the
   article's day) and attribute it (``claimed_by``).

Where the dependency parser is installed (``app.events.dependency``), the sentences that hold a trigger word and
a place are parsed and their roles read from the tree (``app.events.syntax``): where a frame names a trigger's
places and who took them, its reading replaces the patterns' for those places; a place a frame finds unreal
(negated, intended, partial) is no event either way; the patterns still add the places the parse missed.

Coreference is a small salience model, documented here because it decides sides:
- places: "the city", "the town", "the village", "the district", "the province" (and "it" as an object) refer to
  the latest mention in this or the two previous sentences that the text introduced with the same noun ("the
  town of Morek"), else the latest one of the right kind (a settlement, or an admin area for "the province") in
  the article's country;
- actors: a pronoun subject ("they", "it") of a subordinate clause is bound by the main clause's subject (not
  inside a direct quotation: '"They retook Raqqa," an analyst said'); else it is the nearest named actor before it
  in the sentence that is not an object, else the most salient party (Lappin and Leass's salience, reduced: each
  party named in this or the three previous sentences scores 1 as a doer and 1/2 as an object or a holder, halved
  per sentence back, the agent of the latest change told once more; ``_salient_party``), else the first
  subject-like actor of the previous sentence; a definite description of a group ("the alliance") takes the same
  salient party; "its fighters" is whoever "its" is; generic words are resolved per article ("the army": the state
  forces of the article's country; "the militants", "the group": the nearest named non-state actor before, else
  after, never the clause's other party);
- a change told with no gainer ("the fall of Baiji", "Mosul was freed") borrows the agent of the change just
  told only when that agent is not the side said to lose the place; else its side is ``unknown``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import cache
from itertools import chain, islice, pairwise, takewhile
from operator import attrgetter
from typing import Any

from app.events import syntax
from app.events.actors import HELD_BY, HOLDER_VERBS, ActorDef, ActorMatch, ActorRegistry, default_registry
from app.events.dates import DateMention, default_date, find_dates
from app.events.dependency import default_parser, parse_sentences
from app.events.model import PRECISION_RANK, SAME_CHANGE_DAYS, ActorRef, ControlChange, EventDate, Side
from app.events.triggers import (
    CONTROL_ONLY,
    TRIGGER_HINT,
    TRIGGER_KEYS,
    TRIGGERS,
    WEAK,
    TriggerSpec,
    scan_trigger_words,
)
from app.gazetteer.divisions import has_estimated_point
from app.geoparse.datelines import dateline_end
from app.geoparse.lexicon import DEMONYMS, GIVEN_NAMES, NAME_ADJECTIVES, NAME_START_GENERICS, english_words
from app.geoparse.model import Mention
from app.geoparse.resolve import DEMONYM_COUNTRIES
from app.text.sentences import sentence_spans
from app.text.tokens import is_lowercased, lost_its_commas

# --- the noun phrase between a verb and its place -------------------------------------------------------------
# Words that mean the place is not the object itself: a direction, a part, a neighbour, a relative clause.
_GAP_STOP = re.compile(
    r"\b(?:near|nearby\s+(?:to)|towards?|to|from|into|in|on|onto|around|outside|inside|close|within|between|"
    r"off|through|throughout|via|past|behind|beside|opposite|beneath|amid|among|during|"
    r"across|along|beyond|by|after|before|while|when|which|that|who|where|and|or|but|against|than|"
    r"km|kms|kilometres?|kilometers?|miles?|metres?|meters?|most|much|parts?|half|rest|outskirts|edges?|"
    r"suburbs?|remainder|majority|bulk|swathes?|sections?|sides?|corner|heart|centre|center|periphery|"
    r"entrances?|gates?|countryside|environs|vicinity|positions|territory|territories|areas?|ground|"
    r"lines?|road|roads|highway|route|ring|pockets?|belt|surrounding|overlooking|bordering|leading|"
    r"said|says|has|have|had|was|were|is|are|be|been|will|would|could|after|since|for|as|it|they|them|its\s+own|"
    # a share of the place ("80% of Aleppo", "two-thirds of the city")
    r"percent|per\s+cent|thirds?|quarters?)\b|%",
    re.IGNORECASE,
)
# A part of the place ("the east of", "eastern X", "a district of X"): not an event for the place.
_PARTIAL_END = re.compile(
    r"(?:\b(?:east|west|north|south|north[\s-]?east|north[\s-]?west|south[\s-]?east|south[\s-]?west|eastern|western|"
    r"northern|southern|central|old|downtown|upper|lower)(?:\s+(?:part|parts|half|side|sector|districts?|"
    r"neighbou?rhoods?|quarters?|areas?|suburbs?|outskirts|countryside))?\s+(?:of\s+)?$)|"
    r"(?:\b(?:a|an|one|two|three|four|five|six|several|some|\d+)\s+(?:[\w-]+\s+)?(?:village|town|district|"
    r"neighbou?rhood|quarter|suburb|part|area|hill|base|position|sector|section)s?\s+(?:of|in)\s+$)",
    re.IGNORECASE,
)
_PARTIAL_ANY = re.compile(
    r"\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|some|many|few|\d+)\s+(?:[\w-]+\s+)?"
    r"(?:villages?|towns?|districts?|neighbou?rhoods?|quarters?|suburbs?|parts?|areas?|hills?|positions?|sectors?|"
    r"sections?|blocks?|streets?|buildings?)\s+(?:of|in)\b",
    re.IGNORECASE,
)
_PLURAL_OF = re.compile(
    r"\b(?:villages|towns|districts|neighbou?rhoods|quarters|areas|hills|cities|localities|hamlets|settlements)\s+"
    r"(?:of|are|were|include[sd]?|including|:)?\s*$",
    re.IGNORECASE,
)
_APPOSITIVE = re.compile(
    r"^(?:its|their|the|his|her)\b[^,]{0,40}\b(?:capital|stronghold|bastion|hub|town|city|village|base|airport|"
    r"airbase|seat)\s*,\s*$",
    re.IGNORECASE,
)
_ING = re.compile(
    r"\b(?!neighbou?ring\b|during\b|crossing\b|building\b|housing\b|spring\b|morning\b|evening\b)\w+ing\b",
    re.IGNORECASE,
)
_HEAD = re.compile(
    r"\s*(?:(?:military|air|main|old|industrial|oil|gas|border|strategic|key|army|regime)\s+)*"
    r"(?:village|town|city|district|sub-?district|neighbou?rhood|province|governorate|countryside|region|"
    r"area|airport|air\s*base|airbase|base|dam|crossing|border\s+crossing|hill|hills|mountain|oil\s*field|"
    r"field|bridge|camp|prison|quarter|suburb|municipality|plain|valley|town\s*ship|farms?|compound|"
    r"barracks|academy|university|hospital|complex|station|plant|refinery|checkpoint|junction|square)s?\b",
    re.IGNORECASE,
)
_LOCATIVE = re.compile(
    r"\s*,?\s*(?:in|near|outside|inside|at|on\s+the\s+outskirts\s+of|close\s+to|"
    r"(?:some\s+)?(?:\d+\s+\w+\s+)?(?:north|south|east|west|northeast|northwest|southeast|southwest|"
    r"north-east|north-west|south-east|south-west)(?:ern)?\s+(?:of)?)\s+(?:[\w'’-]+\s+){0,3}?$",
    re.IGNORECASE,
)
# What may stand between a separator and the next listed place: "the", "the nearby village of".
_LIST_GAP = re.compile(
    r"(?:(?:the|a|an)\s+)?(?:(?:nearby|neighbou?ring|adjacent|strategic|key|important|military|northern|southern|"
    r"eastern|western|border|besieged|rebel-held)\s+)*(?:(?:[\w-]+\s+){0,2}(?:town|village|city|district|sub-?district|neighbou?rhood|province|"
    r"governorate|area|region|base|air\s*base|airbase|airport|hill|dam|crossing|camp|quarter|suburb|oil\s*field|"
    r"field|stronghold|bastion)s?\s+of\s+)?",
    re.IGNORECASE,
)
# Capitalised words the geoparser left out of a listed name ("and Tal [Antar]"): still the same list.
_NAME_PREFIX = re.compile(r"(?:[A-Z][\w'’-]*\s+){1,2}")
_LIST_SEP = re.compile(
    r"\s*(?:,\s*(?:and\s+|as\s+well\s+as\s+|&\s+|plus\s+)?|and\s+|as\s+well\s+as\s+|&\s*|plus\s+)?", re.IGNORECASE
)
# A place right after a locative preposition is where something is, not the subject ("... in Deraa were taken").
_LOCATIVE_END = re.compile(r"\b(?:in|near|at|from|to|into|outside|around|of|by|with)\s+$", re.IGNORECASE)
_NAMED_OF_END = re.compile(
    r"\b(?:(?:town|village|city|district|province|villages|towns|base|airport)\s+of|"
    r"(?:air\s*base|airbase|airfield|airport|base|dam|barracks|prison|camp|crossing)\s+(?:at|in))\s+$",
    re.IGNORECASE,
)
_SEP = re.compile(
    r"^\s*(?:,\s*(?:and\s+|as\s+well\s+as\s+|&\s+|plus\s+)?|and\s+|as\s+well\s+as\s+|&\s*|plus\s+)?$", re.IGNORECASE
)
_NOT_PLACE_AFTER = re.compile(
    r"(?:['’]s\b|s\s+(?!village|town|district)|\s+(?:residents|people|civilians|fighters|militants|rebels|soldiers|"
    r"troops|forces|governor|council|attack|attacks|offensive|operation|front|road|highway|route|residents|"
    r"police|officials?|authorities|province's|military\s+council|battle|campaign|ring\s+road|garrison|"
    r"branch|office|offices|headquarters|bureau|market|stock|team|club|fans|club|prison\s+guards|"
    r"mayor|municipality\s+council|operations|airport\s+staff|"
    # (a meeting or a deal named after the city it met in: "claimed the Sochi conference was designed to ...")
    r"conference|talks|summit|agreement|accord|deal|process|meeting|negotiations|ceasefire|truce|memorandum))",
    re.IGNORECASE,
)
# A verb right after the "object": the place is the subject of a new clause ("claiming Washington would ...").
_VERB_AFTER = re.compile(
    r"\s+(?:would|will|had|has|have|was|were|is|are|could|should|can|did|does|do|must|might|may|said|says)\b",
    re.IGNORECASE,
)
# A name that speaks is a government by its seat, not a place listed ("took Tal Malah in Hama province, Damascus said").
_SPEAKS_AFTER = re.compile(
    r"\s+(?:(?:has|have|had)\s+)?(?:said|says|announced|claimed|reported|stated|confirmed|denied|added|told)\b",
    re.IGNORECASE,
)
# After a noun's complement: "the capture of X would be a blow", "the liberation of X began" (not completed).
_HYPOTHETICAL_AFTER = re.compile(
    r"[\s,]+(?:would|could|will|may|might|is\s+expected|is\s+likely|began|begins|started|starts|continues|"
    r"continued|is\s+underway|was\s+launched|got\s+underway|is\s+under\s+way|is\s+ongoing)\b",
    re.IGNORECASE,
)
# "in a campaign by Kurdish forces", "in an offensive led by the army": the agent of the campaign a change came in.
_CAMPAIGN_BY = r"(?:campaign|offensive|operation|assault|attack|push|advance)\s+(?:\w+\s+)?(?:led\s+)?by"
# "The town, Khan Touman,", "The village, known as Tal Salmo,", "The town of Morek": a sentence opening with the name
# of what the sentence before introduced.
_NAMED_NEXT = re.compile(r"\s*The\s+(?P<noun>[a-z]+)(?:\s*,\s*(?:(?:known|called)\s+as\s+|called\s+)?|\s+of\s+)")
# "held by", "controlled by": a holder's agent phrase (the one who loses a place that changes hands). Before a "by"
# that might introduce a taker, besiegers and defenders are no takers either.
_HOLDING = r"held|controlled|occupied|ruled|run"
_HOLDING_BEFORE = re.compile(rf"\b(?:{_HOLDING}|besieged|surrounded|defended)\s+$", re.IGNORECASE)
_HELD_BY_BEFORE = re.compile(rf"\b(?:{_HOLDING})\s+by\s+(?:the\s+)?$", re.IGNORECASE)
_HOLDING_VERB_AFTER = re.compile(rf"\s+(?:{HOLDER_VERBS})\b", re.IGNORECASE)  # (after a holder: see actors.py)
# Words for the armed opposition whatever its name: a generic non-state party called so is on the opposition's side.
_REBEL_WORD = re.compile(r"\b(?:rebels?|insurgents?|guerr?ill?as?|separatists?|warlords?|mujah[ie]d(?:ee|i)n)\b",
                         re.IGNORECASE)
# "an abortive army offensive": a party's word right before a campaign noun, after "in", "during", "part of" ...
_CAMPAIGN_NAMES = r"offensive|campaign|operation|assault|push|advance"
_CAMPAIGN_NOUN = re.compile(r"[\s-]+(?:counter-?)?(?:" + _CAMPAIGN_NAMES + r")s?\b", re.IGNORECASE)
_CAMPAIGN_LEAD = re.compile(r"\b(?:in|during|amid|part\s+of|through)\s+(?:(?:a|an|the|its|their|this|that|"
                            r"[\w-]+)\s+){0,3}$", re.IGNORECASE)
# Triggers that say a place was taken back: never by the side that took it last.
_REVERSAL = re.compile(r"liberat|re-?tak|retook|recaptur|regain|reclaim", re.IGNORECASE)
# "a successful military operation in which they seized X": a party's word before a word for an action or a plan
# is its adjective, no antecedent for "they".
_ACTION_AFTER = re.compile(
    r"\s+(?:operations?|offensives?|campaigns?|interventions?|actions?|escalation|pressure|successes|success|"
    r"victor(?:y|ies)|plans?|strateg(?:y|ies)|sources?|officials?|spokes(?:man|woman|person)|media)\b",
    re.IGNORECASE,
)
_FACILITY_AFTER = re.compile(
    r"\s+(?:base|airport|air\s*base|airbase|airfield|academy|hospital|barracks|compound|post|checkpoint|council|"
    r"court|college|school|installation|facility|positions?|zone|hill)s?\b",
    re.IGNORECASE,
)
# Something object-like follows the verb, so a relative clause's antecedent is not its object.
_PLACE_NEXT = re.compile(
    r"\s+(?:the|a|an|its|their|\d+|several|some|most|much|parts?|control|back|over|\w+s)\b", re.IGNORECASE
)
_ROAD_MENTION = re.compile(r"\b(?:road|highway|route|street|motorway|line|front)$", re.IGNORECASE)
_PART_NOUN = re.compile(
    r"\b(?:university|airport|air\s*base|airbase|base|district|neighbou?rhood|quarter|farms?|hill|dam|crossing|"
    r"camp|prison|bridge|academy|hospital|field|road|plant|station|barracks|suburb|compound|refinery)\b",
    re.IGNORECASE,
)

# --- when a trigger does not report a change -------------------------------------------------------------------
_MODAL = re.compile(
    # ("were able to take" tells what was done, as "managed to" does: syntax._past_ability)
    r"\b(?:could|would|might|(?<!in\s)(?<!by\s)(?<!of\s)(?<!on\s)(?<!to\s)(?<!mid-)(?<!late\s)(?<!early\s)(?<!since\s)"
    r"(?<!until\s)(?<!from\s)(?<!last\s)(?<!next\s)(?<!this\s)(?<!\d\s)may(?!\s*\d)(?!\s*,)|"  # (not the month)
    r"will|shall|should|must|can|cannot|can't|(?<!was\s)(?<!were\s)able\s+to|unable|if|"
    r"unless|whether|"
    r"not|never|no\s+longer|n['’]t|nor|aim(?:s|ed|ing)?|plan(?:s|ned|ning)?|intend(?:s|ed|ing)?|seek(?:s|ing)?|"
    r"sought|tr(?:y|ies|ied|ying)|attempt(?:s|ed|ing)?|fail(?:s|ed|ing)?|bid|efforts?|goal|objective|aims?|"
    r"vow(?:s|ed)?|threat(?:en|ens|ened|ening)?|hop(?:e|es|ed|ing)|wants?|wanted|expect(?:s|ed|ing)?|"
    r"prepar(?:e|es|ed|ing)|prevent(?:s|ed|ing)?|stop(?:s|ped)?|block(?:s|ed)?|thwart(?:s|ed)?|"
    r"repel(?:s|led)?|foil(?:s|ed)?|push\s+to|intent\s+on|bent\s+on|so\s+as\s+to|in\s+order\s+to|"
    r"ahead\s+of|poised|on\s+the\s+verge)\b",
    re.IGNORECASE,
)
_DENIAL = re.compile(
    r"\b(?:den(?:y|ies|ied|ying|ial)|false(?:ly)?|rumou?rs?|untrue|fabricated|rejected\s+reports)\b", re.IGNORECASE
)
# "Reports that X had fallen ... were false": a report named before the change and judged after it.
_REPORT_THAT = re.compile(
    r"\b(?:reports?|claims?|rumou?rs?|allegations?|assertions?|accounts?)\s+(?:[\w-]+\s+){0,3}?that\s", re.IGNORECASE
)
_DENIAL_RIGHT = re.compile(
    r"\b(?:were|was|are|is|as|been)\s+(?:\w+\s+)?(?:false|untrue|fabricated|baseless|unfounded|incorrect|"
    r"inaccurate|premature|lies|propaganda)\b|\b(?:denied|dismissed|rejected)\b",
    re.IGNORECASE,
)
_CLAUSE_CUT = re.compile(
    r"[,;:()\"“”]|\b(?:and|but|when|after|before|until|while|as|since|because|which|who|whom|where|although|though|whereas|"
    r"that|then|once(?!\s+(?:again|more)\b))\b",  # (the subordinator: "escape once the group lost Raqqa")
    re.IGNORECASE,
)
# A gerund after "from" that a preventing or distancing word governs: what was kept from happening, or is still
# to come; "fresh from", "apart from", "back from" a change report it.
_KEPT_FROM = re.compile(
    r"\b(?:prevent\w*|stop\w*|keep\w*|kept|bar|bars|barred|barring|ban|bans|banned|banning|block\w*|deter\w*|"
    r"hinder\w*|prohibit\w*|refrain\w*|restrain\w*|dissuad\w*|discourag\w*|preclud\w*|desist\w*|away|far)\b"
    r"[^,;.]{0,60}\bfrom\s*$",
    re.IGNORECASE,
)
_NEARLY = re.compile(r"\b(?:nearly|almost|close\s+to)\s+$", re.IGNORECASE)
# (not "in addition to capturing X", which reports the capture)
_TOPIC_END = re.compile(
    r"\b(?:on|about|of|for|over|towards|without|against|regarding|(?<!addition )to|into)\s+$", re.IGNORECASE
)
_NOMINAL_BLOCK = re.compile(
    # (not the "to" of what an action came to: "the army's operation led to the liberation of Anbaj")
    r"\b(?:for|(?<!\bled\s)(?<!\bleading\s)to|towards?|at|aim(?:ed|s)?|bid|attempts?|efforts?|push|plans?|battle|"
    r"offensive|operation|campaign|fight|struggle|prevent|avert|stop|drive|race|quest|hopes?|goal|threat|prospect|possible|"
    r"potential|imminent|impending|pending|expected|feared|fear|would|could|will|may|might)\s+"
    r"(?:the\s+|a\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)

# --- actors ----------------------------------------------------------------------------------------------------
# Adverbs between a subject and its verb ("who had then captured", "they have since retaken")
_SUBJECT_ADVERBS = (
    r"then|also|later|reportedly|earlier|subsequently|eventually|finally|quickly|completely|fully|now|successfully|"
    r"apparently|allegedly|initially|first|already|just|recently|swiftly|soon|briefly"
)
# ", who", ", which had": a relative pronoun subject right before a verb (adverbs and auxiliaries between)
_RELATIVE_SUBJECT = re.compile(rf",?\s*\b(?:who|which)\s+(?:(?:had|has|have|{_SUBJECT_ADVERBS})\s+)*$", re.IGNORECASE)
_PRONOUN = re.compile(
    r"\b(?P<pron>they|it|he|she|we|(?:its|their|his|her)\s+(?:[\w-]+\s+)?(?:fighters|forces|troops|units|militants|"
    r"soldiers|allies|men|gunmen|militiamen))\s+"
    rf"(?:(?:had|has|have|was|were|{_SUBJECT_ADVERBS}|have\s+since)\s+)*$",
    re.IGNORECASE,
)
# "the M4 highway to Latakia": a road's destination, which the story is not about.
_ROUTE_TO_BEFORE = re.compile(r"\b(?:road|roads|highway|motorway|route|railway|pipeline)\s+"
                              r"(?:leading\s+|linking\s+\w+\s+)?(?:to|from|with)\s+$", re.IGNORECASE)
# "its troops": a possessive pronoun right before a generic word for forces.
_OWNER_BEFORE = re.compile(r"\b(?:its|their)\s+$", re.IGNORECASE)
# "the West Bank city of Hebron": a settlement noun between a region and the settlement's name.
_SETTLEMENT_OF_GAP = re.compile(r"\s+(?:[\w-]+\s+)?(?:city|town|village|port|hamlet)\s+of\s+", re.IGNORECASE)
# "Turkey, whose troops ...": the relative's possessive pronoun, before the phrase it owns and after its owner.
_WHOSE_BEFORE = re.compile(r"\bwhose\s+$", re.IGNORECASE)
_WHOSE_AFTER = re.compile(r"\s*,?\s*whose\b", re.IGNORECASE)
# A side on the attack: the sentence before an agentless change may name who made it
_ON_THE_OFFENSIVE = re.compile(
    r"\b(?:offensives?|advanc(?:e|ed|es|ing)|push(?:ed|es|ing)?|press(?:ed|es|ing)|assaults?|counter-?attacks?|"
    r"launch(?:ed|es|ing)|storm(?:ed|ing)|onslaught|drive)\b",
    re.IGNORECASE,
)
_OBJECT_MARK = re.compile(
    r"\b(?:against|from|with|between|by|on|attack(?:ed|ing|s)?|kill(?:ed|ing|s)?|drove|driving|expell?(?:ed|ing)|"
    r"oust(?:ed|ing)|target(?:ed|ing)|fight(?:ing)?|fought|battl(?:ed|ing)|clash(?:ed|ing)|ambush(?:ed|ing)|"
    r"besieg(?:ed|ing)|surround(?:ed|ing)|repel(?:led|ling)?|push(?:ed|ing)|routed|defeat(?:ed|ing)|"
    r"struck|bomb(?:ed|ing)|shell(?:ed|ing)|over|(?<!loyal\s)to|(?<!fighters\s)(?<!members\s)(?<!units\s)of\s+the|"
    r"crackdown\s+on|for|including)\s+"
    r"(?:the\s+)?(?:(?:\d+|dozens|scores|hundreds|several|some|many|a\s+number)\s+(?:of\s+)?)?$",
    re.IGNORECASE,
)
_TURKISH_BACKING = re.compile(
    r"\b(?:(?:turk(?:ish|ey)|ankara)[\s-]+(?P<attribute>backed|supported|sponsored|aligned|allied)|"
    r"(?:backed|supported|aided|assisted|helped|escorted)\s+by\s+(?:turkey|the\s+turkish|turkish|ankara|the\s+tsk|tsk)|"
    r"(?:operation\s+)?(?:euphrates\s+shield|olive\s+branch|peace\s+spring)|"
    r"turkish\s+(?:backing|support|air\s+cover|cover)|"
    r"(?:support|backing|aid|help|cover)\b[^.;]{0,40}\b(?:turkey|turkish|ankara))",
    re.IGNORECASE,
)
_BRACKETED_ACRONYM = re.compile(r"\(\s*[\w.-]{2,8}\s*\)")
_TOWARD_LOSER = re.compile(
    r"^\s*(?:,\s*)?(?:from|out\s+of)\s+(?:the\s+)?(?:control\s+of\s+(?:the\s+)?)?$", re.IGNORECASE
)
_LOSER_CLAUSE = re.compile(
    r"\b(?:driving|drove|driven|expelling|expelled|ousting|ousted|forcing|forced|pushing|pushed|routing|"
    r"routed|evicting|after|from)\s+(?:out\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_ANAPHOR = re.compile(
    r"\b(?:the|this|that)\s+(?:(?:strategic|key|nearby|northern|southern|eastern|western|border|provincial|"
    r"embattled|besieged|rebel-held|historic|ancient|small|large|desert|frontline|coastal|strategically\s+located)\s+)*"
    r"(?P<noun>town|city|village|district|province|governorate|base|airport|airbase|area|region|"
    r"neighbou?rhood|hill|dam|crossing|stronghold|capital)(?:\s+itself)?\s*$",  # ("the airbase itself had fallen")
    re.IGNORECASE,
)
# The possessive between a state's name and a word for its forces ("Moscow's troops", "Russia’s own forces").
_POSSESSIVE_GAP = re.compile(r"['’]s?\s+(?:own\s+)?")
# Change nouns whose taker may follow "to" ("the fall of Mosul to Isis", "the loss of X to the army"); after any
# other, "to" names no taker ("the capture of Fallujah was a blow to Isis").
_TO_GAINER_NOUNS = frozenset({"fall", "loss", "handover", "surrender", "transfer", "return"})
# A party's rule named after it ("Isis rule", "the rebels' control"): the one who held a place, not who took it.
_RULE_AFTER = re.compile(r"['’]?s?\s+(?:rule|control|occupation|grip|reign)\b", re.IGNORECASE)
# What "the capital" may refer back to: a country's capital or a province's ("the provincial capital").
_CAPITAL_CODES = frozenset({"PPLC", "PPLA"})
# "withdrew from the village", "retook it", "lost control of the town": a place named earlier, as the object.
_OBJ_ANAPHOR = re.compile(
    r"\s+(?:(?:the|this|that)\s+(?:(?:strategic|key|nearby|northern|southern|eastern|western|border|provincial|"
    r"embattled|besieged|rebel-held|historic|ancient|small|large|desert|frontline|coastal|whole|entire|same|"
    r"strategically\s+located)\s+)*(?P<noun>town|city|village|district|province|governorate|base|airport|airbase|"
    r"area|neighbou?rhood|hill|dam|crossing|stronghold|capital)(?![\w'’-])(?!\s+(?:of|in|near|north|south|east|west)\b)"
    # (the noun heading no phrase of its own: "the city hall", "the city centre", "the town council")
    r"(?!\s+(?:hall|council|centre|center|limits|walls|gates?|authorities|officials|residents|hospital|mosque|"
    r"square|administration|outskirts|government|police|prison|market|stadium|headquarters)\b)|"
    r"(?P<it>it)(?=\s*[.,;:)]|\s*$|\s+(?:back|over|again|in|on|during|from|after|before|last|this|earlier|later|"
    r"shortly|when|within|with|to|by|and|but|yesterday|today|\w+day|\d|weeks|months|days|years|until|amid|hours|"
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few)\s+(?:hours?|days?|weeks?|months?|"
    r"years?)|the\s+(?:next|following|same|previous|day|week|month|year))\b))",
    re.IGNORECASE,
)
# Where the antecedent was introduced with a noun ("the village of Rityan", "Rityan village").
_INTRO_BEFORE = re.compile(
    r"\b(?P<noun>town|city|village|district|province|governorate|base|airport|airbase|area|neighbou?rhood|hill|dam|"
    r"crossing|stronghold)\s+(?:of\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_INTRO_NOUNS = (r"(?P<noun>town|city|village|district|province|governorate|base|airport|airbase|neighbou?rhood|hill|"
                r"dam|crossing)")
_INTRO_AFTER = re.compile(r"\s+" + _INTRO_NOUNS + r"\b", re.IGNORECASE)
# ... or an appositive right after it ("Wad Madani, a city that had sheltered people who fled Khartoum"): the name the
# text calls a city is what "the city" later refers to, not a name the appositive's own clause goes on to mention.
_INTRO_APPOSITIVE = re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?" + _INTRO_NOUNS + r"\b", re.IGNORECASE)
# A parenthetical between a subject and its verb: "X, which was captured by IS in 2014, was retaken".
_PARENTHETICAL = re.compile(
    r"\s*,\s*(?:(?:which|that|where|who)\b|(?:a|an|the|one|its|their)\s|"
    # "X, held by rebels since 2013, was ...", "X, in rebel hands since January,", "X, once a rebel bastion,"
    r"(?:held|controlled|run|besieged|encircled|surrounded|located|situated|known|home|once|long|formerly|"
    r"previously|still|now|in|under|near|close\s+to|about|some|(?:north|south|east|west)(?:east|west)?)\s)"
    r"(?:[^,;:.]|(?<=\d)[,.](?=\d)){0,150},\s*",  # "home to 20,000 people"
    re.IGNORECASE,
)
# Where a trigger's own clause ends: dates inside another trigger's clause are not this trigger's.
_SCOPE_END = re.compile(
    r"[,;:]|\.\s|\b(?:and|but|while|whereas|after|before|when|as|which|until|since)\b", re.IGNORECASE
)
_ALLIED_TO = re.compile(
    r"(?:[\w-]+\s+)?(?:forces|fighters|troops|militias?|groups?|units|brigades)\s+(?:allied|loyal|aligned|affiliated|"
    r"linked)\s+(?:to|with)\s+(?:the\s+)?",
    re.IGNORECASE,
)
# Words that describe a place before its name ("neighbouring Rasha Hill", "the strategic Tal Ali"), no part of it.
_DESCRIBING_WORD = re.compile(r"(?:neighbou?ring|nearby|adjacent|adjoining|strategic|key|vital|important)\s+(?=\S)")
# "a south-western neighbourhood of", "a front-line district in": the name after is the city the part is of
_PART_OF_BEFORE = re.compile(r"\b(?:neighbou?rhood|district|suburb|quarter)s?\s+(?:of|in)\s+(?:the\s+)?$",
                             re.IGNORECASE)
_LOCATES = re.compile(
    r"(?:['’]s)?\s*(?:(?:[\w-]+\s+){0,2}?)(?:,\s*)?(?:in|near|outside|of|(?:on\s+the\s+)?outskirts\s+of|"
    r"(?:(?:some\s+)?\d+\s*(?:km|kms|kilometres|"
    r"kilometers|miles)\s+)?(?:north|south|east|west)(?:ern|-?east|-?west)?\s+of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?",
    re.IGNORECASE,
)
# "Morek, a town north of Hama", "Tal Afar was the last major town in Nineveh province", "Mubi, the commercial hub of
# Adamawa State": a description of the name before, whose locative only places it.
_DESCRIBED_AS_LOCATED = re.compile(
    r"\s*(?:,\s*|\s+(?:was|is|remains|remained|has\s+been|had\s+been)\s+)(?:a|an|the|its|one\s+of\s+the)\s+"
    r"(?:[\w'’-]+\s+){0,4}?(?:in|near|outside|on|(?:" + "|".join(sorted(syntax.CENTRE_NOUNS)) + r")\s+of|"
    r"(?:(?:some\s+)?\d+\s*(?:km|kms|kilometres|kilometers|miles)\s+)?"
    r"(?:north|south|east|west)(?:ern|-?east|-?west)?\s+of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?",
    re.IGNORECASE,
)
# A verb of beginning right before a date: the date is when fighting or a campaign began, before any change.
_ONSET_BEFORE = re.compile(
    r"\b(?:launch(?:ed|es)?|start(?:ed|s)?|began|begun|begins|broke(?:n)?\s+out|erupted|kicked\s+off|"
    r"got\s+under\s*way)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_SINGULAR_PRONOUN = re.compile(r"(?:its|it)\b", re.IGNORECASE)
# A group named by a plural common noun ("the rebels", "Russia-backed separatists"), not by a name ("Forces")
_PLURAL_COMMON_NOUNS = frozenset({"rebels", "insurgents", "militants", "jihadists", "separatists", "fighters", "gunmen",
                                  "extremists", "terrorists", "guerrillas", "troops", "soldiers", "militias",
                                  "loyalists", "mercenaries", "paramilitaries"})


def _plural_common(name: str) -> bool:
    """A party a singular pronoun cannot stand for: one named by a plural common noun."""
    return name.rsplit(None, 1)[-1] in _PLURAL_COMMON_NOUNS


_SIMULTANEOUS = re.compile(r"\b(?:when|as|while|during|amid)\b", re.IGNORECASE)
_TRAILING_PARTICIPLE = re.compile(r"\s*,\s*[a-z]+ing\b")
# "The offensive began on Friday with the fall of Zaranj": the start told with the change it began with
_WITH_THE_CHANGE = re.compile(r"\s+with\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,3}?$", re.IGNORECASE)
# "held by the SDF since 2013", "under siege since Sunday": the start of a state, which dates no change.
_SINCE = re.compile(r"since\b", re.IGNORECASE)
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:the\s+)?(?:early\s+|late\s+|mid[\s-]+)?$", re.IGNORECASE)
_REL_PRONOUN = re.compile(
    r"\b(?:that|which)\s+(?:had\s+|has\s+|have\s+|later\s+|also\s+|eventually\s+)*$", re.IGNORECASE
)

# --- attribution -----------------------------------------------------------------------------------------------
# (not the second half of a compound adjective: "Isis's self-declared capital" names no speaker)
_SAID = re.compile(
    r"(?<!-)\b(?:said|says|claimed|claims|reported|reports|announced|announces|stated|confirmed|confirms|told|declared)\b",
    re.IGNORECASE,
)
_ACCORDING = re.compile(r"\baccording\s+to\s+", re.IGNORECASE)
# Adverbs between a speaker and its speech verb ("Russia's Defense Ministry also claimed"): no part of the speaker
_SPEECH_ADVERBS = frozenset({"also", "later", "again", "earlier", "further"})
_CLAIM_CUT = re.compile(r"[,;:()\"“”.]|\b(?:that|and|but|when|after|as|while|which|who|on|in)\b", re.IGNORECASE)
_CLAIM_HEAD = re.compile(
    r"\b(?:agency|observatory|monitor|television|tv|media|ministry|army|official|officials|sources?|spokesman|"
    r"spokeswoman|statement|group|commander|news|reuters|afp|sana|channel|command|council|forces|activists|"
    r"witnesses|rebels|military)\b",
    re.IGNORECASE,
)
_PRONOUN_CLAIM = re.compile(r"^(?:it|he|she|they|we|i)$", re.IGNORECASE)
# ", a spokesman for the", ", the commander of the", ", a senior official in the": a speaker's role, set off after
# his name, and the party he speaks for after it
_SPEAKER_ROLE_AFTER = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:spokes(?:man|woman|person)|commander|official|leader|member|head|chief|"
    r"representative|fighter|officer)\s+(?:for|of|with|in)\s+(?:the\s+)?",
    re.IGNORECASE,
)

_NONSTATE_SIDES = (Side.ISIS, Side.OPPOSITION)
# Sides a definite description of a group ("the militia", "the alliance") can refer to.
_GROUP_SIDES = (Side.ISIS, Side.OPPOSITION, Side.KURDISH, Side.TURKEY)
# The sides of armed groups that are no state: one named is a war around a change (``_armed``).
_ARMED_GROUP_SIDES = (Side.ISIS, Side.OPPOSITION, Side.KURDISH)
_DEFINITE_GROUP = re.compile(
    r"the\s+(?:militia|alliance|faction|movement|organi[sz]ation|group|(?:terror|terrorist|jihadi|jihadist|extremist|"
    r"militant)\s+group)",
    re.IGNORECASE,
)
# "the Iran-aligned movement", "the Iran-backed group": a state's proxy named by its backer, not the state
_BACKED_GROUP = re.compile(r"the\s+\w+-(?:backed|aligned|allied|supported|sponsored)\s+(?P<group>[\w\s]+)",
                           re.IGNORECASE)
_ACTIVE = next(t for t in TRIGGERS if t.frame == "active")
# Civil unrest: a square cleared by police is no territorial change.
_CIVIL = re.compile(
    r"\b(?:protest(?:ers?|s|ors)?|demonstrat(?:ors|ions?)|sit-?ins?|rall(?:y|ies)|riot(?:ers|s)?|strikers|"
    r"marchers|activists\s+camped)\b",
    re.IGNORECASE,
)
_POLICE_LIKE = frozenset({"state_forces", "unidentified_armed_group"})
# A capitalised word written right before a generic word for forces ("Nazi troops"), and the words of that shape
# that name no party; what may lead a line before its first word ("1941 - Nazi troops capture Kiev").
_NAME_BEFORE = re.compile(r"\b([A-Z][a-z]+)[ -]\Z")
_NOT_NAMES = frozenset({"The", "A", "An", "Its", "Their", "His", "Her", "Our", "Your", "Some", "Many", "Most", "Other",
                        "Government", "Regime", "Army", "State", "Security", "Military", "National", "Special"})
# A capitalised Arabic generic opening a name ("Beit Zaifa"), and the word before it, which must be a capitalised
# name word for a new name to start there (a list without commas: "Beit Khadour Beit Zaifa").
_GENERIC_OPENING = re.compile(
    r"\b(?:" + "|".join(sorted(g.capitalize() for g in NAME_START_GENERICS)) + r")(?=[ -](?:[A-Z]|[ae]l-?[A-Za-z]))"
)
_WORD_BEFORE = re.compile(r"([A-Z][\w'‘’]*) \Z")
_LINE_LEAD = re.compile(r"\d[\d\s]*[-–—:.]\s*")
_LIST_LEAD = " \t\n\"'“‘-–—:0123456789.,"
_POLICE_NAME = re.compile(r"\b(?:police|security|riot|gendarmerie)\b", re.IGNORECASE)
# A party named only as a political body ("the government", "the authorities") is an armed party only in a
# military context: "the government took control of the port from a private operator". ("The regime" is no such
# body: war reporting's name for a state and its forces, "Eastern Ghouta, which fell to the regime in April".)
_POLITICAL_NAME = re.compile(
    r"(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:government|authorities|administration)",
    re.IGNORECASE,
)
# Words of war: a sentence (or the two before it) with one of these is a military context.
_MILITARY_CONTEXT = re.compile(
    r"\b(?:fight(?:ing|ers?)|fought|troops|soldiers|forces|army|armed|military|militia(?:s|men)?|militants?|"
    r"rebels?|insurgents?|jihadists?|(?:counter-?)?offensives?|battles?|clash(?:es|ed)?|combat|war|warplanes?|air\s*strikes?|"
    r"airstrikes?|shell(?:ing|ed)|artillery|sieges?|besieged|onslaughts?|bombard(?:ment|ed)|frontlines?|front\s+lines?|"
    r"gunmen|assaults?|incursions?|invasions?|interventions?|counter-?attack|ceasefire|truce|tanks?|mortars?|rockets?|"
    r"killed|casualties|commanders?|commander-in-chief|insurgency|paramilitar(?:y|ies)|brigades?|garrisons?)\b",
    re.IGNORECASE,
)


@cache
def _case_sensitive_twin(rx: re.Pattern[str]) -> re.Pattern[str]:
    """An IGNORECASE pattern whose letters are all lower case, as a case-sensitive one for lower-cased text: it
    matches the same spans there (bar "ı" and "ſ", see ``_Extractor``) several times faster in Python's engine."""
    assert rx.flags & re.IGNORECASE and not any(c.isupper() for c in re.sub(r"\\.|\(\?P", "", rx.pattern)), rx.pattern
    return re.compile(rx.pattern, rx.flags & ~re.IGNORECASE)


def _same_pattern(rx: re.Pattern[str]) -> re.Pattern[str]:
    return rx


@dataclass(frozen=True, slots=True)
class _Place:
    """A place the frame points at, with the loser hinted by a "rebel-held"-style modifier before it."""

    mention: Mention
    holder: ActorMatch | None


@dataclass(frozen=True, slots=True)
class _Context:
    """Per-article state the rules read: the text, its mentions and actors, and what the article is about."""

    text: str
    mentions: tuple[Mention, ...]
    actors: tuple[ActorMatch, ...]
    countries: tuple[tuple[int, str, bool], ...]
    country: str | None
    registry: ActorRegistry
    published: date | None
    sentences: tuple[tuple[int, int], ...]
    parser: Any | None = None
    lowercased: bool = False  # the text lost its capitals (read once: the registry's scan and the parse both ask)
    # the country the article's places are in (its towns and divisions, not its demonyms): where "the town" is
    places_country: str | None = None
    # the datelines' spans ("KOBANI, Syria -"): never an event's place, not even as a name the gazetteer lacks
    datelines: tuple[tuple[int, int], ...] = ()


def _to_date(value: datetime | date | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value


def _is_country(m: Mention) -> bool:
    p = m.place
    return p is not None and (p.feature_code.startswith("PCL") or p.feature_code == "TERR")


def _state_code(m: Mention) -> str | None:
    """The state a mention stands for when it names a country or its capital ("Russia's", "Moscow claimed"): its
    ISO code ("" where the gazetteer gives none); None for any other mention."""
    if m.place is None or not (_is_country(m) or m.place.feature_code == "PPLC"):
        return None
    return m.place.country_code


def _a_facility(m: Mention) -> bool:
    """A mention of a hill, mountain, base or building: by its name's last word, or the gazetteer's feature class."""
    if m.place is not None and m.place.feature_class in ("S", "T"):
        return True
    words = _tokens(m.text)
    return bool(words) and words[-1].lower() in syntax.FACILITY_WORDS


def _of_no_country(m: Mention) -> bool:
    """A world region, continent or ocean ("the Middle East"): no one controls it."""
    p = m.place
    return p is not None and not p.country_code and p.feature_class in ("L", "H")


def _tokens(s: str) -> list[str]:
    return re.findall(r"[\w'’-]+", s)


# "X of" before the place must make X the place itself ("the town of", "the stronghold of"), not a person or a
# thing there ("the commander of", "the governor of", "weapons depots of").
_OF_HEAD = re.compile(r"([\w-]+)\s+of\b", re.IGNORECASE)
_PLACE_OF = re.compile(
    r"(?:town|village|city|hamlet|district|sub-?district|neighbou?rhood|quarter|suburb|province|governorate|"
    r"region|capital|stronghold|bastion|hub|base|airbase|airport|airfield|dam|crossing|hill|mountain|camp|prison|"
    r"field|oilfield|plain|valley|municipality|settlement|locality|port|seat|enclave|bridge|junction|compound|"
    r"barracks|headquarters|outpost|island|towns|villages|cities|localities|settlements|control|hands|"
    r"birthplace|gateway|heartland|cradle|symbol|centre|center|area|complex|station|plant|refinery|whole|entirety|"
    r"all)",
    re.IGNORECASE,
)


# "the Nineveh village of X" names X; but "the Ramouseh district of Aleppo" names Ramouseh (a part of Aleppo).
_CONTAINER_OF = re.compile(
    r"(?:['’]s)?\s+(?:(?:countryside|province|provincial|governorate|district|region|rural|desert|border|"
    r"(?:north|south|east|west)(?:ern)?)\s+){0,3}"  # "the Aleppo countryside town of", "the Hama province village of"
    r"(?:village|town|city|hamlet|suburb|oil\s*field|dam|airbase|air\s+base|airport)\s+of\s+(?:the\s+)?",
    re.IGNORECASE,
)

# A thing named after a place, not a part of it ("the road to Aleppo", "the bridge into Raqqa"): "it" after it is
# the thing.
_THING_OF = re.compile(
    r"\b(?:road|roads|highway|route|supply\s+line|corridor|bridge|checkpoint|crossing\s+point|entrance|gates?|"
    r"border|frontier)\s+(?:to|of|from|into|near|around|outside)\s+(?:the\s+)?(?:city\s+of\s+|town\s+of\s+)?$",
    re.IGNORECASE,
)
# A building or site a place's possessive names ("Idlib's central prison", "Aleppo's airport"): no town itself
_POSSESSED_THING = re.compile(
    r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:"
    + "|".join(sorted(syntax.FACILITY_WORDS - syntax.RESOLVABLE_NOUNS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_CONTAINER_QUALIFIER = re.compile(r"\b(?:north|south|east|west)(?:ern)?\s+$", re.IGNORECASE)


def _gap_ok(gap: str, *, max_tokens: int = 8) -> bool:
    """Whether the words between a verb and a place are just that place's determiners and descriptors."""
    if _APPOSITIVE.match(gap.strip() + (" " if gap.strip().endswith(",") else "")):
        return True
    if re.search(r"[.;:!?()\"“”,]", gap):
        return False
    if len(_tokens(gap)) > max_tokens:
        return False
    if _GAP_STOP.search(gap) or _ING.search(gap) or _PARTIAL_END.search(gap) or _PARTIAL_ANY.search(gap):
        return False
    if any(not _PLACE_OF.fullmatch(h.group(1)) for h in _OF_HEAD.finditer(gap)):
        return False
    return not re.search(r"\b(?:of)\s+\S+\s+\S*\s*of\b", gap)


class _Extractor:
    """The rules, bound to one article."""

    def __init__(self, ctx: _Context) -> None:
        self.ctx = ctx
        self.text = ctx.text
        # the agent of the latest change told: its sentence, the agent, and the trigger's span (for its date)
        self.discourse: tuple[int, ActorRef, int, int] | None = None
        self._dateline_end = dateline_end(ctx.text)
        self._taken_by: dict[object, ActorRef | None] = {}  # who last took each place, as told so far
        self._last_place: tuple[int, Mention] | None = None  # the place of the latest change told, and its sentence
        # names the gazetteer lacks that a change was told of, in text order: antecedents as much as the mentions
        self._told_unknown: list[Mention] = []
        self.scopes: list[tuple[int, int]] = []  # each kept trigger's clause: (trigger start, clause end)
        self._describing: list[tuple[int, int]] = []  # the describing clauses of the sentence being read
        self._describing_clauses: dict[int, list[tuple[int, int]]] = {}  # of each parsed sentence
        self._relative_clauses: dict[int, list[tuple[int, int]]] = {}  # of each parsed sentence
        self._conjoined_predicates: dict[int, list[tuple[int, int, int]]] = {}  # of each parsed sentence
        # Sorted starts, so the range look-ups below are binary searches, not scans of the whole article.
        self._mention_starts = [m.start for m in ctx.mentions]
        self._actor_starts = [a.start for a in ctx.actors]
        self._sentence_starts = [s for s, _ in ctx.sentences]
        self._all_dates: list[DateMention] | None = None
        self._scope_starts: list[int] = []
        self._by_place: dict[object, list[Mention]] | None = None
        self._nonstate_named: list[ActorMatch] | None = None
        self._nonstate_starts: list[int] = []
        self._date_starts: list[int] = []
        low = self.text.lower()
        self.lower = low if len(low) == len(self.text) else None  # None: lower-casing moved offsets
        # Where IGNORECASE patterns may run as their case-sensitive twins (``_ci``): the lower-cased text, unless
        # it holds "ı" or "ſ", which IGNORECASE matches as "i" and "s" but lower() keeps.
        exact = self.lower is not None and "ı" not in self.text and "ſ" not in self.text
        self.ci_text = low if exact else self.text
        self._ci = _case_sensitive_twin if exact else _same_pattern
        self._lowercased = ctx.lowercased
        # a copy that lost every comma (FA-KES's texts): a list of names is then a run of capitalised words
        self._commaless = lost_its_commas(ctx.text, _COMMALESS_LONGER_THAN)
        forces = ctx.registry.state_forces(ctx.country)
        self._article_forces = forces.id if forces is not None else None  # who "the army" is in this article

    # -- places ---------------------------------------------------------------------------------------------
    def _mentions_in(self, start: int, end: int) -> list[Mention]:
        ms = self.ctx.mentions
        hi = bisect_left(self._mention_starts, end)
        return [m for m in ms[bisect_left(self._mention_starts, start) : hi] if m.end <= end]

    def _holder_in(self, start: int, end: int) -> ActorMatch | None:
        # (the actors are in text order: only those starting in the window are read, never the whole list)
        lo, hi = bisect_left(self._actor_starts, start), bisect_left(self._actor_starts, end)
        return next((a for a in self.ctx.actors[lo:hi] if a.holder and a.end <= end), None)

    def _holder_after(self, end: int) -> ActorMatch | None:
        """A holder in the appositive that follows a place: "Yabrud, a key opposition bastion", "Raqqa, the
        Islamic State stronghold"."""
        found = self._holder_in(end, end + 60)
        if found is None:
            return None
        if _APPOSITIVE_LEAD.fullmatch(self.text, end, found.start) and found.start - end <= 40:
            return found
        # "Baghuz, the last sliver of territory held by Isis", "Morek, held by rebels since 2012"
        return found if _HELD_BY_LEAD.fullmatch(self.text, end, found.start) else None

    def _skip_country(self, pos: int, cands: list[Mention]) -> Mention | None:
        """The first mention at or after ``pos`` that could be an event place (countries are read as words)."""
        for m in cands:
            if m.start >= pos and not _is_country(m):
                return m
        return None

    def _list_from(self, first: Mention, end: int, cands: list[Mention]) -> tuple[list[Mention], int]:
        """A coordinated list starting at ``first``: "A, B and C", "A in P province and B in Q", "A B and C"."""
        items = [first]
        pos = first.end
        while True:
            h = _HEAD.match(self.text, pos, end)
            if h:
                pos = h.end()
            # Skip a locative modifier that names a container ("in Sweida province", "north of Aleppo").
            nxt = self._skip_country(pos, cands)
            if nxt is not None and nxt.start > pos and nxt.start - pos < 60:
                between = self.text[pos : nxt.start]
                if _LOCATIVE.fullmatch(between) and not _SEP.match(between):
                    pos = nxt.end
                    h = _HEAD.match(self.text, pos, end)
                    if h:
                        pos = h.end()
                    nxt = self._skip_country(pos, cands)
            if nxt is None or nxt.start - pos > 40:
                return items, pos
            between = self.text[pos : nxt.start]
            sep = _LIST_SEP.match(between)
            rest = between[sep.end() :] if sep and sep.group().strip() else between
            if sep is None or (not sep.group().strip() and not re.fullmatch(r"\s+", between)):
                return items, pos
            if rest.strip() and not (_LIST_GAP.fullmatch(rest.lstrip()) or _NAME_PREFIX.fullmatch(rest.lstrip())):
                return items, pos
            if _NOT_PLACE_AFTER.match(self.text, nxt.end) or _SPEAKS_AFTER.match(self.text, nxt.end):
                return items, pos
            items.append(nxt)
            pos = nxt.end

    def _places_after(self, pos: int, end: int, *, weak: bool, verb: bool = True) -> tuple[list[_Place], int]:
        """The place list that is the object of a verb ending at ``pos``: named there, or an anaphor ("the
        village", "it") for a place named just before. None if the object is unnamed.

        ``verb`` False for a noun's complement ("the seizure of X was ..."), where a verb may follow the place.
        """
        places, list_end = self._named_places_after(pos, end, weak=weak, verb=verb)
        if places or not verb:  # "the liberation of the city began": too vague for a noun's complement
            return places, list_end
        ana = _OBJ_ANAPHOR.match(self.text, pos, end)
        if ana is None:
            return places, list_end
        noun = (ana.group("noun") or "it").lower()
        m = self._antecedent(noun, pos, back=1 if noun == "it" else 2)
        return ([_Place(m, None)], ana.end()) if m is not None else (places, list_end)

    def _named_places_after(self, pos: int, end: int, *, weak: bool, verb: bool) -> tuple[list[_Place], int]:
        """The named place list right after ``pos``."""
        cands = self._mentions_in(pos, end)
        first = self._skip_country(pos, cands)
        if first is None:
            return [], pos
        gap = self.text[pos : first.start]
        head_of = _CONTAINER_OF.match(self.text, first.end)
        if head_of:  # "the Nineveh village of Imam Gharbi": the village, not the province
            nxt = next((m for m in cands if m.start == head_of.end()), None)
            if nxt is not None:
                first = nxt
                # The words before the province qualify the province ("the eastern Hama countryside village of").
                gap = _CONTAINER_QUALIFIER.sub("", gap)
        if weak and len(_tokens(gap)) > 5:
            return [], pos
        if not _gap_ok(gap) or _NOT_PLACE_AFTER.match(self.text, first.end):
            return [], pos
        if verb and _VERB_AFTER.match(self.text, first.end):
            return [], pos
        items, list_end = self._list_from(first, end, cands)
        if _PLURAL_OF.search(gap) and len(items) == 1 and re.search(r"\bof\s*$", gap):
            return [], pos  # "two districts of Aleppo": part of the place
        holder = self._holder_in(pos, first.start)
        return [_Place(m, holder) for m in items if not _ROAD_MENTION.search(m.text)], list_end

    def _places_before(self, pos: int, sent_start: int) -> list[_Place]:
        """The place list that is the subject of a passive or "fell to" whose auxiliary starts at ``pos``."""
        cands = [m for m in self._mentions_in(sent_start, pos) if not _is_country(m)]
        for first in cands:
            items, list_end = self._list_from(first, pos, cands)
            if self.text[list_end:pos].strip(" ,") and not _PARENTHETICAL.fullmatch(self.text, list_end, pos):
                continue
            prefix = self.text[sent_start : first.start]
            if _LOCATIVE_END.search(prefix) and not _NAMED_OF_END.search(prefix):
                continue  # a locative ("... in Deraa were taken"): not the subject itself
            ci_prefix = self.ci_text[sent_start : first.start]
            cut = max((m.end() for m in self._ci(_CLAUSE_CUT).finditer(ci_prefix)), default=0)
            cut = max(cut, max((m.end() for m in self._ci(_SAID).finditer(ci_prefix)), default=0))
            np = prefix[cut:]
            if (
                _PARTIAL_END.search(np)
                or re.search(
                    r"\b(?:most|much|parts?|half|rest|outskirts|edges?|suburbs?|areas?|villages|positions|near|around|"
                    r"outside|towards?|east|west|north|south)\s+(?:of\s+)?(?:the\s+)?$",
                    np,
                    re.IGNORECASE,
                )
            ) and not (_PLURAL_OF.search(np) and len(items) > 1):
                return []
            holder = self._holder_in(sent_start + cut, first.start)
            return [_Place(m, holder) for m in items if not _ROAD_MENTION.search(m.text)]
        anaphor = _ANAPHOR.search(self.text, sent_start, pos)
        if anaphor and not self.text[anaphor.end() : pos].strip():
            m = self._antecedent(anaphor.group("noun").lower(), anaphor.start())
            return [_Place(m, None)] if m else []
        it = re.search(
            r"(?:^|[.;]\s*|\b(?:and|but|then|before|after)\s+)(?P<it>it)\s*$", self.text[sent_start:pos], re.IGNORECASE
        )
        if it:
            m = self._antecedent("it", sent_start + it.start("it"), back=1)
            return [_Place(m, None)] if m else []
        return []

    def _antecedent(self, noun: str, before: int, *, back: int = 2) -> Mention | None:
        """The place "the town" (or "it") refers to; none where the text named only part of it ("in opposition-held
        east Aleppo ... before the area was overrun", "fled eastern Aleppo when it fell": a partial capture)."""
        referent = self._referent(noun, before, back=back)
        if referent is not None and noun not in ("city", "town") \
                and _COMPASS_BEFORE.search(self.text, max(0, referent.start - 12), referent.start):
            return None  # (but "pushed into western Mosul ... when the militants overran the city": the city whole)
        return referent

    def _referent(self, noun: str, before: int, *, back: int = 2) -> Mention | None:
        """The place "the town" (or "it") refers to: in this or the ``back`` previous sentences, the latest
        mention introduced with the same noun ("the village of Rityan"), else the latest fitting one."""
        sent_idx = self._sentence_index(before)
        floor = self.ctx.sentences[max(0, sent_idx - back)][0]
        admin = noun in ("province", "governorate", "region")
        fitting: Mention | None = None
        noun_key = noun.replace("neighbourhood", "neighborhood")
        # ("The army retook Zuwaytin a day after losing it": a name the gazetteer lacks, told of just before)
        told = [m for m in self._told_unknown[bisect_left(self._told_unknown, floor, key=_START) :
                                              bisect_left(self._told_unknown, before, key=_START)] if m.end <= before]
        candidates = self._mentions_in(floor, before)
        if told:
            candidates = sorted([*candidates, *told], key=lambda m: m.start)
        for m in reversed(candidates):
            if _is_country(m) or m.is_dateline or self._in_actor(m):
                continue
            if self._locates_previous(m) and not (
                    noun in ("city", "town") and _PART_OF_BEFORE.search(self.text, max(0, m.start - 60), m.start)):
                continue  # (but "Salaheddin, a neighbourhood of Aleppo ... control of the city": the city is Aleppo)
            if _GOVERNMENT_AFTER.match(self.text, m.end):
                continue  # "the Tripoli government": the city names a government here, no place "the airport" is in
            if self._where_a_road_leads(m):
                continue  # "at the junction of the M5 and the M4 highway to Latakia"
            p = m.place
            home = self.ctx.places_country
            if p is not None and home and p.country_code and p.country_code != home:
                continue  # "the town" in a report about Syria is a Syrian town
            if noun == "it":
                # "reopened the road to Aleppo after capturing it": "it" is the road, which names no place itself;
                # "stormed Idlib's central prison and took control of it": the prison
                return None if _THING_OF.search(self.text, max(floor, m.start - 40), m.start) \
                    or _POSSESSED_THING.match(self.text, m.end) else m
            if noun == "village" and p is not None and p.population > 100_000:
                continue
            if noun == "capital" and (p is None or p.feature_code not in _CAPITAL_CODES):
                continue  # "entered Kabul and took control of the capital": a seat of government, not any town
            if noun == "site" and not _a_facility(m):
                continue  # "this aforementioned site": the factory, hill or base named before, not the town near it
            intro = _INTRO_BEFORE.search(self.text, max(0, m.start - 30), m.start) or _INTRO_AFTER.match(
                self.text, m.end
            ) or _INTRO_APPOSITIVE.match(self.text, m.end)
            if intro and intro.group("noun").lower().replace("neighbourhood", "neighborhood") == noun_key:
                return m
            settlement = noun in ("city", "town", "village")  # a region ("Kurdistan") is no city
            if fitting is None and (p is None or noun == "area" or ((p.feature_class == "A") == admin
                                                                    and (not settlement or p.feature_class == "P"))):
                fitting = m
        if fitting is None and noun in ("city", "town", "village") and back >= 2:
            return self._salient_settlement(sent_idx, floor)
        return fitting

    def _salient_settlement(self, sent_idx: int, floor: int) -> Mention | None:
        """"the town" with no settlement in the sentences just before: the article's topic town, when a few sentences
        further back name a settlement the article has named more than once (news returns to the place it is about
        after a digression), the most named of them, or name only one settlement; else none."""
        lo = max(self.ctx.sentences[max(0, sent_idx - SALIENT_LOOKBACK_SENTENCES)][0], floor - 3 * REACH)
        best: tuple[int, int, Mention] | None = None
        settlements: set[object] = set()
        for m in self._mentions_in(lo, floor):
            p = m.place
            if p is None or p.feature_class != "P" or m.is_dateline or self._in_actor(m) or self._locates_previous(m):
                continue
            if self.ctx.places_country and p.country_code != self.ctx.places_country:
                continue
            # (mentions are in text order: count the first few before the window's end, never the whole list)
            settlements.add(_place_key(m))
            named = sum(1 for _ in islice(takewhile(lambda x: x.start < floor, self._mentions_named(_place_key(m))), 9))
            if best is None or (named, m.start) > best[:2]:
                best = (named, m.start, m)
        # (or the one settlement those sentences name at all: "Raqqa was once the capital of the caliphate. ... the
        # SDF drove the militants out of the city")
        return best[2] if best is not None and (best[0] >= 2 or len(settlements) == 1) else None

    def _listed_before(self, plural: str, before: int) -> list[Mention]:
        """The places "those villages" refers to: the latest list introduced with the same plural noun ("the villages
        of Akhtarin and Turkmen Bareh") in this or the two previous sentences."""
        sent_idx = self._sentence_index(before)
        floor = self.ctx.sentences[max(0, sent_idx - 2)][0]
        intro = re.compile(rf"\b{re.escape(plural)}\s+(?:of|including|such\s+as)\s+(?:the\s+)?", re.IGNORECASE)
        for m in reversed(list(intro.finditer(self.text, floor, before))):
            cands = [c for c in self._mentions_in(m.end(), before) if not _is_country(c)]
            if cands and cands[0].start - m.end() <= 2:
                items, _ = self._list_from(cands[0], min(before, m.end() + 300), cands)
                return items
        if plural not in _SETTLEMENT_PLURALS:
            return []
        # "attacked Kafr Nabuda and Hamamiyat ... established control over the above-mentioned villages": else the
        # latest list of two or more settlements the window names, however it was introduced
        cands = [c for c in self._mentions_in(floor, before)
                 if not _is_country(c) and not self._in_actor(c) and (c.place is None or c.place.feature_class == "P")]
        latest: list[Mention] = []
        i = 0
        while i < len(cands):
            items, _ = self._list_from(cands[i], before, cands)
            other = _PLURAL_OF_BEFORE.search(self.text, max(0, cands[i].start - 30), cands[i].start)
            if len(items) >= 2 and (other is None or other.group(1).lower() == plural):
                latest = items  # (not "the cities of Deir ez-Zor and Raqqa" for "the villages")
            i += max(1, len(items))
        if latest and any(not intro.match(self.text, m.end())
                          for m in re.finditer(rf"\b{re.escape(plural)}\b", self.text[latest[-1].end : before],
                                               re.IGNORECASE)):
            # "fighting for three small villages to the northeast of Deir ez-Zor. The villages were liberated": the
            # villages named by no name since the list are the ones meant
            return []
        return latest

    def _locates_previous(self, m: Mention) -> bool:
        """ "the al-Yarmouk camp in Damascus", "Rityan, north of Aleppo": ``m`` only locates the place before it."""
        prev = [p for p in self._mentions_in(max(0, m.start - 50), m.start) if p.end <= m.start]
        if not prev:
            return False
        if any(w.lower() in syntax.TIME_WORDS for w in _NAME_WORD.findall(self.text, prev[-1].end, m.start)):
            return False  # "retook Rutba in May and Falluja": a time between, no locative
        if _SETTLEMENT_OF_GAP.fullmatch(self.text, prev[-1].end, m.start):
            return False  # "the West Bank city of Hebron", "the Idlib town of Saraqeb": the name before locates this
        return bool(_LOCATES.fullmatch(self.text, prev[-1].end, m.start)
                    or _DESCRIBED_AS_LOCATED.fullmatch(self.text, prev[-1].end, m.start))

    def _in_actor(self, m: Mention) -> bool:
        i = bisect_right(self._actor_starts, m.start) - 1  # actors do not overlap: only the last one before counts
        return i >= 0 and self.ctx.actors[i].end >= m.end

    def _relative_antecedent(self, pos: int, sent_start: int) -> list[_Place]:
        """ "X, one of the largest airports in the north, that fell to rebels": the nearest earlier place."""
        rel = _REL_PRONOUN.search(self.text, sent_start, pos)
        if not rel or self.text[rel.end() : pos].strip():
            return []
        for m in reversed(self._mentions_in(sent_start, rel.start())):
            if _is_country(m):
                continue
            between = self.text[m.end : rel.start()]
            if len(_tokens(between)) > 16 or any(t.regex.search(between) for t in TRIGGERS[:4]):
                return []
            return [_Place(m, None)]
        return []

    def _clip(self, sent: int, pos: int) -> tuple[int, int]:
        """Sentence ``sent`` cut to ``REACH`` characters either side of ``pos``: every look-back and look-ahead
        around a trigger reads this window, so an article's cost grows with its length, not with its square, even
        when it is one 80 KB "sentence" (no reading of a clause needs more)."""
        s_start, s_end = self.ctx.sentences[sent]
        return max(s_start, pos - REACH), min(s_end, pos + REACH)

    # -- actors ---------------------------------------------------------------------------------------------
    def _sentence_index(self, pos: int) -> int:
        """The sentence holding ``pos`` (or the next one, when ``pos`` falls between sentences)."""
        sents = self.ctx.sentences
        i = max(0, bisect_right(self._sentence_starts, pos) - 1)
        if i < len(sents) - 1 and pos >= sents[i][1] and pos >= sents[i][0]:
            return i + 1
        return i

    def _dates_in(self, start: int, end: int) -> list[DateMention]:
        """Date expressions in ``[start, end)``, from one scan of the whole article (so that "a day later" finds
        the date it counts from in an earlier sentence)."""
        if self._all_dates is None:
            if self.lower is not None:
                self._all_dates = find_dates(self.lower, 0, len(self.text), self.ctx.published, lowered=True)
            else:
                self._all_dates = find_dates(self.text, 0, len(self.text), self.ctx.published)
            self._date_starts = [d.start for d in self._all_dates]
        lo = bisect_left(self._date_starts, start)
        hi = bisect_left(self._date_starts, end)
        return [d for d in self._all_dates[lo:hi] if d.end <= end]

    def resolve(self, a: ActorMatch, *, unlike: str | None = None) -> ActorRef:
        """An actor expression as an ActorRef, resolving words whose referent depends on the article; ``unlike``:
        an actor a common noun for a group cannot stand for (its clause's other party)."""
        reg = self.ctx.registry
        if a.kind == "actor" and a.actor_id:
            d = reg.actors[a.actor_id]
            return ActorRef(a.surface, d.id, d.side_in(self.ctx.country))
        if a.kind == "voice" and a.actor_id:
            d = reg.actors[reg.actors[a.actor_id].voice_of or a.actor_id]
            return ActorRef(a.surface, d.id, d.side_in(self.ctx.country))
        if a.kind == "state" and (named := self._named_modifier(a)) is not None:
            # "Nazi troops occupied Kiev", "1863 - Confederate troops capture Winchester": a name qualifies the
            # generic word, so these are not the place's army; the registry may know the name with another word
            # for its forces ("Tigrayan troops": "Tigrayan forces"), else the party is unknown
            modifier = self.text[named : a.start].strip(" -")
            for noun in ("forces", "fighters"):
                if (d := self._actor_named(f"{modifier} {noun}")) is not None:
                    return ActorRef(self.text[named : a.end], d.id, d.side_in(self.ctx.country))
            return ActorRef(self.text[named : a.end], "unidentified_armed_group", Side.UNKNOWN)
        if a.kind == "state" and (owner := self._possessing_state(a)) is not None:
            # "Moscow's troops withdrew from Kherson": the forces of the state the possessive names (its capital
            # or itself), not the army of the country the place is in
            return self._state_forces(self.text[owner.start : a.end], _state_code(owner) or "")
        if a.kind in ("state", "state_voice"):
            country = self.ctx.country
            if re.search(r"country['’]?s", a.surface, re.IGNORECASE):
                # "the country's military": the country last named by its demonym ("Turkish officials ... the
                # country's military") - a demonym marks the clause's topic, a bare name is usually a location.
                prior = [(dem, c) for off, c, dem in self.ctx.countries if a.start - 400 <= off < a.start]
                demonyms = [c for dem, c in prior if dem]
                country = demonyms[-1] if demonyms else (prior[-1][1] if prior else country)
            forces = reg.state_forces(country)
            if forces is not None:
                return ActorRef(a.surface, forces.id, forces.side)
            return ActorRef(a.surface, "state_forces", Side.GOVERNMENT)
        if _REBEL_WORD.search(a.surface) and (rebels := self._actor_named("rebels")) is not None:
            # "armed rebels", "separatist guerrillas", "warlord Aidid": rebels, insurgents and warlords are the armed
            # opposition (the eval README's sides), whoever else the article names; "militants", "gunmen" may be
            # anyone's
            return ActorRef(a.surface, rebels.id, rebels.side_in(self.ctx.country))
        # A common noun for a non-state group: the nearest named one before it, else after it, in the article.
        if self._nonstate_named is None:
            self._nonstate_named = [
                x for x in self.ctx.actors
                if x.kind == "actor" and x.actor_id and reg.actors[x.actor_id].side in _NONSTATE_SIDES
            ]
            self._nonstate_starts = [x.start for x in self._nonstate_named]
        i = bisect_left(self._nonstate_starts, a.start)
        before = self._nonstate_named[i - 1] if i > 0 else None
        after = next((x for x in self._nonstate_named[i : i + 2] if x.start > a.start), None)
        if unlike is not None:
            # "the military factions that ousted the group from Raqqa": not the group they ousted (the nearest named
            # before may be it); the one named before that, within the same reach, else none named
            before = next((x for x in reversed(self._nonstate_named[max(0, i - _OTHER_GROUP_BACK) : i])
                           if x.actor_id != unlike), None)
            after = after if after is not None and after.actor_id != unlike else None
        pick = before or after
        if pick is not None:
            d = reg.actors[pick.actor_id or ""]
            return ActorRef(a.surface, d.id, d.side_in(self.ctx.country))
        return ActorRef(a.surface, "unidentified_armed_group", Side.UNKNOWN)

    def _named_modifier(self, a: ActorMatch) -> int | None:
        """Where a capitalised word right before a generic word for a state's forces starts, when it is a name of
        no actor or place the article knows: written mid-sentence, or a word no dictionary holds ("Nazi"). Cased
        text only, and not in a headline whose every word is capitalised."""
        if self._lowercased or not a.surface[:1].islower() or a.surface.lower().startswith("the "):
            return None  # ("On Sunday the army": a determiner opens a phrase of its own)
        m = _NAME_BEFORE.search(self.text, max(0, a.start - 40), a.start)
        if m is None or m.group(1) in _NOT_NAMES or m.group(1).lower() in syntax.TIME_WORDS:
            return None  # ("On Sunday government troops": a day names nobody)
        s_start, s_end = self.ctx.sentences[self._sentence_index(a.start)]
        first = not self.text[s_start : m.start(1)].strip(_LIST_LEAD)
        if first and m.group(1).lower() in english_words():
            return None  # "Loyalist troops", "Allied forces" at the start of a sentence
        if self._actors_in(m.start(1), a.start) or self._mentions_in(m.start(1), a.start):
            return None
        words = [w for w in _WORD_PART.findall(self.text, s_start, s_end) if len(w) > 3]
        if sum(w[:1].isupper() for w in words) * 4 > len(words) * 3:
            return None  # "Regime Forces Seize Rebel-held Daraya"
        return m.start(1)

    def _possessing_state(self, a: ActorMatch) -> Mention | None:
        """The country or capital whose possessive stands right before a generic word for forces ("Moscow's
        troops", "Russia's army"), if any; only a state the gazetteer gives a country code."""
        if a.surface.lower().startswith(("the ", "its ", "their ")):
            return None
        for m in self._mentions_in(max(0, a.start - 40), a.start):
            if _POSSESSIVE_GAP.fullmatch(self.text, m.end, a.start) and _state_code(m):
                return m
        return None

    def _actors_in(self, start: int, end: int) -> list[ActorMatch]:
        acts = self.ctx.actors
        hi = bisect_left(self._actor_starts, end)
        return [a for a in acts[bisect_left(self._actor_starts, start) : hi] if a.end <= end]

    def _subject(self, pos: int, sent_start: int) -> ActorRef | None:
        """Who did what the verb at ``pos`` says: a pronoun just before it, else the nearest subject-like actor."""
        pron = self._ci(_PRONOUN).search(self.ci_text, max(sent_start, pos - 80), pos)
        if pron:
            ref = self._pronoun(pron.start(), sent_start)
            if ref is None and pron.group("pron").lower() in ("we", "i"):
                # '"We have liberated X," the Iraqi prime minister said': the speaker's side
                ref = self._claim(pos, sent_start, self._clip(self._sentence_index(pos), pos)[1])[1]
            return ref
        actors = self._actors_in(sent_start, pos)
        relative = _RELATIVE_SUBJECT.search(self.text, max(sent_start, pos - 60), pos)
        if relative is not None and actors and not self.text[actors[-1].end : relative.start()].strip():
            # "took Sinjar from the Kurdish peshmerga, who withdrew without a fight": the relative pronoun's
            # antecedent does what its clause says, object of the clause before or not
            return self.resolve(actors[-1])
        for a in reversed(actors):
            if a.holder or a.kind in ("voice", "state_voice"):
                continue
            if self._struck(a, sent_start):
                continue
            said = self._ci(_SAID).match(self.ci_text, a.end + 1)
            if said and said.start() < pos and not re.match(r"\s+to\s+have\b", self.text[said.end() : pos]):
                continue  # the speaker of "X said", not the agent (but "X claims to have taken" is both)
            return self.resolve(a)
        # "Ukraine retook Kherson", "Eritrea captured Badme", "Damascus retook Aleppo": a country or its capital named
        # right before the verb is its state
        for m in reversed(self._mentions_in(max(sent_start, pos - 60), pos)):
            code = _state_code(m)
            if code and (_STATE_SUBJECT_GAP.fullmatch(self.text, m.end, pos)
                         or _STATE_CAMPAIGN_GAP.fullmatch(self.text, m.end, pos)):
                # ("Ukraine's counteroffensive liberated Izium": the state's campaign stands for its forces)
                return ActorRef(m.text, f"country:{code}", Side.OTHER)
            break
        # "A Ukrainian counteroffensive liberated Izium", "a Turkish offensive has taken Afrin": the campaign a
        # demonym names right before the verb
        campaign = _DEMONYM_CAMPAIGN.search(self.text, max(sent_start, pos - 60), pos)
        if campaign and (code := DEMONYM_COUNTRIES.get(campaign.group("demonym").lower())):
            return ActorRef(campaign.group().strip(), f"country:{code}", Side.OTHER)
        return None

    def _pronoun(self, pos: int, sent_start: int, *, unlike: str | None = None) -> ActorRef | None:
        """ "they" / "it": the nearest named actor earlier in the sentence, else the previous trigger's agent;
        ``unlike``: an actor the pronoun cannot be (its clause's other party)."""
        before = self._actors_in(sent_start, pos)[::-1]
        singular = _SINGULAR_PRONOUN.match(self.text, pos) is not None
        if singular:
            # "its forces", "it": never "the rebels", "separatists" (a group's proper name may be plural in form:
            # "the Syrian Democratic Forces ... its fighters")
            before = [a for a in before if not _plural_common(a.surface)]
        subjects = (a for a in before if not a.holder and a.kind != "voice"
                    and not self._struck(a, sent_start)
                    and not _ACTION_AFTER.match(self.text, a.end))
        # else a holder or an object the sentence names ("Morek has been in the hands of the rebels since they captured
        # it"), before the sentences around
        others = (a for a in before if a.kind != "voice")
        for a in chain(subjects, others):
            owner = _OWNER_BEFORE.search(self.text, max(sent_start, a.start - 7), a.start) if a.kind == "state" \
                else None
            # ("its troops were withdrawing from Izium, the town they captured": "they" are the troops of whoever
            # "its" is, not the state's forces a bare "troops" would be)
            ref = (self._frame_actor((owner.start(), a.end), sent_start) if owner else None) or self.resolve(a)
            if unlike is None or ref.actor != unlike:
                return ref
        state = self._subject_state(pos, sent_start) or self._speaker_state(pos, sent_start)
        if state is not None and (unlike is None or state.actor != unlike):
            # "Turkey and its Syrian proxies now control Afrin, which they seized from the YPG": no armed party named
            # before it, the state the sentence opens on
            return state
        fallback = self._salient_party(pos, unlike=unlike, singular=singular)
        return fallback if fallback is None or unlike is None or fallback.actor != unlike else None

    def _salient_party(self, pos: int, *, unlike: str | None = None, singular: bool | None = None) -> ActorRef | None:
        """The party a pronoun with no antecedent in its own clause stands for: Lappin and Leass's salience,
        reduced. Each party named in the sentence before ``pos`` or the ``SALIENCE_SENTENCES`` before it scores 1
        where it is named as a doer and 1/2 where as an object or a holder ("rebel-held"), halved for each sentence
        back; the agent of the latest change told scores once more in its sentence. The best score wins, the
        latest change's agent on a tie. A group an article keeps naming ("Isis ... its fortunes ... the terror
        group") outranks the agent of one change told four sentences earlier."""
        idx = self._sentence_index(pos)
        told = self._discourse(pos)
        scores: dict[str, float] = {}
        refs: dict[str, ActorRef] = {}
        lo = max(self.ctx.sentences[max(0, idx - SALIENCE_SENTENCES)][0], pos - (SALIENCE_SENTENCES + 1) * REACH)
        if singular is None:  # (the caller may have read it already)
            singular = _SINGULAR_PRONOUN.match(self.text, pos) is not None
        for a in self._actors_in(lo, pos):
            if a.kind in ("voice", "state_voice") or (singular and _plural_common(a.surface)):
                continue
            at = self._sentence_index(a.start)
            floor = self.ctx.sentences[at][0]
            said = self._ci(_SAID).match(self.ci_text, a.end + 1)
            weight = 0.5 if a.holder or said or self._struck(a, floor) else 1.0
            ref = self.resolve(a)
            if ref.actor == unlike:
                continue
            refs.setdefault(ref.actor, ref)
            scores[ref.actor] = scores.get(ref.actor, 0.0) + weight * 0.5 ** (idx - at)
        if singular and told is not None and _plural_common(told.name):
            told = None  # ("its forces" after "separatists seized Donetsk": not theirs)
        if told is not None and told.actor != unlike and self.discourse is not None:
            refs.setdefault(told.actor, told)
            scores[told.actor] = scores.get(told.actor, 0.0) + 0.5 ** (idx - self.discourse[0])
        if not scores:
            return self._previous_subject(pos)
        best = max(scores.values())
        if told is not None and scores.get(told.actor) == best:
            return told
        return next(refs[k] for k, v in scores.items() if v == best)

    def _struck(self, a: ActorMatch, floor: int) -> bool:
        """Whether the words just before actor ``a`` (not before ``floor``) make it an object: "attacked IS",
        "drove the rebels", "clashes with the army"."""
        return bool(self._ci(_OBJECT_MARK).search(self.ci_text, max(floor, a.start - 30), a.start))

    def _first_person_side(self, phrase: str, pos: int) -> ActorRef | None:
        """ "'Our forces have liberated Tabqa,' SDF spokesman Talal Silo said": a first-person party of a quoted
        statement (``phrase`` at ``pos``) stands for the speaker's side, read in the same sentence (within ``REACH``
        of it, as every look-around: an 80 KB "sentence" is not rescanned for each party)."""
        _, speaker = self._claim(pos, *self._clip(self._sentence_index(pos), pos))
        return ActorRef(phrase, speaker.actor, speaker.side) if speaker is not None else None

    def _remnant_of(self, span: tuple[int, int] | None, sent_start: int) -> ActorRef | None:
        """ "The army killed dozens of IS fighters and the rest withdrew": what remains of a group is the group the
        clause before struck (the object of "killed", "attacked"), not that clause's subject."""
        if span is None or not _REMNANT.fullmatch(self.text, *span):
            return None
        for a in reversed(self._actors_in(sent_start, span[0])):
            if not a.holder and a.kind not in ("voice", "state_voice") \
                    and self._struck(a, sent_start):
                return self.resolve(a)
        return None

    def _subject_state(self, pos: int, sent_start: int) -> ActorRef | None:
        """The state (a country or its capital) the sentence opens on as its subject, before ``pos``: the first
        name of the sentence, with no word before it but an article, and no possessive after it ("Russia's
        ministry" names a voice)."""
        first = next(iter(self._mentions_in(sent_start, pos)), None)
        if first is None or (code := _state_code(first)) is None or not code:
            return None
        if self.text[sent_start : first.start].strip().lower() not in ("", "the") \
                or self.text.startswith(("'", "’"), first.end):
            return None
        return ActorRef(first.text, f"country:{code}", Side.OTHER)

    def _previous_opening_state(self, sent_start: int) -> ActorRef | None:
        """The state the sentence before opens on, possessor or subject ("Russia's gains have been incremental. ...
        its troops took Avdiivka"): what "its" forces are where no party or state of their own sentence binds it."""
        idx = self._sentence_index(sent_start)
        if idx == 0:
            return None
        ps, pe = self.ctx.sentences[idx - 1]
        first = next(iter(self._mentions_in(ps, pe)), None)
        if first is None or not (code := _state_code(first)) or self.text[ps : first.start].strip().lower() not in (
                "", "the"):
            return None
        return ActorRef(first.text, f"country:{code}", Side.OTHER)

    def _speaker_state(self, pos: int, sent_start: int) -> ActorRef | None:
        """ "Russia's defence ministry said its forces had taken X", "The Russian defence ministry said they had
        captured X": a pronoun in what a speaker says is bound by the speaker, and a speaker that is a state's organ
        (named by the state, its capital or its demonym) stands for that state's forces, before any party of the
        sentences around. The speaker is the phrase before the latest speech verb ahead of ``pos``, read within
        ``REACH`` of it."""
        lo = max(sent_start, pos - REACH)
        speech = list(self._ci(_SAID).finditer(self.ci_text, lo, pos))
        if not speech:
            return None
        said = speech[-1]
        cut = max((c.end() for c in self._ci(_CLAIM_CUT).finditer(self.ci_text, lo, said.start())), default=lo)
        named = self._last_state(cut, said.start())
        if named is not None:
            return self._state_forces(named[0].text, named[1])
        phrase = self.text[cut : said.start()].strip()
        demonyms = [c for w in _tokens(phrase) if (c := DEMONYM_COUNTRIES.get(w.lower()))]
        return self._state_forces(phrase, demonyms[-1]) if demonyms else None

    def _state_forces(self, phrase: str, code: str) -> ActorRef:
        """The forces of the state ``code``, as the registry names them (its state forces, else a curated actor
        named with its demonym: "Russian forces"); else the state itself, whose side is read where the place is."""
        forces = self.ctx.registry.state_forces(code) or next(
            (d for dem, c in DEMONYM_COUNTRIES.items() if c == code
             and (d := self._actor_named(f"{dem} forces")) is not None),
            None)
        if forces is not None:
            return ActorRef(phrase, forces.id, forces.side_in(self.ctx.country))
        return ActorRef(phrase, f"country:{code}", Side.OTHER)

    def _pronoun_phrase(self, span: tuple[int, int] | None) -> bool:
        return span is not None and self.text[span[0] : span[1]].strip().lower() in syntax.ACTOR_PRONOUNS

    def _previous_subject(self, pos: int) -> ActorRef | None:
        """The first subject-like actor of the previous sentence ("The SDF besieged X. Its fighters took it")."""
        idx = self._sentence_index(pos)
        if idx == 0:
            return None
        ps, pe = self.ctx.sentences[idx - 1]
        for a in self._actors_in(ps, pe):
            if a.holder or a.kind in ("voice", "state_voice"):
                continue
            if self._struck(a, ps):
                continue
            if self._ci(_SAID).match(self.ci_text, a.end + 1):
                continue
            return self.resolve(a)
        return None

    def _attacker_before(self, sent: int) -> ActorRef | None:
        """The subject of the sentence before when it tells that side attacking ("pressed their offensive",
        "advanced on several fronts", "launched a push against IS") and names no other side but as its target."""
        if sent == 0:
            return None
        ps, pe = self.ctx.sentences[sent - 1]
        if not self._ci(_ON_THE_OFFENSIVE).search(self.ci_text, ps, pe):
            return None
        subject = self._previous_subject(self.ctx.sentences[sent][0])
        if subject is None or subject.side == Side.UNKNOWN:
            return None
        others = {p.side for p in self._parties_in(ps, pe)} - {subject.side}
        targets = {self.resolve(a).side for a in self._actors_in(ps, pe)
                   if self._struck(a, ps)}
        return subject if others <= targets else None

    def _discourse(self, pos: int) -> ActorRef | None:
        """The agent of the latest trigger in this or the two previous sentences."""
        if self.discourse is None:
            return None
        idx, ref, _, _ = self.discourse
        return ref if self._sentence_index(pos) - idx <= 2 else None

    def _actor_after(self, pos: int, end: int, lead: str, *, window: int = 80) -> ActorRef | None:
        """The actor introduced by ``lead`` ("to", "by", "from") within ``window`` characters after ``pos``."""
        limit = self._clause_end(pos, end, window)
        for m in re.finditer(rf"\b(?:{lead})\s+(?:the\s+)?", self.text[pos:limit], re.IGNORECASE):
            if _HOLDING_BEFORE.search(self.text, max(0, pos + m.start() - 20), pos + m.start()):
                continue  # "the last sliver of territory held by the group": its holder, not the taker
            at = pos + m.end()
            allied = _ALLIED_TO.match(self.text, at)
            if allied:  # "by forces allied to the GNA": the GNA's side
                at = allied.end()
            for a in self._actors_in(pos + m.start() + 1, end):
                if a.start - at <= 12 and a.kind != "voice" and not a.holder:
                    return self.resolve(a)
                break
        return None

    def _clause_end(self, pos: int, end: int, window: int) -> int:
        """Where the clause from ``pos`` ends: at a full stop or semicolon, ``end`` or ``window`` characters on."""
        limit = min(end, pos + window)
        stop = re.search(r"[.;]", self.text[pos:limit])
        return pos + stop.start() if stop else limit

    def _named_next(self, noun: str, sent: int) -> Mention | None:
        """"captured a strategic town near Aleppo on Sunday. The town, Khan Touman, had been held by rebels": a place
        a report's lead introduces with an indefinite noun is the one the next sentence names with the same noun
        ("The town, X," "The town of X")."""
        if sent + 1 >= len(self.ctx.sentences):
            return None
        start, end = self.ctx.sentences[sent + 1]
        named = _NAMED_NEXT.match(self.text, start, end)
        if named is None or named.group("noun").lower() != noun:
            return None
        return next((m for m in self._mentions_in(named.end(), min(end, named.end() + 60))
                     if m.start == named.end() and not _is_country(m)), None)

    def _campaign_of(self, pos: int, end: int) -> ActorRef | None:
        """"The brief seizure of Rityan was part of an abortive army offensive", "fell in a rebel counter-offensive":
        the party a campaign the change came in is named after, within the clause after ``pos``."""
        for a in self._actors_in(pos, self._clause_end(pos, end, 100)):
            if a.holder or a.kind in ("voice", "state_voice") or not _CAMPAIGN_NOUN.match(self.text, a.end):
                continue
            if _CAMPAIGN_LEAD.search(self.text[pos : a.start]):
                return self.resolve(a)
        return None

    def _loser_near(self, start: int, end: int, after: int, gainer: ActorRef | None) -> ActorRef | None:
        """ "from ISIL control", "driving out the rebels", "ousting the YPG" in the rest of the sentence."""
        for a in self._actors_in(after, end):
            lead = self.text[max(after, a.start - 40) : a.start]
            if (_TOWARD_LOSER.search(lead) or _LOSER_CLAUSE.search(lead)) and not a.holder:
                ref = self.resolve(a)
                if gainer is None or ref.side != gainer.side or ref.actor != gainer.actor:
                    return ref
        return None

    def _claim(self, pos: int, start: int, end: int) -> tuple[str | None, ActorRef | None]:
        """Who the sentence says asserts the change, and the actor that speaker stands for (if it is one)."""
        best: tuple[int, int, int] | None = None
        for m in self._ci(_ACCORDING).finditer(self.ci_text, start, end):
            stop = self._ci(_CLAIM_CUT).search(self.ci_text, m.end(), end)
            np_end = stop.start() if stop else end
            words = list(re.finditer(r"[\w'’-]+", self.text[m.end() : np_end]))[:7]
            if words:
                head = next((w for w in words if _CLAIM_HEAD.fullmatch(w.group())), None)
                last = head or words[-1]
                cand = (abs(m.start() - pos), m.end(), m.end() + last.end())
                best = min(best, cand) if best else cand
        for m in self._ci(_SAID).finditer(self.ci_text, start, end):
            left = self.text[start : m.start()]
            quoted = re.search(r"[\"”]\s*$", left)
            if quoted:
                stop = self._ci(_CLAIM_CUT).search(self.ci_text, m.end(), end)
                s, e = m.end(), stop.start() if stop else end
                words = list(re.finditer(r"[\w'’-]+", self.text[s:e]))[:8]
                if words:
                    cand = (abs(m.start() - pos), s + words[0].start(), s + words[-1].end())
                    best = min(best, cand) if best else cand
                continue
            cut = max((c.end() for c in self._ci(_CLAIM_CUT).finditer(self.ci_text[start : m.start()])), default=0)
            words = list(re.finditer(r"[\w'’-]+", left[cut:]))[-6:]
            while words and words[-1].group().lower() in _SPEECH_ADVERBS:
                words.pop()  # ("the army also said": the army)
            if not words:
                continue
            dets = [i for i, w in enumerate(words) if w.group().lower() in ("the", "a")]
            if dets:
                words = words[dets[-1] :]
            cand = (abs(m.start() - pos), start + cut + words[0].start(), start + cut + words[-1].end())
            best = min(best, cand) if best else cand
        if best is None:
            return None, None
        surface = self.text[best[1] : best[2]].strip()
        if _PRONOUN_CLAIM.match(surface):
            return None, None
        speaker = next(
            (self.resolve(a) for a in self._actors_in(best[1], best[2]) if a.kind != "nonstate"),
            None,
        )
        if speaker is None and (role := _SPEAKER_ROLE_AFTER.match(self.text, best[2])) is not None:
            # '"We liberated Manbij," said Sharvan Darwish, a spokesman for the Manbij military council': a person the
            # registry does not know speaks for the party of the appositive that gives his role
            stop = self._ci(_CLAIM_CUT).search(self.ci_text, role.end(), min(end, role.end() + 80))
            speaker = next((self.resolve(a) for a in self._actors_in(role.end(), stop.start() if stop else end)
                            if a.kind != "nonstate"), None)
        return surface, speaker

    # -- exclusions -----------------------------------------------------------------------------------------
    def _blocked(self, frame: str, pos: int, sent_start: int, sent_end: int) -> bool:
        """Whether the trigger at ``pos`` is wrapped in a modal, intention, attempt, negation or denial."""
        left = self.text[sent_start:pos]
        ci, ci_left = self._ci, self.ci_text[sent_start:pos]
        if ci(_DENIAL).search(ci_left):
            return True
        if ci(_REPORT_THAT).search(ci_left) and ci(_DENIAL_RIGHT).search(self.ci_text, pos, sent_end):
            return True
        cut = max((m.end() for m in ci(_CLAUSE_CUT).finditer(ci_left)), default=0)
        clause = ci_left[cut:][-70:]
        if frame == "nominal" and not re.match(r"\w+ed\b", self.text[pos : pos + 20]):
            # (a participle modifier, "returned to the newly liberated town of X", is no noun after "to")
            return bool(ci(_NOMINAL_BLOCK).search(ci_left[-60:]))
        if ci(_MODAL).search(clause) or ci(_NEARLY).search(ci_left):
            return True
        if _KEPT_FROM.search(left[-80:]):
            return True  # "prevent them from capturing", "weeks away from capturing" (not "fresh from ousting IS")
        # "talks on handing over X", "a deal for surrendering X": a gerund naming a topic, not an event
        verb = self.text[pos : pos + 12].lower()
        return bool(re.match(r"\w+ing\b", verb) and ci(_TOPIC_END).search(ci_left))

    # -- dates ----------------------------------------------------------------------------------------------
    def _date(self, trig_start: int, span_end: int, places: list[_Place], sent: int) -> EventDate | None:
        s, e = self._clip(sent, trig_start)
        own = [
            d
            for d in self._dates_in(s, e)
            if not self._dates_other(d, trig_start)
            # (nor a date of a clause that describes a noun, unless it is this change's: "Fighters who had taken X
            # in 2014 were forced out on Sunday")
            and not any(a <= d.start and d.end <= b and not a <= trig_start < b for a, b in self._describing)
            and not (self._onset(d) and not _SIMULTANEOUS.search(self.text, d.end, trig_start)
                     and not _WITH_THE_CHANGE.match(self.text, d.end, trig_start))
        ]
        for h, a, b in self._conjoined_predicates.get(sent, ()):
            if a <= trig_start < b:
                # ("took Nyala in late 2023, and overran Ardamata ... in November of that year": the first verb's)
                own = [d for d in own if not h < d.start < a] or own
        found = self._pick_date(own, trig_start, span_end)
        if found:
            return found
        # Undated here: the latest earlier sentence naming the place, dated near that mention (news tells a change
        # first with its date, then comes back to the place), unless the date is another change's or a start's.
        keys = {_place_key(p.mention) for p in places} | {p.mention.text.lower() for p in places}
        earlier = sorted(
            {m.start: m for key in keys for m in self._mentions_named(key) if m.start < s}.values(),
            key=lambda m: m.start,
        )
        seen_sentences: set[int] = set()
        for named in reversed(earlier[-DATE_LOOKBACK_MENTIONS:]):
            prev = self._sentence_index(named.start)
            if prev in seen_sentences:
                continue
            seen_sentences.add(prev)
            ps, pe = self._clip(prev, named.start)
            usable = [
                d
                for d in self._dates_in(ps, pe)
                if not self._onset(d) and not any(a <= d.start and d.end <= b for a, b in self._scopes_around(d.start))
            ]
            found = self._pick_date(usable, named.start, named.end)
            if found:
                return replace(found, borrowed=True)
        return default_date(self.ctx.published)

    def _item_dates(self, places: list[_Place], s_end: int) -> dict[int, EventDate]:
        """ "retook Aleppo in 2016 and eastern Ghouta this year": in a list whose items carry dates of their own, each
        item's date is the one right after it (before the next item); a date only after the last item is all of
        theirs, as the caller has it."""
        ordered = sorted(places, key=lambda p: p.mention.start)
        if len(ordered) < 2:
            return {}
        bounds = [p.mention.start for p in ordered[1:]] + [min(s_end, ordered[-1].mention.end + 60)]
        found: dict[int, EventDate] = {}
        for p, stop in zip(ordered, bounds, strict=True):
            # (only a date right after the item, a preposition at most between: "Aleppo in 2016"; and the emphatic
            # pronoun, "Falluja itself on 26 June", an appositive set off by commas, "al-Qaim, on the Syrian
            # border, in early November", or whom it was taken from or lost to, "Palmyra from Isis in March 2016")
            dates = [d for d in self._dates_in(p.mention.end, stop) if not d.forward_only]
            if dates and _ITEM_DATE_GAP.fullmatch(self.text, p.mention.end, dates[0].start):
                found[id(p)] = dates[0].date
        for p, after in reversed(list(pairwise(ordered))):
            # "then Dinder and al-Suki in November": an item joined by "and" to the next, with no date of its own,
            # shares the next one's
            if id(p) not in found and id(after) in found \
                    and _AND_ONLY.fullmatch(self.text, p.mention.end, after.mention.start):
                found[id(p)] = found[id(after)]
        inner = [p for p in ordered[:-1] if id(p) in found]
        return found if inner else {}

    def _mentions_named(self, key: object) -> list[Mention]:
        """The article's mentions of a place (by gazetteer id) or of a name (lower-cased), built once."""
        if self._by_place is None:
            self._by_place = {}
            for m in self.ctx.mentions:
                self._by_place.setdefault(_place_key(m), []).append(m)
                if m.place is not None:
                    self._by_place.setdefault(m.text.lower(), []).append(m)
        return self._by_place.get(key, [])

    def _onset(self, d: DateMention) -> bool:
        """ "an offensive launched this week", "fighting broke out on Friday", "held by rebels since 2013": the
        date of a start, not of a change (unless the change is told as simultaneous: "the offensive began on Sunday
        when troops took X")."""
        return bool(_ONSET_BEFORE.search(self.text, max(0, d.start - 40), d.start)
                    or _SINCE.match(self.text, d.start) or _SINCE_BEFORE.search(self.text, max(0, d.start - 20),
                                                                                d.start))

    def _scopes_around(self, pos: int) -> list[tuple[int, int]]:
        """The trigger clauses that can hold ``pos``: those starting at most ``REACH`` before it (a clause is never
        longer), found by bisection rather than by a scan of every trigger of the article."""
        hi = bisect_right(self._scope_starts, pos)
        return self.scopes[bisect_left(self._scope_starts, pos - REACH) : hi]

    def _dates_other(self, d: DateMention, trig_start: int) -> bool:
        """Whether ``d`` sits in another trigger's clause ("X, which IS captured in 2014, was retaken"), unless
        the two changes are told as simultaneous ("lost Idlib when the capital fell to rebels in 2015")."""
        for a, b in self._scopes_around(d.start):
            if a != trig_start and not a <= trig_start < b and a <= d.start and d.end <= b:
                lo, hi = min(a, trig_start), max(a, trig_start)
                # ("withdrew from Kherson on 11 November, handing it to Ukraine": a participle trailing the clause
                # after its comma tells what that change did, at its time)
                return not (_SIMULTANEOUS.search(self.text, lo, hi) or (
                    a < trig_start and _TRAILING_PARTICIPLE.match(self.text, b, trig_start + 12)))
        return False

    @staticmethod
    def _pick_date(dates: list[DateMention], start: int, end: int) -> EventDate | None:
        best: tuple[int, EventDate] | None = None
        for d in dates:
            if d.forward_only and not (d.end <= start and start - d.end <= 40):
                continue
            dist = start - d.end if d.end <= start else max(0, d.start - end)
            if best is None or dist < best[0]:
                best = (dist, d.date)
        return best[1] if best else None

    # -- the main loop --------------------------------------------------------------------------------------
    def run(self) -> list[ControlChange]:
        found: list[tuple[int, int, TriggerSpec, re.Match[str]]] = []
        if self.lower is not None:
            hints, keys = scan_trigger_words(self.lower)
        else:
            hints, keys = [m.span() for m in TRIGGER_HINT.finditer(self.text)], []
        key_starts = [start for start, _ in keys]
        for s_start, s_end in self._candidate_sentences(hints):
            if self.lower is not None:  # the keys whole in the window
                lo, hi = bisect_left(key_starts, s_start), bisect_left(key_starts, s_end)
                present = {key for start, key in keys[lo:hi] if start + len(key) <= s_end}
            else:
                window = self.text[s_start:s_end].lower()
                present = {key for key in TRIGGER_KEYS if key in window}
            for spec in TRIGGERS:
                if spec.keys.isdisjoint(present):
                    continue
                rx = self._ci(spec.regex)
                for m in rx.finditer(self.ci_text, s_start, s_end):
                    if rx is not spec.regex:  # the same span in the article, with its groups as written there
                        m = spec.regex.match(self.text, m.start(), s_end)  # type: ignore[assignment]
                    found.append((m.start(), m.end(), spec, m))
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        kept: list[tuple[TriggerSpec, re.Match[str]]] = []
        last_end = -1
        for s, e, spec, m in found:
            if s >= last_end:
                kept.append((spec, m))
                last_end = e
        for _, m in kept:
            s_end = min(self.ctx.sentences[self._sentence_index(m.start())][1], m.end() + REACH)
            cut = self._ci(_SCOPE_END).search(self.ci_text, m.end(), s_end)
            self.scopes.append((m.start(), cut.start() if cut else s_end))
        self._scope_starts = [a for a, _ in self.scopes]
        by_sentence: dict[int, list[tuple[TriggerSpec, re.Match[str]]]] = {}
        for spec, m in kept:
            by_sentence.setdefault(self._sentence_index(m.start()), []).append((spec, m))
        frames = self._parse_frames(hints) if self.ctx.parser is not None else {}
        events: list[ControlChange] = []
        for sent in sorted(set(by_sentence) | set(frames)):
            self._describing = self._describing_clauses.get(sent, [])
            if sent in frames:
                # The parse read this sentence's roles: where its frames name a place, their reading wins; a place
                # a frame found unreal (negated, intended, partial) is no event either way.
                read: list[ControlChange] = []
                starts: dict[int, int] = {}
                agentless: set[int] = set()  # events of a reading that found no gainer where the grammar needs one
                for frame in frames[sent]:
                    got = self._frame_events(frame, sent)
                    starts.update((id(e), frame.trigger_start) for e in got)
                    if _needs_agent(frame, self.text):
                        agentless.update(id(e) for e in got if e.gained_by is None)
                    read.extend(got)

                events.extend(read)
                # The patterns still add places the parse missed (on train and dev alike this beat either alone).
                # A place the parse read for the same trigger, or found unreal, is the parse's.
                unreal = {(x.start, x.end) for f in frames[sent] if not f.factual and f.why_not != "unnamed"
                          for a, b in (*f.places, *f.excluded) for x in self._mentions_in(a, b)}
                for f in frames[sent]:
                    if not f.factual:
                        for at, noun in f.place_nouns:
                            if noun.startswith("a "):
                                continue  # ("a town": no antecedent)
                            x = self._antecedent(noun, at, back=1 if noun == "it" else 2)
                            if x is not None:
                                unreal.add((x.start, x.end))
                for spec, m in by_sentence.get(sent, ()):
                    # the places the parse found for this trigger are its, whether or not it kept them as events
                    # (when it read who took them: a reading that found no gainer leaves the patterns' guess; a
                    # withdrawal names none by its grammar, and its place is the parse's: "withdrawn their forces from
                    # the al-zarah thermal station" is no second withdrawal from the town inside the name)
                    # (and what it read as only locating or holding the place it named: "the Ramouseh district of
                    # Aleppo", "Tal Malah near Hama" took no Aleppo, no Hama)
                    mine = {(x.start, x.end) for f in frames[sent]
                            if m.start() <= f.trigger_start < m.end() and (f.gainer is not None or f.role == "withdraw")
                            for a, b in (*f.places, *(f.excluded if f.places or f.place_nouns else ()))
                            for x in self._mentions_in(a, b)}
                    mine |= {(e.place.start, e.place.end) for e in read if m.start() <= starts[id(e)] < m.end()
                             and id(e) not in agentless}
                    events.extend(e for e in self._handle(spec, m)
                                  if (e.place.start, e.place.end) not in mine | unreal)
            else:
                for spec, m in by_sentence.get(sent, ()):
                    events.extend(self._handle(spec, m))
        return _dedupe(events)

    # -- the dependency frames ------------------------------------------------------------------------------
    def _parse_frames(self, hints: list[tuple[int, int]]) -> dict[int, list[syntax.Frame]]:
        """The frames of every sentence holding a trigger-like word, parsed in one batch (only those: most
        sentences of an article hold none, and parsing is the expensive step)."""
        sents = sorted(
            {self._sentence_index(h) for h, _ in hints}
            | {self._sentence_index(m.start()) for m in syntax.EXTRA_TRIGGER_WORDS.finditer(self.text)}
        )
        # Only sentences that hold one of the parse's own trigger words and something a place can come from: a
        # mention, or a capitalised word or place noun (a name the gazetteer lacks, "the town" for an antecedent).
        sents = [i for i in sents if self._worth_parsing(i)]
        if not sents:
            return {}
        texts = []
        for i in sents:
            s_start, s_end = self.ctx.sentences[i]
            chunk = list(self.text[s_start : min(s_end, s_start + _PARSE_LIMIT)])
            # "IS" is the verb "is" to a statistical tagger; the registry knows it as Islamic State. A name of the
            # same length keeps every offset.
            for a in self._actors_in(s_start, s_start + len(chunk)):
                if a.actor_id == "islamic_state" and (a.surface.upper() == "IS" or a.surface[:3] in ("is ", "IS ")):
                    # (lower-cased: "is militants", and "is" the registry reads as the group: "after is seized")
                    chunk[a.start - s_start : a.start - s_start + 2] = "IZ"
            for k in _PLURAL_POSSESSIVE_QUOTE.finditer(self.text, s_start, s_start + len(chunk)):
                if "‘" in self.text[max(s_start, k.start() - 30) : k.start()].rsplit(" ", 1)[-1]:
                    continue  # a word set in quotation marks ("the so-called ‘rebels’ captured"): the quote closes
                # "the extremists’ ousting from Raqqa": the tagger reads a curly apostrophe after a plural as a
                # closing quote and the possessive as the object of what comes before; the straight one it reads as
                # the possessive it is (one character for one: the offsets hold)
                chunk[k.start() - s_start] = "'"
            for q in _SCARE_QUOTED.finditer(self.text, s_start, s_start + len(chunk)):
                chunk[q.start() - s_start] = chunk[q.end() - 1 - s_start] = " "  # (one for one: the offsets hold)
            for r in _RE_HYPHENATED.finditer(self.text, s_start, s_start + len(chunk)):
                # "re-captured", "re-taken", "re-established": the tokenizer splits the hyphen off and the parse falls
                # apart; the word joined, with the hyphen's place kept as a space before it, keeps every offset
                at, end = r.start() - s_start, r.end() - s_start
                chunk[at:end] = list(" " + r.group(1) + r.group(2))
            for w in _WEDNESDAY.finditer(self.text, s_start, s_start + len(chunk)):
                # "Wed 19 Apr 2017 Army liberates X": the tokenizer splits "Wed" as "we'd" ("We" the subject); another
                # day of the same length keeps the offsets
                chunk[w.start() - s_start : w.end() - s_start] = "Tue" if w.group()[0] == "W" else "tue"
            if self._lowercased:
                self._truecase(chunk, s_start)
            texts.append("".join(chunk))
        out: dict[int, list[syntax.Frame]] = {}
        for i, doc in zip(sents, parse_sentences(self.ctx.parser, texts), strict=True):
            s_start = self.ctx.sentences[i][0]
            found = [_shift(f, s_start) for f in syntax.frames(doc[:])]
            if found:
                out[i] = found
            # (those of another change: a clause that only describes may still date the change it holds)
            triggers = {f.trigger_start for f in found}
            # and a relative clause with a subject of its own ("the neighbourhoods they infiltrated on June 24th"),
            # also where the parse found no change the patterns may still find ("retook Kunduz, which they had held
            # in 2015": the tagger reads "retook" as a noun)
            describing = [(a + s_start, b + s_start) for at, a, b, own in syntax.describing_clauses(doc)
                          if at + s_start in triggers or own]
            if describing:
                self._describing_clauses[i] = describing
            relative = [(a + s_start, b + s_start) for a, b in syntax.relative_clauses(doc)]
            if relative:
                self._relative_clauses[i] = relative
            conjoined = [(h + s_start, a + s_start, b + s_start) for h, a, b in syntax.conjoined_predicates(doc)]
            if conjoined:
                self._conjoined_predicates[i] = conjoined
        return out

    def _truecase(self, chunk: list[str], s_start: int) -> None:
        """Give a lower-cased sentence back the capitals its names had, for the tagger (which reads a lower-case
        name as a common noun and misparses the clause): the first letter of the sentence, of every word of a place
        mention, and of the name words of an actor ("kurdish militia" -> "Kurdish militia"). Offsets do not move."""
        end = s_start + len(chunk)

        def capitalise(a: int, b: int, skip: frozenset[str]) -> None:
            for w in _WORD_PART.finditer(self.text, max(a, s_start), min(b, end)):
                if w.group().lower() not in skip:
                    chunk[w.start() - s_start] = chunk[w.start() - s_start].upper()

        if chunk:
            chunk[0] = chunk[0].upper()
        for c in _CALENDAR_WORD.finditer(self.text, s_start, end):
            chunk[c.start() - s_start] = chunk[c.start() - s_start].upper()
        for m in self._mentions_in(s_start, end):
            capitalise(m.start, m.end, _NAME_PARTICLES)
            after = _FEATURE_AFTER.match(self.text, m.end)
            if after is not None:  # "castello road" is the road's name: "Castello Road", as the writer had it
                capitalise(after.start(1), after.end(1), frozenset())
        for a in self._actors_in(s_start, end):
            if a.kind != "voice" and a.surface != "IS":
                capitalise(a.start, a.end, _COMMON_ACTOR_WORDS)
        # "the adiyat school", "kindi hospital": words no English dictionary holds right before a facility noun are
        # its name, as the writer had it ("Adiyat School"); "the artillery school", "the largest christian town"
        # (a people's word) stay common
        english = english_words()
        words = list(_WORD_PART.finditer(self.text, s_start, end))
        for w in words:
            if w.group() in DEMONYMS:  # ("the turkish border", "kurdish militiamen": a people's word has its capital)
                chunk[w.start() - s_start] = chunk[w.start() - s_start].upper()
        for k, w in enumerate(words):
            if k == 0 or w.group().lower() not in syntax.FACILITY_WORDS:
                continue
            j = k
            while j > 0 and self.text[words[j - 1].end() : words[j].start()] in (" ", "-"):
                prev = words[j - 1].group().lower()
                if prev == "the" or prev in syntax.TIME_WORDS:
                    break  # ("recaptured on saturday the town of rabia": no name before "the town")
                if prev in _NAME_PARTICLES or (len(prev) >= 3 and prev not in english and prev not in DEMONYMS):
                    j -= 1
                    continue
                if j == k and j >= 2 and len(prev) >= 3 \
                        and self.text[words[j - 2].end() : words[j - 1].start()] in (" ", "-") and (
                        len(before := words[j - 2].group().lower()) >= 3 and before not in english
                        and before not in DEMONYMS and before not in _NAME_PARTICLES):
                    j -= 1  # ("the badiyah cement factory": one common word between the name and the noun)
                    continue
                break
            while j < k and words[j].group().lower() in _NAME_PARTICLES:
                j += 1  # ("the", "of", "al" before the name stay as they are)
            if j < k:
                capitalise(words[j].start(), w.end(), _NAME_PARTICLES)
        # "the battalion 82 headquarters", "the 1070 apartment complex": a number in a facility's name makes it a
        # name (as the writer had it, "Battalion 82 Headquarters"), the unit word before the number with it
        for f in _NUMBERED_FACILITY.finditer(self.text, s_start, end):
            group = 1 if f.group(1) is not None else 2
            capitalise(f.start(group), f.end(group), frozenset())
        def name_run(k: int) -> int:
            """The end of the run of words after ``words[k]`` that no English word spells (particles between)."""
            j = k + 1
            while j < len(words) and j - k <= 3 and self.text[words[j - 1].end() : words[j].start()] in (" ", "-") \
                    and (words[j].group().lower() not in english or words[j].group().lower() in _NAME_PARTICLES):
                j += 1
            return j

        # "after capturing jabal al-zahiyah", "took tel alkhadar": an Arabic generic that opens a place's name, with the
        # words after it that no English word spells, is that name (a name the gazetteer lacks keeps no capitals
        # otherwise, and the tagger reads it as common words)
        for k, w in enumerate(words):
            if w.group().lower() not in NAME_START_GENERICS:
                continue
            j = name_run(k)
            if any(words[i].group().lower() not in _NAME_PARTICLES for i in range(k + 1, j)):
                capitalise(words[k].start(), words[j - 1].end(), _NAME_PARTICLES)
        # "captured zamzouna from islamic state": lower-cased, a word no English word spells right after a verb of
        # taking is a name (the tagger reads it as a common noun; the frame decides whether it is a place)
        def may_open_a_name(word: str) -> bool:
            return word not in english and word not in _NAME_PARTICLES and word not in DEMONYMS \
                and word not in GIVEN_NAMES

        word_at = {w.start(): i for i, w in enumerate(words)}
        for m in _TAKEN_WORD.finditer(self.text, s_start, end):
            k = word_at.get(m.start(1))
            word = m.group(1).lower()
            if k is None or not may_open_a_name(word) or word in syntax.TIME_WORDS \
                    or len(word) < 3:  # ("captured monday a village": a day)
                continue
            j = k + 1  # (the name's words: none English, the Arabic article between; "and" ends it)
            while j < len(words) and j - k <= 3 and self.text[words[j - 1].end() : words[j].start()] in (" ", "-") \
                    and (words[j].group().lower() not in english or words[j].group().lower() in _ARTICLES):
                j += 1
            capitalise(words[k].start(), words[j - 1].end(), _NAME_PARTICLES)
            if j + 1 < len(words) and words[j].group() == "and" and may_open_a_name(words[j + 1].group()):
                # ("lost hulwaniyah and umm shuhayb to government forces": the second name of a pair, once)
                capitalise(words[j + 1].start(), words[name_run(j + 1) - 1].end(), _NAME_PARTICLES)
        # "palmyra and quaryatayn, two cities ...": a word no English word spells right after "and" after a place the
        # geoparser found is the second name of the pair (the gazetteer lacks its spelling)
        for m in self._mentions_in(s_start, end):
            k = bisect_left(words, m.end, key=lambda w: w.start())
            if not (k + 1 < len(words) and words[k].group() == "and" and self.text[m.end : words[k].start()] == " "):
                continue
            after = words[k + 1].group()
            if after in _ARTICLES and k + 2 < len(words) \
                    and self.text[words[k + 1].end() : words[k + 2].start()] == "-":
                # ("bab al-taqa and al-sharia": the Arabic article joined to a word opens a name, whatever the word)
                capitalise(words[k + 1].start(), words[k + 2].end(), frozenset())
            elif may_open_a_name(after.lower()) and after.lower() not in syntax.TIME_WORDS and len(after) >= 4:
                capitalise(words[k + 1].start(), words[name_run(k + 1) - 1].end(), _NAME_PARTICLES)
        # "somali warlord mohamed farah aidid captured": a given name no English word spells, and the words after it
        # that none spells either, are a person's name (the tagger read "mohamed" as a verb)
        k = 0
        while k < len(words):
            word = words[k].group().lower()
            if word not in GIVEN_NAMES or word in english:
                k += 1
                continue
            j = name_run(k)
            capitalise(words[k].start(), words[j - 1].end(), _NAME_PARTICLES)
            k = j

    def _worth_parsing(self, sent: int) -> bool:
        s_start, s_end = self.ctx.sentences[sent]
        if not syntax.TRIGGER_WORDS.search(self.text, s_start, s_end):
            return False
        if any(not m.is_dateline for m in self._mentions_in(s_start, s_end)):
            return True
        return bool(_PLACE_HINT.search(self.text, s_start, s_end) or _CONTROL_OF_NAME.search(self.text, s_start, s_end)
                    or _PLACE_ONLY_OBJECT.search(self.text, s_start, s_end)
                    or _CHANGE_OF_NAME.search(self.text, s_start, s_end)
                    or _NUMBERED_UNIT.search(self.text, s_start, s_end)
                    or _GENERIC_NAME.search(self.text, s_start, s_end)
                    or _OUT_OF_NAME.search(self.text, s_start, s_end) or _LOST_NAME.search(self.text, s_start, s_end)
                    or _ARTICLED_NAME.search(self.text, s_start, s_end)
                    or _TOOK_NAME.search(self.text, s_start, s_end)
                    or (self._lowercased and any(m.group(1) not in english_words()
                                                 for m in _TAKEN_WORD.finditer(self.text, s_start, s_end))))

    def _frame_events(self, frame: syntax.Frame, sent: int) -> list[ControlChange]:
        """A dependency frame as events: its place phrases matched to mentions, its actor phrases to actors."""
        s_start, s_end = self._clip(sent, frame.trigger_start)
        gained = self._frame_actor(frame.gainer, s_start)
        lost = self._frame_actor(frame.loser, s_start)
        if gained is not None and lost is not None and gained.actor == lost.actor:
            # A pronoun is never its own clause's other party ("the SDF handed the town over to them", "they lost it
            # to the army"): it takes the salient party before it but that one
            if self._pronoun_phrase(frame.gainer):
                gained = self._pronoun(frame.gainer[0], s_start, unlike=lost.actor) or gained
            elif self._pronoun_phrase(frame.loser):
                lost = self._pronoun(frame.loser[0], s_start, unlike=gained.actor) or lost
            elif (group := self._common_group(frame.gainer)) is not None:
                # a common noun for a group ("the militants", "the military factions") likewise
                gained = self.resolve(group, unlike=lost.actor)
            elif (group := self._common_group(frame.loser)) is not None:
                lost = self.resolve(group, unlike=gained.actor)
        places: list[_Place] = []
        # (a list the parse saw: "Zamzouna Qartouba and Mahrouna villages", "the villages of A B and C")
        listing = len(frame.places) > 1 or any(" and " in self.text[a:b] for a, b in frame.marked)

        def listed_run(m: Mention) -> bool:
            """A name the gazetteer lacks that is a list without its commas, told name by name below; or, in
            lower-cased text, the name a facility's name opens ("the badiyah cement factory", which the geoparser
            cannot see whole without capitals): the facility is the place."""
            if self._lowercased and (m.place is None or m.place.feature_class != "S") and any(
                    x <= m.start and m.end < y and _FACILITY_END.search(self.text, m.end, y) for x, y in frame.marked):
                return True
            return self._commaless and listing and m.place is None and any(
                x <= m.start and m.end <= y for x, y in frame.marked) and bool(self._list_cuts(m.start, m.end))

        for a, b in self._bridged(frame.places):
            # "the regime-held town of Morek", "Yabrud, a key opposition bastion"
            holder = self._holder_in(max(s_start, a - 40), b) or self._holder_after(b)
            for m in self._mentions_in(a, b):
                if _is_country(m) or _of_no_country(m) or any(x <= m.start and m.end <= y for x, y in frame.excluded) \
                        or listed_run(m):
                    continue
                if _ROAD_MENTION.search(m.text) or _ROAD_AFTER.match(self.text, m.end):
                    continue  # "the Castello Road", "castello road": a road named after a place
                places.append(_Place(m, holder))
        marked = [piece for a, b in frame.marked for named in self._listed_names(a, b)
                  for piece in self._names_without_commas(*named, listing)]
        for a, b in marked:
            listed = (a, b) not in frame.marked  # a name of a list that lost its commas
            # A place the grammar vouches for ("the village of Dhala", "Al-Hamdan Airbase") that the gazetteer does not
            # know: kept unresolved, mapped to the region the sentence is in. A locative the frame excludes ends the
            # name ("the 1070 Apartment Project in southwest Aleppo").
            b = min([b, *(x for x, _ in frame.excluded if a < x < b and _LOCATIVE_START.match(self.text, x))])
            comma = self.text.find(",", a, b)
            if comma > a:
                b = comma  # "Qurtuba, the capital of al-Jawf province": what follows a comma describes the name
            with_ = self.ci_text.find(" with ", a, b)
            if with_ > a:
                b = with_  # ("the nassib border crossing with jordan": the country it leads to is no part of its name)
            if listed:  # (the geoparser may have found it)
                found = [m for m in self._mentions_in(a, b) if m.start == a and not _is_country(m)]
                if found:
                    if all(p.mention is not found[0] for p in places):
                        places.append(_Place(found[0], self._holder_in(max(s_start, a - 40), b)))
                    continue
            unknown = self._place_the_gazetteer_lacks(a, b, s_start, s_end, frame, spared=listed_run)
            if unknown is not None:
                places.append(unknown)
        # "Zamzouna fell to the rebels", "Kurdish forces captured Zamzouna from IS": what falls to an armed party, or
        # what one takes from another, is a place (a person is captured, not taken from a party), kept where the
        # gazetteer lacks its name
        vouched = frame.places if self._party_vouches(frame, gained, lost) else ()
        for a, b in vouched:
            # (what falls to a party or is lost to one is no person: "Hafez and Muhassen fell to ISIL fighters")
            if (a, b) in frame.marked or not self._name_shaped(a, b, given=frame.role in ("fall", "lose")) or any(
                    x < b and a < y for x, y in self.ctx.datelines):
                continue
            unknown = self._place_the_gazetteer_lacks(a, b, s_start, s_end, frame)
            if unknown is not None:
                places.append(unknown)
        for a, b in frame.compassed:
            # "eastern Saraqeb" is part of a town (no event); "Eastern Ghouta" is the name the gazetteer knows
            places = [p for p in places if p.mention.start <= a or not (a <= p.mention.start <= b + 2)]
        for at, noun in frame.place_nouns:
            if noun.startswith("a "):
                named = self._named_next(noun[2:], sent)
                if named is not None:
                    places.append(_Place(named, None))
                continue
            if noun not in syntax.RESOLVABLE_NOUNS and noun != "it":
                places.extend(_Place(m, None) for m in self._listed_before(noun, at))  # "those villages"
                continue
            referent = self._antecedent(noun, at, back=1 if noun == "it" else 2)
            if referent is None and noun == "it" and self._last_place is not None \
                    and 0 <= sent - self._last_place[0] <= 1:
                # "Isis seized the city in May. In December Iraqi troops retook it.": no name in the sentence before,
                # but a change told there, of a place it named with a noun: "it" is that place
                referent = self._last_place[1]
            if referent is not None and not any(x <= referent.start and referent.end <= y for x, y in frame.excluded):
                places.append(_Place(referent, None))  # (not a place the frame itself found only located or partial)
        confidence = 0.85
        role = frame.role
        continues: tuple[int, int, int] | None = None  # the change told before that this one goes on telling
        if gained is None and role in ("passive", "expel_passive", "nominal", "fall", "lose", "hand"):
            # the parser may hang "by X"/"to X" on the place ("driven out of Hit by Iraqi troops", "the conquest of
            # Palmyra by IS")
            # (after the trigger too: "Palmyra was captured by Isis in May, ... and recaptured in March": the
            # subject's place comes before, and the first clause's agent is no agent of the last)
            after = max([frame.trigger_end, *(p.mention.end for p in places)])
            by = role in ("passive", "expel_passive", "nominal")
            # ("the fall of palmyra to is": a change noun of passing to someone names its gainer with "to")
            lead = r"by|to" if role == "nominal" and frame.lemma in _TO_GAINER_NOUNS else r"by" if by else r"to"
            gained = self._actor_after(after, s_end, lead)
        if gained is None and role in ("passive", "fall", "lose", "nominal"):
            # "after losing Raqqa last week in a campaign by Kurdish forces", "fell in an offensive led by the army":
            # the agent of the campaign the change came in
            after = max([frame.trigger_end, *(p.mention.end for p in places)])
            gained = self._actor_after(after, s_end, _CAMPAIGN_BY) or self._campaign_of(after, s_end)
        if gained is None and role in ("active", "expel"):
            # A verb with no subject of its own in view: the agent of the latest change told
            _, speaker = self._claim(frame.trigger_start, s_start, s_end)
            gained = speaker or self._discourse(frame.trigger_start)
            confidence -= 0.15
        elif gained is None and role in ("passive", "expel_passive", "nominal", "fall"):
            # An agentless passive or a bare noun names no gainer ("Mosul was freed last year", "the seizure of
            # Rityan"): a speaker for a side may claim it, or the change continues the one just told (its agent, in
            # this or the two sentences before); else the side is unknown
            _, gained = self._claim(frame.trigger_start, s_start, s_end)
            state = self._speaker_state(frame.trigger_start, s_start) if gained is None and places else None
            if state is not None and (there := self._in_country_of(state, places[0].mention)) is not None \
                    and there.side == Side.GOVERNMENT:
                # "Iraq announced that Tal Afar had been liberated": a state telling of a place of its own freed
                # speaks for its forces (a foreign state commenting on a fall took nothing)
                gained = state
            if gained is not None and lost is not None and gained.actor == lost.actor:
                gained = None  # ("the Ukrainian military acknowledged the loss of X": the speaker lost it)
            recent = self._discourse(frame.trigger_start)
            if gained is None and recent is not None and (lost is None or recent.side != lost.side):
                gained = recent  # (never the side the sentence says lost it: "Mosul was freed from Isis control")
                told = self.discourse  # (the change whose agent this is: its sentence and trigger)
                continues = (told[0], told[2], told[3]) if told is not None else None
            if gained is None and recent is None:
                # "Government troops advanced on several fronts. Morek and Kafr Zita were retaken": the side the
                # sentence before tells on the offensive
                attacker = self._attacker_before(sent)
                if attacker is not None and (lost is None or attacker.side != lost.side):
                    gained = attacker
                    confidence -= 0.1
            confidence -= 0.15
        if gained is None and role in ("nominal", "fall") and places:
            # "the fall of Yabrud, a key opposition bastion", "Mosul fell from government control": a change whose
            # loser the text names but not its gainer goes to the one other side the passage speaks of, if only one
            holder = places[0].holder
            loser = lost or (self.resolve(holder) if holder is not None else None)
            if loser is not None and loser.side != Side.UNKNOWN:
                gained = self._opponent(loser, sent, places[0].mention)
                confidence -= 0.1
        if lost is None and role == "withdraw":
            # "the rest withdrew": who withdrew, named before (the loser is known before its opponent is looked for)
            lost = self._remnant_of(frame.loser, s_start) or self._subject(frame.trigger_start, s_start)
        if gained is None and role == "withdraw" and lost is not None:
            where = places[0].mention if places else None
            # (not a party of a clause that describes a noun: "pulled out of Sinjar, the town they recaptured from IS")
            describing = [(a, b) for a, b in self._relative_clauses.get(sent, ()) if not a <= frame.trigger_start < b]
            if frame.loser is not None:
                # (nor a party coordinated with the one that withdrew: "the Syrian army and allied Palestinian
                # fighters, who were forced to withdraw from the camp": they withdrew together)
                describing += [(a.start, a.end) for a in self._actors_in(s_start, frame.loser[0])
                               if _ALLIED_BEFORE.fullmatch(self.text, a.end, frame.loser[0])]
            # (nor the withdrawer's own forces: "Russia said it had pulled its troops out of Lyman")
            describing += [(a.start, a.end) for a in self._actors_in(s_start, s_end)
                           if _OWN_FORCES_BEFORE.search(self.text, max(s_start, a.start - 8), a.start)]
            others = [r for r in self._other_sides(self._parties_in(s_start, s_end, outside=describing), lost, where)
                      if not _AIR_ARM.search(r.name)]
            gained = others[0] if len(self._sides_at(others, where)) == 1 else self._opponent(
                lost, sent, where, outside=describing)
            confidence -= 0.2
        if lost is None and gained is not None and role in ("active", "passive"):
            lost = self._loser_near(s_start, s_end, frame.trigger_end, gained)
        if lost is None and role in ("hand", "lose", "withdraw"):
            lost = self._subject(frame.trigger_start, s_start)
        if gained is not None and lost is not None and gained.actor == lost.actor:
            lost = None
        list_end = max([frame.trigger_end, *(p.mention.end for p in places)])
        frame_name = _FRAME_NAMES.get(role, role)
        # The tree's mood, and the lexical exclusions the patterns apply around a trigger (denials, "nearly")
        blocked = not frame.factual or self._blocked(frame_name, frame.trigger_start, s_start, s_end)
        # (no armed party read: "days after the capture of the city of Palmyra, activists said" names none)
        settled = role in ("passive", "active", "nominal", "changed") and gained is None \
            and self._settlement_taken(frame, places)
        return self._emit(
            places=places, gained=gained, lost=lost, confidence=confidence, start=frame.trigger_start,
            end=frame.trigger_end, list_end=list_end, sent=sent, frame=frame_name, blocked=blocked,
            # not passives: "Montoya was captured" is a person; but an active verb in a sentence that names no party
            # at all ("Days after seizing the desert city of Palmyra") took a place, by a doer the text leaves unsaid
            # (a passive of a verb only places take is a place's: "Mosul was liberated in July 2017")
            # ("when Raqqa was lost": a named place lost, to a gainer the clause leaves unsaid)
            unnamed=role in ("nominal", "fall", "ended", "changed") or (
                role == "lose" and frame.gainer is None and frame.loser is None) or (
                role == "passive" and (frame.lemma in _WAR_ONLY_LEMMAS or settled
                                       or frame.lemma in syntax.CONTROL_PASSIVE_VERBS)) or (
                role in ("active", "expel") and gained is None and lost is None
                and not self._actors_in(s_start, s_end)),
            # ("Daraa returned to government control": a named place passing into a party's control is war's)
            war_word=frame.lemma in _WAR_ONLY_LEMMAS or settled or (
                role == "fall" and (frame.lemma in syntax.PASS_UNDER_VERBS or frame.lemma == "restore")),
            continues=continues,
        )

    def _bridged(self, spans: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
        """The frame's place spans, two next to each other joined where one name the geoparser found runs across
        the space between them ("captured Tal Malah, Um Turayka and Kafr Nabuda": the parser may split the last name
        in two conjuncts)."""
        out: list[tuple[int, int]] = []
        for a, b in spans:
            if out and out[-1][1] <= a and not self.text[out[-1][1] : a].strip() and any(
                    m.start < out[-1][1] and m.end > a for m in self._mentions_in(out[-1][0], b)):
                out[-1] = (out[-1][0], b)
            else:
                out.append((a, b))
        return out

    def _settlement_taken(self, frame: syntax.Frame, places: list[_Place]) -> bool:
        """ "Days after the desert city of Palmyra was seized", "weeks after the ancient city was freed", "days after
        seizing the desert city of Palmyra", "days after the capture of the desert city of Palmyra": taking what a word
        for a settlement heads, by a taker the clause leaves unsaid, is a place's change (what a bare name was captured
        may be a person: "Montoya was captured")."""
        if frame.lemma not in _SETTLEMENT_TAKING_LEMMAS or not places or (
                frame.role == "nominal" and self.text[frame.trigger_start : frame.trigger_end].lower().endswith("ed")):
            return False  # (a participle as a modifier, "the recently captured town of X", is no change noun)
        # (a bare "the city" only as the passive's subject: "every time someone new took the city" is a habit)
        return (frame.role == "passive" and any(noun in _SETTLEMENT_NOUNS for _, noun in frame.place_nouns)) or any(
            _SETTLEMENT_OF_BEFORE.search(self.text, max(0, p.mention.start - 40), p.mention.start) for p in places)

    def _party_vouches(self, frame: syntax.Frame, gained: ActorRef | None, lost: ActorRef | None) -> bool:
        """Whether the frame says an armed party got its place from another or that the place fell to one."""
        if frame.role in ("fall", "lose"):
            # ("Zamzouna fell to the rebels", "Rebels have lost Zamzouna to government forces")
            return frame.gainer is not None and gained is not None
        if frame.role == "active" and frame.lemma in ("take", "took") and gained is not None \
                and gained.side not in (Side.UNKNOWN, None) \
                and not any(_CAPTIVE_AFTER.match(self.text, b) for _, b in frame.places):
            # ("the army and allied militias took Hulwaniyah on Monday": an armed party takes places, or people
            # hostage or prisoner)
            return True
        if frame.role == "nominal" and frame.lemma in syntax.AGENT_CHANGE_NOUNS and frame.gainer is not None \
                and gained is not None and gained.side not in (Side.UNKNOWN, None):
            # ("The Syrian Armed Forces' recent capture of Shalaf", "the capture of X by Kurdish forces": what a party
            # of a known side captured, seized or liberated, told as a noun, is a place; not a person, whose name
            # holds a given name: "the army's capture of Abu Omar")
            return not any(w.lower() in GIVEN_NAMES
                           for a, b in frame.places for w in _NAME_WORD.findall(self.text, a, b))
        if frame.role not in ("active", "nominal") or frame.loser is None or lost is None:
            return False  # ("the liberation of X from regime forces" as well)
        return _FROM_BEFORE.search(self.text, max(0, frame.loser[0] - 40), frame.loser[0]) is not None

    def _listed_names(self, a: int, b: int) -> list[tuple[int, int]]:
        """The names of a span the parse took as one that is a list ("Shayr Al-Nimr, Majbal Abu ‘Ali, and Naourah",
        the parser thrown by the quote-like ayn): each item written as a name, not a description after a comma
        ("Qurtuba, the capital of al-Jawf province")."""
        pieces, start = [], a
        for sep in _LIST_SEPARATOR.finditer(self.text, a, b):
            pieces.append((start, sep.start()))
            start = sep.end()
        pieces.append((start, b))
        if len(pieces) < 2 or self.text.find(",", a, b) < 0 or not all(self._name_shaped(*p) for p in pieces):
            return [(a, b)]
        return pieces

    def _name_shaped(self, a: int, b: int, *, given: bool = False) -> bool:
        """A span written as a proper name: capitalised words (particles between) in cased text, words no English
        word spells in lower-cased text; no given name first ("captured Omar Hassan from IS" is a person), unless
        ``given``: the frame takes no person."""
        words = _NAME_WORD.findall(self.text, a, b)
        if not words or (words[0].lower() in GIVEN_NAMES and not given) or self.text[a - 1 : a] in ("-", "'", "’"):
            return False  # (nor the end of a longer name: "jaysh al-fustat")
        if all(w.lower() in syntax.TIME_WORDS for w in words):
            return False  # "a rail hub that Russia took in May": a month or a day names no place
        if self._lowercased:
            english = english_words()
            before = _ANY_WORD_BEFORE.search(self.text, max(0, a - 30), a)
            if before is not None and (before.group(1) in _NAME_PARTICLES - {"of", "the", "and"}
                                       or before.group(1) not in english):
                return False
            return all(w in _NAME_PARTICLES or w not in english for w in words)
        # ("al-Eis": an Arabic article written in lower case opens a name, as _NAME_START has it)
        return (words[0][0].isupper() or re.match(_NAME_START, self.text[a:b]) is not None) \
            and all(w[0].isupper() or w.lower() in _NAME_PARTICLES for w in words)

    def _place_the_gazetteer_lacks(
        self, a: int, b: int, s_start: int, s_end: int, frame: syntax.Frame,
        spared: Callable[[Mention], bool] = lambda m: False,
    ) -> _Place | None:
        """A name a frame vouches for as a place, kept unresolved with its holder, unless a mention the geoparser found
        lies on or near it (but one ``spared``), an actor is named there, or the frame excludes it."""
        if any(m.start < b and a < m.end and not spared(m) for m in self._mentions_in(max(0, a - 80), b + 80)) \
                or self._actors_in(a, b) or any(x <= a and b <= y for x, y in frame.excluded):
            return None
        unknown = self._unlisted_place(a, b, s_start, s_end)
        return _Place(unknown, self._holder_in(max(s_start, a - 40), b)) if unknown is not None else None

    def _unlisted_place(self, a: int, b: int, s_start: int, s_end: int) -> Mention | None:
        """A Mention for a named place no gazetteer entry matched, with the region of the nearest resolved place
        of its sentence (or the article's main one), so a map can still place it coarsely."""
        text = self.text[a:b]
        lead = re.match(r"(?:the|a|an)\s+", text, re.IGNORECASE)
        if lead:
            a, text = a + lead.end(), text[lead.end() :]
        while not self._lowercased and (word := _DESCRIBING_WORD.match(text)) and re.match(
                _NAME_START, text[word.end() :]):
            a, text = a + word.end(), text[word.end() :]  # ("neighbouring Rasha Hill": a word before the name)
        # "the fall of avdiivka, a heavily fortified town just north of ...": a name ends at a comma; what follows
        # describes it (the parser may hang that on the name)
        text = text.split(",", 1)[0].rstrip(" .;:\"'”’")
        if not text or not text[0].isalnum() or len(text) > 60:
            return None
        low = text.lower()
        if " " not in low and low.endswith("s") and low in english_words() and low[:-1] in english_words():
            return None  # a plural common noun capitalised in a headline ("Syrian Army Takes Control of Areas in Hama")
        described = low.split()
        if len(described) == 2 and described[0] in DEMONYMS and described[1] in syntax.PLACE_NOUNS:
            return None  # "Sinjar, the Yazidi town they recaptured": a people's word before a place noun names no place
        b = a + len(text)
        near = [m for m in self._mentions_in(s_start, s_end) if m.place is not None and not _is_country(m)]
        if (home := self.ctx.places_country) is not None:
            # (not a place abroad the sentence names, nor a name read as one: "south of the mallah farms" lower-cased
            # is no town in the Maldives)
            near = [m for m in near if m.place is not None and m.place.country_code == home]
        near.sort(key=lambda m: abs(m.start - a))
        region = None
        if near:
            region = near[0].region or near[0].place
        return Mention(text, a, b, None, 0.3, region=region, resolved_by="event_object")

    def _list_cuts(self, a: int, b: int) -> list[int]:
        """Where a run of capitalised words in a text without commas is a list of names ("the villages of Zamzouna
        Qartouba Mahrouna and Tal Dahab"): before each word that neither continues a name (an article, "Saghira")
        nor follows a word that opens one (a generic, "Abu"), where no name the geoparser found spans the gap."""
        words = list(_CAPITALISED_WORD.finditer(self.text, a, b))
        cuts = []
        for prev, w in pairwise(words):
            p, x = prev.group().lower(), w.group().lower()
            if self.text[prev.end() : w.start()] == " and ":
                cuts.append(w.start())  # ("Mahrouna and Tal Dahab": the list's last name)
                continue
            article = _ARTICLED.match(p)
            bare = p[article.end() :] if article else p  # ("al-Bu Khater": "Bu" opens it)
            if self.text[prev.end() : w.start()] != " " or bare in _NAME_OPENERS or p in _NAME_PARTICLES \
                    or x in _NAME_SECOND_WORDS or x in syntax.FACILITY_WORDS or x in syntax.PLACE_NOUNS:
                continue
            if _ARTICLED.match(x) and not article:
                continue  # "Ruweiset al-Jaoureh": the article opens the name's second word
            if any(m.place is not None and m.start < w.start() < m.end for m in self._mentions_in(max(0, a - 80), b)):
                continue  # "Hajar al-Aswad": a name the gazetteer knows
            cuts.append(w.start())
        return cuts

    def _names_without_commas(self, a: int, b: int, listed: bool = False) -> list[tuple[int, int]]:
        """A marked place phrase split where an Arabic generic opens a new name in cased text ("Beit Khadour Beit
        Zaifa Tel alKhadar": three villages of a list that lost its commas); the phrase whole where none does."""
        if self._lowercased:
            # (lower-cased, at a generic word after a word that is no particle: "beit khadour beit zaifa tel alkhadar")
            words = list(_WORD_PART.finditer(self.text, a, b))
            cuts = [w.start() for prev, w in pairwise(words) if w.group() in NAME_START_GENERICS
                    and prev.group() not in _NAME_PARTICLES and prev.group() not in NAME_START_GENERICS
                    and self.text[prev.end() : w.start()] == " "]
        else:
            cuts = []
            for m in _GENERIC_OPENING.finditer(self.text, a + 1, b):
                before = _WORD_BEFORE.search(self.text, max(a, m.start() - 30), m.start())
                if (before is not None and before.group(1).lower() not in _NAME_PARTICLES) \
                        or self.text.endswith(" and ", a, m.start()):  # ("Umm Sahrij and Kharbet Tarmana")
                    cuts.append(m.start())
            if self._commaless and listed:
                cuts.extend(self._list_cuts(a, b))
        bounds = [a, *sorted(set(cuts)), b]
        pieces = [(x, x + len(_LIST_AND_END.sub("", self.text[x:y]).rstrip(" -")))
                  for x, y in pairwise(bounds) if y > x]
        if self._lowercased:
            # ("the strategic tal al-eis", "the adjacent tal brak": lower-cased, the adjective before the generic is
            # cut off as a piece of its own, and English words alone name nothing)
            english = english_words()
            pieces = [(x, y) for x, y in pieces
                      if not all(w.group() in english for w in _WORD_PART.finditer(self.text, x, y))] or pieces[-1:]
        return pieces

    def _common_group(self, span: tuple[int, int] | None) -> ActorMatch | None:
        """The registry's common noun for a non-state group ("the militants") a frame's phrase is, if it is one."""
        if span is None:
            return None
        found = self._actors_in(*span)
        return found[0] if len(found) == 1 and found[0].kind == "nonstate" else None

    def _frame_actor(self, span: tuple[int, int] | None, s_start: int) -> ActorRef | None:
        """The actor a frame's phrase names: a registry actor inside it, a pronoun's antecedent, or an armed party
        the registry does not know (side ``unknown``, its own words kept)."""
        if span is None:
            return None
        a, b = span
        if a < self._dateline_end < b:  # "TRIPOLI, Libya — Forces allied with ...": the dateline is no party's name
            a = self._dateline_end
        phrase = self.text[a:b].strip()
        lead = _LINE_LEAD.match(phrase)
        if lead and lead.end() < len(phrase):  # "1944 - Allied forces capture Rome": the chronicle's year is no name
            a, phrase = a + lead.end(), phrase[lead.end() :]
        words = phrase.lower().split()
        if not words:
            return None
        if words in (["state"], ["the", "state"]) and not self._actors_in(a, b):
            # "Daraa returned to state control", "the state retook it": the state acts through its own forces
            forces = self.ctx.registry.state_forces(self.ctx.country)
            return ActorRef(phrase, forces.id, forces.side) if forces is not None else ActorRef(
                phrase, "state_forces", Side.GOVERNMENT)
        if _FIRST_PERSON_FORCES.fullmatch(phrase) and not any(x.kind == "actor" for x in self._actors_in(a, b)):
            # the first person of a quoted statement is the speaker's side
            first_person = self._first_person_side(phrase, a)
            if first_person is not None:
                return first_person
        if (words[0] == "whose" or _WHOSE_BEFORE.search(self.text, max(s_start, a - 8), a)) \
                and not any(x.kind == "actor" for x in self._actors_in(a, b)):
            # "Turkey, whose troops captured Afrin in March": the troops of the party the relative clause describes
            owner = [x for x in self._actors_in(s_start, a) if _WHOSE_AFTER.match(self.text, x.end)]
            state = self._last_state(s_start, a)
            if state is not None and _WHOSE_AFTER.match(self.text, state[0].end) and (
                    not owner or owner[-1].end < state[0].end):
                return ActorRef(state[0].text, f"country:{state[1]}", Side.OTHER)  # (as "its forces" are a state's)
            if owner:
                return self.resolve(owner[-1])
        if words[0] in ("his", "her") and not any(x.kind == "actor" for x in self._actors_in(a, b)) \
                and (leader := self._leader_before(a, s_start)) is not None:
            # "Haftar's setbacks ... His forces took Derna": the forces of the leader named before
            return ActorRef(phrase, leader.id, leader.side_in(self.ctx.country))
        if words[0] in ("its", "their", "his", "her") and not any(x.kind == "actor" for x in self._actors_in(a, b)):
            # "its assault troops", "their forces", "his forces" (a commander's): whose they are, not which generic
            # word follows ("their Kurdish allies" names its own)
            return self._pronoun(a, s_start) or self._state_before(a, s_start) or self._previous_opening_state(
                s_start) or self._frame_actor_inside(a, b)
        # "Haftar's militias", "Putin's army", "Hemedti's fighters": the forces of the one whose they are, as the
        # registry names them with "forces" (before the generic word inside: "army" is not the place's state's)
        held = _LEADERS_FORCES.fullmatch(phrase)
        owner = held or (_LEADERS_FORCES_LOWERED.fullmatch(phrase) if self._lowercased else None)
        against = _NONSTATE_FORCES.search(phrase)  # "Myanmar's resistance forces", "Syria's rebel forces": not its army

        def the_states(d: ActorDef) -> bool:
            """A state's own forces where the phrase says they fight it ("Burmese resistance fighters") or are
            irregulars, who are no state's forces ("Palestinian guerrillas seized Irbid", in Jordan)."""
            if against is None and _REBEL_WORD.search(phrase) is None:
                return False
            return d.side_in(self.ctx.country) == Side.GOVERNMENT or d.id in self.ctx.registry.states_forces

        if owner is not None and not against \
                and (d := self._actor_named(f"{owner.group('who')}'s forces".lower())) is not None:
            # (lower-cased, only a possessor the registry names so: "moscow's troops", "haftar's militias")
            return ActorRef(phrase, d.id, d.side_in(self.ctx.country))
        if held is not None and not against:
            # "Russia's army seized Krasnohorivka", "Syria's troops": the forces of the state named as their owner (not
            # "the army" of the place's country, which the generic word alone would be; not "Myanmar's resistance
            # forces", which fight that state)
            code = next((c for m in self._mentions_in(a, b) if (c := _state_code(m))), None)
            if code:
                return self._state_forces(phrase, code)
        head = next((w.strip("'’,") for w in reversed(words) if w.strip("'’,") in _ARMED_NOUNS), None)
        if head is not None and all(x.kind == "nonstate" for x in self._actors_in(a, b)):
            # "Kurdish units", "Kurdish-led militias", "Kurdish gunmen": a party's word before a word for fighters
            # is that party, as the registry names it with that word or with "forces" (before the common noun
            # alone, "gunmen", which may be anyone's)
            for w in words[: words.index(head) if head in words else -1]:
                d = self._actor_named(f"{w} {head}") or self._actor_named(f"{w} forces")
                if d is not None and not the_states(d):
                    return ActorRef(phrase, d.id, d.side_in(self.ctx.country))
        backed = _BACKED_GROUP.fullmatch(phrase)
        if backed is not None and _DEFINITE_GROUP.fullmatch("the " + backed.group("group")):
            # ("The Houthis ... The Iran-aligned movement took Sanaa": the salient group, as "the movement" is)
            salient = self._salient_party(a)
            if salient is not None and salient.side in _GROUP_SIDES:
                return ActorRef(phrase, salient.actor, salient.side)
        inside = self._frame_actor_inside(a, b)
        if inside is not None:
            if head is not None and _POLITICAL_NAME.fullmatch(inside.name.strip()):
                # "government loyalists", "government units": the state's fighters, not its politicians
                return ActorRef(phrase, inside.actor, inside.side)
            return inside
        if len(words) == 1 and (d := self._actor_named(f"{words[0]} forces")) is not None:
            # "the Turkish seizure of Afrin", "the Kurdish capture of Tal Abyad": a demonym or a party's word as the
            # change's agent is that side's forces
            return ActorRef(phrase, d.id, d.side_in(self.ctx.country))
        if words[-1] in syntax.ACTOR_PRONOUNS:
            return self._pronoun(a, s_start)  # "they": the salient actor before
        if _DEFINITE_GROUP.fullmatch(phrase):
            # "The SDF has fought Isis for years. The alliance captured Raqqa": a definite description takes the
            # salient group, as "they" does (the agent of the change just told, else the previous sentence's
            # subject), when that is a non-state side
            salient = self._salient_party(a)
            if salient is not None and salient.side in _GROUP_SIDES:
                return ActorRef(phrase, salient.actor, salient.side)
        if head is not None:
            # "Kurdish and Sunni Arab forces": each modifier with the head noun, as the registry would name it
            for w in words:
                hits = [x for x in self.ctx.registry.find(f"{w} {head}") if x.kind == "actor" and x.actor_id]
                if hits:
                    d = self.ctx.registry.actors[hits[0].actor_id or ""]
                    if the_states(d):
                        continue
                    return ActorRef(phrase, d.id, d.side_in(self.ctx.country))
        state = self._state_named(a, b, words) if not against else None
        if state is not None:
            return ActorRef(phrase, f"country:{state}", Side.OTHER)
        if any(w.strip("'’,") in _ARMED_NOUNS for w in words):
            return ActorRef(phrase, "unidentified_armed_group", Side.UNKNOWN)
        if len(words[-1]) > 3 and words[-1].endswith("s") and b - a == len(phrase):
            # "the regimes recapture of Aleppo": a possessor in a copy that lost its apostrophes (the grammar says
            # the word is the change's agent, so "regimes" is no plural here)
            hits = [x for x in self.ctx.registry.find(phrase[:-1]) if x.kind in ("actor", "state")]
            if hits and hits[-1].end == len(phrase) - 1:
                x = hits[-1]
                return self.resolve(ActorMatch(a + x.start, a + x.end, x.surface, x.kind, x.actor_id))
        return None

    def _state_before(self, pos: int, sent_start: int) -> ActorRef | None:
        """The state whose forces "its forces" are, named in the sentence before them by its name or its capital,
        where neither a party nor a speaker binds the pronoun (``_pronoun``, ``_speaker_state``)."""
        named = self._last_state(sent_start, pos)
        return ActorRef(named[0].text, f"country:{named[1]}", Side.OTHER) if named is not None else None

    def _leader_before(self, pos: int, sent_start: int) -> ActorDef | None:
        """The forces of the latest leader named in this or the sentence before ``pos`` whose forces the registry
        knows by his name ("Haftar", "Hemedti", "Assad"): what "his forces" are."""
        idx = self._sentence_index(sent_start)
        lo = max(self.ctx.sentences[max(0, idx - 1)][0], pos - 2 * REACH)
        for m in reversed(list(_CAPITALISED_WORD.finditer(self.text, lo, pos))):
            name = re.sub(r"['’]s?$", "", m.group()).lower()
            if (d := self._actor_named(f"{name}'s forces")) is not None:
                return d
        return None

    def _last_state(self, start: int, end: int) -> tuple[Mention, str] | None:
        """The last mention in ``[start, end)`` that names a state by its name or its capital, with its code."""
        for m in reversed(self._mentions_in(start, end)):
            if code := _state_code(m):
                return m, code
        return None

    def _parties_in(self, start: int, end: int, *, rulers: bool = True,
                    outside: Sequence[tuple[int, int]] = ()) -> list[ActorRef]:
        """The actors in ``[start, end)`` that can take or lose a place: not a holder ("rebel-held", "territory held
        by the group"), not a voice; and the speaker's side where the speaker says "our forces" or "we". ``rulers``
        False: nor a party whose rule the text names ("two years of Isis rule"); none inside the spans ``outside``."""
        named = [
            self.resolve(a)
            for a in self._actors_in(start, end)
            if not a.holder and a.kind not in ("voice", "state_voice")
            and not any(x <= a.start and a.end <= y for x, y in outside)
            and not _HELD_BY_BEFORE.search(self.text, max(0, a.start - 30), a.start)
            and (rulers or not _RULE_AFTER.match(self.text, a.end))
        ]
        first = _FIRST_PERSON_FORCES.search(self.text, start, end)
        speaker = self._first_person_side(first.group(), first.start()) if first is not None else None
        return [*named, speaker] if speaker is not None else named

    def _actor_named(self, name: str) -> ActorDef | None:
        """The registry's actor called ``name`` as a whole ("Tigrayan forces", "haftar's forces"), if any."""
        for x in self.ctx.registry.find(name):
            if x.kind == "actor" and x.actor_id and x.start == 0 and x.end == len(name):
                return self.ctx.registry.actors[x.actor_id]
        return None

    def _frame_actor_inside(self, a: int, b: int) -> ActorRef | None:
        """The first actor the phrase holds or is part of (the parser may hand over only the last word of a
        multi-word name: "Islam" of "Jaish al-Islam")."""
        inside = [x for x in self._actors_in(max(0, a - 60), b) if not x.holder and x.start < b and a < x.end]
        if not inside:
            # the phrase is the holder itself, as the grammar gives it a role: "Manbij was held by Isis until 2016";
            # or, lower-cased, what read as a holder whose hyphen was lost is the subject of that very verb ("isis
            # occupied mosul in 2014": the parse makes it the subject, no capital tells the name after it)
            inside = [x for x in self._actors_in(a, b) if x.holder and (_HELD_BY_BEFORE.search(
                self.text, max(0, x.start - 20), x.start) or _HOLDING_VERB_AFTER.match(self.text, x.end))]
        return self.resolve(inside[0]) if inside else None

    def _state_named(self, a: int, b: int, words: list[str]) -> str | None:
        """The state an actor phrase names by its country or capital ("Eritrea captured Badme", "Ankara
        established control"), or by a demonym with a word for its forces or rule ("Turkish-led forces", "the
        French", "Jordanian rule"): its ISO code."""
        for m in self._mentions_in(a, b):
            if (code := _state_code(m)) is not None:
                return code
        # "Turkish-led forces", "Jordanian rule", and the campaign standing for its forces ("a Turkish offensive has
        # taken Afrin")
        forces = any(w.strip("'’,") in _ARMED_NOUNS or w in _FORCE_METONYMS for w in words)
        for w in words:
            for part in w.split("-"):
                code = DEMONYM_COUNTRIES.get(part.strip("'’,"))
                if code and (forces or (len(words) == 2 and words[0] == "the")):
                    return code
        return None

    def _candidate_sentences(self, hints: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Windows around words that start like a trigger (``hints``), clipped to their sentence: the trigger
        regexes run on these only, which keeps extraction cheap on long articles (most sentences hold none)."""
        starts = [s for s, _ in self.ctx.sentences]
        windows: list[tuple[int, int]] = []
        for h_start, h_end in hints:
            i = bisect_right(starts, h_start) - 1
            if i < 0:
                continue
            s_start, s_end = self.ctx.sentences[i]
            lo, hi = max(s_start, h_start - 70), min(s_end, h_end + 90)
            if windows and windows[-1][1] >= lo and windows[-1][0] >= s_start:
                windows[-1] = (windows[-1][0], max(windows[-1][1], hi))
            else:
                windows.append((lo, hi))
        return windows

    def _handle(self, spec: TriggerSpec, m: re.Match[str]) -> list[ControlChange]:
        sent = self._sentence_index(m.start())
        s_start, s_end = self._clip(sent, m.start())
        groups = m.re.groupindex
        verb = (m.group("verb") if "verb" in groups else None) or (m.group("hverb") if "hverb" in groups else None)
        verb = verb or m.group()
        frame = spec.frame
        if frame == "active":
            if CONTROL_ONLY.match(verb) and not m.group("control") and m.group("part") != "back":
                return []
            if m.group("ctl") and m.group("ctl").strip().lower() in ("partial", "nominal"):
                return []
            if m.group("control") and self._ci(_BALLOT).search(self.ci_text, m.end(), s_end):
                return []  # "Hamas won control of Gaza in the 2006 election": a civil contest (the parse's _CIVIL)
        blocked = self._blocked(spec.frame, m.start(), s_start, s_end)
        places: list[_Place] = []
        list_end = m.end()
        gained: ActorRef | None = None
        lost: ActorRef | None = None
        confidence = 0.85

        if frame == "active":
            weak = bool(WEAK.match(verb)) and not m.group("control") and not m.group("part")
            places, list_end = self._places_after(m.end(), s_end, weak=weak)
            if not places and not weak and not _PLACE_NEXT.match(self.text, m.end()):
                places = self._object_relative(m.start(), s_start)
            helped = (
                [a for a in self._actors_in(m.start("ben"), m.end("ben")) if not a.holder] if m.group("ben") else []
            )
            gained = self.resolve(helped[0]) if helped else self._subject(m.start(), s_start)
            if m.group("ben") and not helped:
                gained = None  # "helped them retake": whoever "them" is, not the helper
            if gained is None and (verb.lower().endswith("ing") or _HAVING.search(self.text, s_start, m.start())):
                gained = self._participle_subject(m.start(), s_start, s_end)
            if gained is None:
                gained = self._discourse(m.start())
                confidence -= 0.15
            lost = self._actor_after(list_end, s_end, r"from") or self._loser_near(s_start, s_end, list_end, gained)
        elif frame in ("passive", "fell"):
            places = self._places_before(m.start(), s_start) or self._relative_antecedent(m.start(), s_start)
            if not places and frame == "passive" and m.group().startswith("IS "):
                active = _ACTIVE.regex.match(self.text, m.start("verb"))  # "IS seized X": Islamic State
                if active is not None:
                    return self._handle(_ACTIVE, active)
            cleared_of = self._actors_in(m.end(), min(s_end, m.end() + 50)) if verb.lower() == "cleared" else []
            if verb.lower() == "cleared" and not (
                cleared_of and re.match(r"\s+of\s+(?:the\s+)?$", self.text[m.end() : cleared_of[0].start])
            ):
                places = []  # "the road was cleared of mines": only an armed group cleared out is a change
            if frame == "fell" or re.search(r"\b(?:to|of)$", verb, re.IGNORECASE):
                gained = self._actor_by_position(m.end(), s_end, max_gap=30)
            else:
                gained = self._actor_after(m.end(), s_end, r"by")
            if gained is None:
                _, speaker = self._claim(m.start(), s_start, s_end)
                gained = speaker
                confidence -= 0.1
            if gained is None:
                gained = self._discourse(m.start())
                confidence -= 0.1
            lost = self.resolve(cleared_of[0]) if cleared_of else self._loser_near(s_start, s_end, m.end(), gained)
        elif frame in ("lost", "withdrew", "handed", "surrendered"):
            if frame == "withdrew" and m.group("intr"):
                places, list_end = self._withdrawn_from(m.start(), s_start), m.end()
            elif frame == "withdrew":
                places, list_end = self._places_after(m.end(), s_end, weak=False)
            else:
                places, list_end = self._places_after(m.end(), s_end, weak=False)
                if frame in ("handed", "surrendered") and not re.match(
                    r"\s*(?:over\s+)?to\b", self.text[list_end : list_end + 12], re.IGNORECASE
                ):
                    places = []
            lost = self._subject(m.start(), s_start)
            gained = self._actor_after(list_end, s_end, r"to|by")
            if gained is None and frame == "withdrew":
                where = places[0].mention if places else None
                others = self._parties_in(s_start, s_end)
                others = self._other_sides(others, lost, where) if lost is not None else others
                gained = others[0] if len(self._sides_at(others, where)) == 1 else None
                if gained is None and not others and lost is not None:
                    gained = self._opponent(lost, sent, where)
                confidence -= 0.2
        elif frame in ("expel", "expel_passive", "cleared"):
            if frame == "expel":
                mid = self.text[m.start("mid") : m.end("mid")]
                if not self._actors_in(m.start("mid"), m.end("mid")) or re.search(r"[,.;]", mid):
                    return self._note_agent(m, s_start, [])
                places, list_end = self._places_after(m.end(), s_end, weak=False)
                gained = self._subject(m.start(), s_start) or self._discourse(m.start())
                lost = self.resolve(self._actors_in(m.start("mid"), m.end("mid"))[0])
            elif frame == "expel_passive":
                places, list_end = self._places_after(m.end(), s_end, weak=False)
                subj = self._actors_in(s_start, m.start())
                lost = self.resolve(subj[-1]) if subj else None
                gained = self._actor_after(list_end, s_end, r"by") or self._discourse(m.start())
            else:
                places, list_end = self._places_after(m.end(), s_end, weak=False)
                of = re.match(r"\s+of\s+(?:the\s+)?", self.text[list_end : list_end + 12], re.IGNORECASE)
                of_actor = self._actors_in(list_end, list_end + 50) if of else []
                if not of_actor:
                    places = []
                else:
                    lost = self.resolve(of_actor[0])
                gained = self._subject(m.start(), s_start)
        elif frame == "nominal":
            noun = verb.split()[0].lower()
            places, list_end = self._places_after(m.end(), s_end, weak=False, verb=False)
            if _HYPOTHETICAL_AFTER.match(self.text, list_end):
                places = []  # "the capture of Aleppo would be a blow": not reported as having happened
            # (a party after "to" took a place that fell or was lost to it, not one captured: "the capture of
            # Fallujah was a blow to Isis")
            by = self._actor_after(list_end, s_end, r"by|to" if noun in _TO_GAINER_NOUNS else r"by")
            poss = self._actors_in(max(s_start, m.start() - 40), m.start())
            poss_ref = self.resolve(poss[-1]) if poss and not poss[-1].holder else None
            if noun == "loss":
                lost, gained = poss_ref, by
            elif noun == "fall":
                # a fall names its taker only after "to" ("the fall of Mosul to Isis"): a party elsewhere in the
                # sentence is as often the one that lost it ("After the fall of Raqqa, the group retreated")
                gained = by or self._discourse(m.start())
            else:
                gained = by or poss_ref
                if gained is None:
                    # (not a party whose rule the sentence tells of: "the capture of X ended two years of Isis rule")
                    others = self._parties_in(s_start, m.start(), rulers=False)
                    gained = others[0] if others else self._discourse(m.start())
            confidence -= 0.15
        elif frame == "adjectival":
            places, list_end = self._places_after(m.end(), s_end, weak=False, verb=False)
            gained = self._discourse(m.start()) or self._subject(m.start(), s_start)
            confidence -= 0.15
        elif frame == "declared":
            places, list_end = self._places_after(m.end("verb"), m.start("done"), weak=False, verb=False)
            if self.text[list_end : m.start("done")].strip():
                return []  # "declared Idlib a de-escalation zone ... captured": the places are not what was taken
            # Who declares is often an actor ``_subject`` passes over, a voice most of all ("the Iraqi prime
            # minister declared X liberated"): then the nearest actor before the verb, a voice standing for the
            # forces it speaks for.
            declarer = next((a for a in reversed(self._actors_in(s_start, m.start())) if not a.holder), None)
            gained = self._subject(m.start(), s_start) or (self.resolve(declarer) if declarer else None) \
                or self._discourse(m.start())
            lost = self._actor_after(m.end(), s_end, r"from|of") or self._loser_near(s_start, s_end, m.end(), gained)

        return self._emit(
            places=places, gained=gained, lost=lost, confidence=confidence, start=m.start(), end=m.end(),
            list_end=list_end, sent=sent, frame=frame, blocked=blocked,
            intransitive=frame == "withdrew" and bool(m.group("intr")),
        )

    def _emit(
        self, *, places: list[_Place], gained: ActorRef | None, lost: ActorRef | None, confidence: float,
        start: int, end: int, list_end: int, sent: int, frame: str, blocked: bool, intransitive: bool = False,
        unnamed: bool = False, war_word: bool = False, continues: tuple[int, int, int] | None = None,
    ) -> list[ControlChange]:
        """The events of one trigger whose roles are read: sides adjusted, non-war and unarmed changes dropped,
        claim and date attached. Shared by the pattern frames and the dependency frames."""
        s_start, s_end = self._clip(sent, start)
        if (
            gained is not None
            and gained.side == Side.OPPOSITION
            and (self._turkish_backing(gained, s_start, s_end) or self._turkey_in_clause(start, s_start))
        ):
            sna = self.ctx.registry.actors.get("syrian_national_army")
            gained = ActorRef(gained.name, sna.id if sna else gained.actor, Side.TURKEY)
        if intransitive and (gained is None or lost is None):
            return []  # "X withdrew" with no object: only where both sides are clear
        if gained is not None and frame not in ("lost", "withdrew", "handed", "surrendered"):
            self.discourse = (sent, gained, start, list_end)
        places = [p for p in places if not _of_no_country(p.mention)]  # (the patterns' places too)
        if blocked or not places:
            return []
        if self._ci(_CIVIL).search(self.ci_text, s_start, s_end) and (
            gained is None or gained.actor in _POLICE_LIKE or _POLICE_NAME.search(gained.name)
        ):
            return []  # "security forces took control of the square after protesters withdrew": not war
        if not self._armed(gained, lost, places[0].holder, sent, unnamed=unnamed, war_word=war_word):
            return []  # no armed party and no war around it: a title, a company, an election
        if gained is None:
            confidence -= 0.3
        if lost is None and places[0].holder is not None:
            holder = self.resolve(places[0].holder)
            lost = holder if gained is None or holder.side != gained.side else None
        if gained is not None and lost is not None and gained.actor == lost.actor:
            lost = None
        claimed, _ = self._claim(start, s_start, s_end)
        date = self._date(start, list_end, places, sent)
        if continues is not None and (date is None or not date.from_text) and continues[0] < sent:
            # "IS fighters seized a town in central Syria on Thursday. Al-Qaryatayn ... fell after days of fighting":
            # a change that goes on telling the one before (its taker is that one's) has that one's date
            told = self._date(continues[1], continues[2], [], continues[0])
            if told is not None and told.from_text:
                date = replace(told, borrowed=True)
        # (only where the taker was not read from the clause's own subject: "Government forces took Palmyra on 7
        # March and recaptured it on 13 March" tells a loss in between)
        own_dates = self._item_dates(places, s_end)
        reversal = frame != "active" and bool(_REVERSAL.search(self.text, start, end))
        self._last_place = (sent, places[-1].mention)
        for p in places:
            if p.mention.place is None and not any(
                    (m.start, m.end) == (p.mention.start, p.mention.end)
                    for m in self._mentions_in(p.mention.start, p.mention.end)):
                at = bisect_left(self._told_unknown, p.mention.start, key=_START)
                if p.mention not in self._told_unknown[at : at + 2]:
                    self._told_unknown.insert(at, p.mention)
        out = []
        for p in places:
            if p.mention.is_dateline:
                continue
            key = _place_key(p.mention)
            taker, loser = gained, lost
            last = self._taken_by.get(key)
            if reversal and taker is not None and last is not None \
                    and self._side_at(last, p.mention) == self._side_at(taker, p.mention):
                # "Mosul, which Isis seized in 2014, was declared liberated in 2017": a place is liberated or
                # retaken from the side that took it last, so that side lost it and is not who took it back
                taker, loser = None, loser or last
            self._taken_by[key] = taker
            out.append(
                ControlChange(
                    place=p.mention,
                    gained_by=self._in_country_of(taker, p.mention),
                    lost_by=self._in_country_of(loser, p.mention),
                    claimed_by=claimed,
                    date=own_dates.get(id(p), date),
                    geo_precision=_geo_precision(p.mention),
                    evidence_text=self.text[s_start:s_end],
                    evidence_start=s_start,
                    evidence_end=s_end,
                    confidence=max(0.05, min(0.99, confidence)),
                    trigger=self.text[start:end],
                )
            )
        return out

    def _side_at(self, ref: ActorRef, place: Mention) -> Side:
        """``ref``'s side where ``place`` is (two states' forces are both "other" in the article's country, but not
        in their own: "Kherson, which Russia seized, was recaptured by Ukraine")."""
        at = self._in_country_of(ref, place)
        return at.side if at is not None else ref.side

    def _in_country_of(self, ref: ActorRef | None, place: Mention) -> ActorRef | None:
        """``ref``'s side where ``place`` is: sides are "in the place's country" (Russian forces are government in
        Syria, other in Ukraine). Actors whose side does not depend on the country keep the article's reading."""
        code = place.place.country_code if place.place is not None else ""
        if ref is not None and not code and ref.actor.startswith("country:") and self.ctx.country:
            code = self.ctx.country  # a place no gazetteer entry places is taken to be in the article's country
        if ref is not None and not code and ref.actor == "state_forces":
            return ActorRef(ref.name, ref.actor, Side.GOVERNMENT)  # "the army", wherever the place is: its state's
        if ref is not None and not code and ref.actor == self._article_forces:
            # the article's own army taking a place no gazetteer entry places: the place is taken to be in the
            # article's country, and the army has its side there
            forces = self.ctx.registry.actors[ref.actor]
            return ActorRef(ref.name, ref.actor, forces.side_in(self.ctx.country or ""))
        if ref is None or not code:
            return ref
        reg = self.ctx.registry
        if ref.actor.startswith("country:"):
            # A state named as the actor: the place's own state is the government there; Turkey is its own side
            # everywhere (the eval README); any other state abroad is "other".
            state = ref.actor.removeprefix("country:")
            side = Side.TURKEY if state == "TR" else Side.GOVERNMENT if state == code else Side.OTHER
            if side == Side.OTHER and (forces := _forces_of_state(reg, state)) is not None:
                # ("Russia retook Palmyra": the state fights through its forces, which the README puts on the
                # government's side in Syria, as "Russian forces" are)
                side = forces.side_in(code)
            return ActorRef(ref.name, ref.actor, side)
        if ref.actor == "state_forces":  # "the army" in an article with no country of its own: the place's state
            forces = reg.state_forces(code)
            return ActorRef(ref.name, forces.id, forces.side) if forces is not None else ref
        d = reg.actors.get(ref.actor)
        if d is None or not d.sides_by_country:
            return ref
        return ActorRef(ref.name, ref.actor, d.side_in(code))

    def _armed(
        self, gained: ActorRef | None, lost: ActorRef | None, holder: ActorMatch | None, sent: int,
        *, unnamed: bool = False, war_word: bool = False,
    ) -> bool:
        """Whether a change has an armed party: a named force or group, a "rebel-held"-style holder, or a
        political body ("the government") in a sentence that, with the two before it, speaks of war.

        ``unnamed``: the grammar says a place changed hands without naming who took it ("the fall of Baiji",
        "Mosul was freed"): a change with side unknown when the sentences around speak of war.
        """
        parties = [p for p in (gained, lost) if p is not None]
        if holder is not None:
            return True
        if any(not _POLITICAL_NAME.fullmatch(p.name.strip()) for p in parties):
            return True
        if not parties and not unnamed:
            return False
        if war_word and (unnamed or parties):
            # "the recently liberated city of Palmyra is hosting a concert", "the Syrian regime regained control of
            # Deraa": the verb itself is war's, whoever the text says took the place
            return True
        s_start, s_end = self.ctx.sentences[sent]
        lo, hi = max(self.ctx.sentences[max(0, sent - 2)][0], s_start - 2 * REACH), min(s_end, s_start + 2 * REACH)
        if self._ci(_MILITARY_CONTEXT).search(self.ci_text, lo, hi):
            return True
        # (or an armed group named there: "The liberation of Mosul in July 2017 ended three years of Isis rule")
        return any(a.actor_id is not None and self.resolve(a).side in _ARMED_GROUP_SIDES
                   for a in self._actors_in(lo, hi))

    def _withdrawn_from(self, pos: int, sent_start: int) -> list[_Place]:
        """ "... in the village of Rityan. ... after regime forces withdrew a day later": the settlement named
        latest in this or the previous sentence, when the withdrawal names none."""
        if self._mentions_in(pos, self._clip(self._sentence_index(pos), pos)[1]):
            return []  # a place follows ("withdrew, leaving X to ..."): not this rule's
        idx = self._sentence_index(pos)
        for m in reversed(self._mentions_in(max(self.ctx.sentences[max(0, idx - 1)][0], pos - 2 * REACH), pos)):
            if _is_country(m) or self._in_actor(m) or self._locative_of_other(m) or self._where_a_road_leads(m):
                continue
            if m.place is not None and m.place.feature_class not in ("P", "S"):
                continue
            return [_Place(m, None)]
        return []

    def _where_a_road_leads(self, m: Mention) -> bool:
        """ "the M4 highway to Latakia": ``m`` names a road's destination, no place the passage is about."""
        return _ROUTE_TO_BEFORE.search(self.text, max(0, m.start - 30), m.start) is not None

    def _locative_of_other(self, m: Mention) -> bool:
        """ "Rityan north of Aleppo": Aleppo only locates another place."""
        return bool(
            re.search(
                r"\b(?:north|south|east|west)(?:ern|[\s-]?(?:east|west))?\s+of\s+(?:[\w-]+\s+){0,3}$|"
                r"\b(?:near|outside|in)\s+$",
                self.text[max(0, m.start - 40) : m.start],
                re.IGNORECASE,
            )
        )

    def _participle_subject(self, pos: int, sent_start: int, sent_end: int) -> ActorRef | None:
        """ "Since retaking Palmyra in March, the army has pushed east", "Days after seizing Palmyra, IS ...",
        "Having captured X, the rebels ...", "In addition to capturing X, the army ...": a clause that opens the
        sentence with no subject of its own takes the main clause's."""
        if not _OPENING_CLAUSE.fullmatch(self.text, sent_start, pos):
            return None
        comma = self.text.find(",", pos, sent_end)
        if comma < 0:
            return None
        for a in self._actors_in(comma, min(sent_end, comma + 60)):
            if not a.holder and a.kind not in ("voice", "state_voice"):
                return self.resolve(a)
            break
        return None

    def _sides_at(self, refs: list[ActorRef], place: Mention | None) -> set[Side]:
        """The sides ``refs`` have where ``place`` is (sides are "in the place's country")."""
        return {(self._in_country_of(r, place) if place is not None else r).side for r in refs}  # type: ignore[union-attr]

    def _other_sides(self, refs: list[ActorRef], loser: ActorRef, place: Mention | None) -> list[ActorRef]:
        """The parties of ``refs`` on another side than ``loser`` where ``place`` is, compared there: "Ukrainian units
        retreated from Vuhledar, the army said" names the loser's own army (a country's forces and its army have one
        side in its own country, not before the place is known)."""
        if place is None:
            return [r for r in refs if r.side != loser.side]
        side = self._sides_at([loser], place)
        return [r for r in refs if self._sides_at([r], place).isdisjoint(side)]

    def _opponent(self, loser: ActorRef, sent: int, place: Mention | None = None,
                  outside: Sequence[tuple[int, int]] = ()) -> ActorRef | None:
        """Who gains what ``loser`` withdrew from when the sentence does not say: the one side other than the
        loser's among the actors of the two previous sentences, else of the whole article; None if several."""
        lo = self.ctx.sentences[max(0, sent - 2)][0]
        here, end_here = self.ctx.sentences[sent]
        windows = ((here, end_here), (max(lo, here - 2 * REACH), here),
                   (max(0, here - OPPONENT_REACH), here + OPPONENT_REACH))
        for n, (start, end) in enumerate(windows):
            refs = self._other_sides(self._parties_in(start, end, outside=outside), loser, place)
            refs = [r for r in refs if r.side != Side.UNKNOWN and not _AIR_ARM.search(r.name)]
            if len(self._sides_at(refs, place)) == 1:
                return refs[-1] if n == 1 else refs[0]
            if refs:
                return None
        return None

    def _turkish_backing(self, gained: ActorRef, s_start: int, s_end: int) -> bool:
        """Whether the sentence tells of Turkish backing that may be the gainer's ("Turkish-backed rebels captured
        al-Bab", "rebels took X with Turkish air cover"); not a backing that qualifies another party named right after
        it ("HTS took Saraqeb after clashes with Turkish-backed rebels": those rebels are Turkey's, not HTS)."""
        for m in self._ci(_TURKISH_BACKING).finditer(self.ci_text, s_start, s_end):
            # (the party it qualifies may be one name with it: "Turkish-backed rebels")
            after = [a for a in self._actors_in(max(s_start, m.start() - 1), m.end() + 40)
                     if a.end > m.end() and a.start - m.end() <= 12]
            # (or a word of the gainer's own phrase: "the Turkish-sponsored rebel army of some 10,000 men")
            if after and m.group("attribute") and all(a.surface.lower() not in gained.name.lower() for a in after):
                continue  # (an attribute of the party after it, which is not the gainer)
            return True
        return False

    def _turkey_in_clause(self, pos: int, sent_start: int) -> bool:
        """ "Turkey's army and allied Syrian rebels captured X": Turkish forces in the same subject."""
        # (an acronym in brackets after a name, "the Turkish Armed Forces (TSK) and the FSA", cuts no clause)
        left = _BRACKETED_ACRONYM.sub(lambda m: " " * len(m.group()), self.ci_text[sent_start:pos])
        cuts = self._ci(_CLAUSE_CUT).finditer(left)
        cut = sent_start + max((c.end() for c in cuts if c.group().lower() != "and"), default=0)
        return any(self.resolve(a).side == Side.TURKEY for a in self._actors_in(cut, pos) if not a.holder)

    def _object_relative(self, pos: int, sent_start: int) -> list[_Place]:
        """ "Kinsabba, which government forces seized on Monday": the place before "which" is the object."""
        rel = None
        for r in re.finditer(r"\b(?:which|that)\s+", self.text[max(sent_start, pos - 70) : pos], re.IGNORECASE):
            rel = r
        if rel is None:
            return []
        rel_start = max(sent_start, pos - 70) + rel.start()
        if not self._actors_in(rel_start, pos) or re.search(r"[,;]", self.text[rel_start:pos]):
            return []
        before = [m for m in self._mentions_in(sent_start, rel_start) if not _is_country(m)]
        if not before:
            return []
        m = before[-1]
        between = self.text[m.end : rel_start]
        h = _HEAD.match(between)
        if between[h.end() if h else 0 :].strip(" ,"):
            return []
        if _PARTIAL_END.search(self.text[sent_start : m.start]) or re.search(
            r"\b(?:most|much|parts?|half|rest|outskirts|areas?|villages|near|around|outside|towards?)\s+(?:of\s+)?"
            r"(?:the\s+)?$",
            self.text[sent_start : m.start],
            re.IGNORECASE,
        ):
            return []
        return [_Place(m, None)]

    def _note_agent(self, m: re.Match[str], s_start: int, out: list[ControlChange]) -> list[ControlChange]:
        agent = self._subject(m.start(), s_start)
        if agent is not None:
            self.discourse = (self._sentence_index(m.start()), agent, m.start(), m.end())
        return out

    def _actor_by_position(self, pos: int, end: int, *, max_gap: int) -> ActorRef | None:
        for a in self._actors_in(pos, end):
            if a.start - pos <= max_gap and a.kind != "voice":
                return self.resolve(a)
            break
        return None


# Verbs that say a place was taken back by force whatever the sentence around them speaks of ("the recently liberated
# city of Palmyra hosts a concert"); "captured" and "took" also take hearts, prizes and photographs.
_WAR_ONLY_LEMMAS = frozenset({"retake", "recapture", "liberate", "regain", "reclaim", "wrest"})
# Verbs and nouns of taking that, said of a settlement with no taker named, tell its change of hands ("the city was
# seized", "the town was freed", "the capture of the desert city of Palmyra"), war's whoever took it; not "secured"
# (made safe), "recovered" (bodies), "won" (a seat), nor "stormed" (attacked)
_SETTLEMENT_TAKING_LEMMAS = frozenset({"capture", "seize", "overrun", "overran", "conquer", "occupy", "free", "take",
                                       "took", "seizure", "takeover", "conquest",
                                       "change"})  # ("the desert city of Palmyra ... since it changed hands")
_SETTLEMENT_NOUNS = frozenset({"city", "town", "village", "district"})
_SETTLEMENT_OF_BEFORE = re.compile(r"\b(?:city|town|village|hamlet|district|suburb|neighbou?rhood)\s+of\s+(?:the\s+)?$",
                                   re.IGNORECASE)
# The pattern frame a dependency role reads as (for the lexical exclusions and the discourse agent, ``_emit``)
_FRAME_NAMES = {"fall": "fell", "lose": "lost", "ended": "lost", "changed": "lost", "withdraw": "withdrew",
                "hand": "handed"}
# What separates the items of a list of names: ", ", ", and ", " and "
_LIST_SEPARATOR = re.compile(r",\s+(?:and\s+)?|\s+and\s+")
# A curly apostrophe closing a plural's possessive ("the rebels’ capture"), before the word it possesses.
_PLURAL_POSSESSIVE_QUOTE = re.compile(r"(?<=[a-z]s)’(?= [a-z])")
# One lower-case word in scare quotes ('its troops had "liberated" Krasnohorivka', 'the "moderate" rebels'): the
# quotes mark the writer's distance, not the syntax; the tagger reads a quoted verb as an adjective of the next word.
_SCARE_QUOTED = re.compile(r"(?<![^\W\d_])[\"“‘](?P<word>[a-z][a-z-]*)[\"”’](?![^\W\d_])")
# A settlement plural introducing the names after it ("the cities of ", "villages including ").
_PLURAL_OF_BEFORE = re.compile(
    r"\b(" + "|".join(sorted(syntax.LISTING_PLURALS | {"areas"})) + r")\s+(?:of|including|such\s+as)\s+(?:the\s+)?$",
    re.IGNORECASE)
# How many named non-state groups back a common noun for a group looks past its clause's other party.
_OTHER_GROUP_BACK = 4
# How far (characters) any rule reads before or after a trigger within its sentence: about 60 words, more than a
# clause of news prose needs; it bounds the cost of pathological "sentences".
REACH = 400
# How many sentences before a pronoun's own are read for the party it stands for (``_salient_party``).
SALIENCE_SENTENCES = 3
# How far back "the town" may reach for the article's topic town when the last two sentences name none (and never
# more than 3 * REACH characters): a quoted statement of short sentences may separate the two.
SALIENT_LOOKBACK_SENTENCES = 10
# Earlier mentions of a place searched for the date of a change told undated ("... took X on Monday. ... X ..."):
# the latest few, found through an index of mentions by place, not by rescanning the sentences before.
DATE_LOOKBACK_MENTIONS = 6
# Where an actor's opponent is sought when the sentences around do not name one.
OPPONENT_REACH = 5000
# A sentence with no mention may still name a place the gazetteer lacks ("Al-Hamdan Airbase") or refer back to one
# ("captured the town"): a facility or settlement noun, or "it", is enough to parse it.
_PLACE_HINT = re.compile(
    r"\b(?:" + "|".join(sorted(syntax.FACILITY_WORDS | syntax.RESOLVABLE_NOUNS, key=len, reverse=True))
    + r"|it|(?:villages|towns|cities|districts|settlements?|hamlets?))\b",
    re.IGNORECASE,
)
# The start of a name: a capital, or an Arabic article written in lower case before one ("al-Zarqunah").
_ARTICLE_THEN_CAPITAL = r"(?:al|el|ad|ar|as|ash|at|az|an|ed|er|es)-[A-Z]"
_NAME_START = r"(?:[A-Z]|" + _ARTICLE_THEN_CAPITAL + ")"
# "took control of Sanaa", "control over al-Zarqunah": a name the gazetteer may lack, vouched for by the construction.
_CONTROL_OF_NAME = re.compile(r"\bcontrol\s+(?:of|over)\s+(?:the\s+)?" + _NAME_START)
# "IS was expelled by the army from Ghweiran": a name driven out of (syntax marks it a place); "fell to the rebels",
# "from the hands of the regime": a party a name fell to or was taken from (``_party_vouches``).
_OUT_OF_NAME = re.compile(r"\b(?:out\s+of|from)\s+(?:the\s+)?" + _NAME_START
                          + r"|\b(?:fell|fallen|falls)\s+(?:in)?to\s|\bfrom\s+(?:the\s+)?(?:hands|control|grip)\s+of\s")
# "Rebels have lost Zamzouna to government forces": a name a party lost (syntax: to whom, ``_party_vouches``).
_LOST_NAME = re.compile(r"\blos(?:t|es|ing)\s+(?:control\s+(?:of|over)\s+)?(?:the\s+)?" + _NAME_START)
# "captured al-Zarqunah from the rebels": a name opened by an Arabic article, which may be a place the gazetteer
# lacks (the parse decides; a person, "al-Assad", takes no place).
_ARTICLED_NAME = re.compile(r"\b" + _ARTICLE_THEN_CAPITAL)
# "capturing Jabal al-Zahiyah", "jabal al-zahiyah": an Arabic generic opening a name the gazetteer may lack.
_GENERIC_NAME = re.compile(r"\b(?:" + "|".join(sorted(NAME_START_GENERICS)) + r")[ -]\w", re.IGNORECASE)
# "recaptured al-Zarqunah", "liberated Surjah": a name after a verb only places take (syntax._PLACE_ONLY_VERBS),
# which the parse keeps as a place where the gazetteer lacks it.
_NUMBERED_FACILITY = re.compile(
    r"\bthe\s+(?:(?!battalion|brigade|regiment|division)[a-z]+\s+)?"  # ("the neighbouring 1070 apartment complex")
    r"((?:(?:battalion|brigade|regiment|division)\s+)?\d+\s+(?:[a-z]+\s+)?(?:"
    # (one facility, not a count of them: "the 3 hills")
    + "|".join(sorted(w for w in syntax.FACILITY_WORDS if not w.endswith("s") or w == "headquarters")) + r"))\b"
    # ("recaptured hill 1154": a hill named by its number; a numbered "point" is none, as the annotators read it)
    r"|\b(hill)\s+\d+\b")
# "the army took Hulwaniyah on Monday": a name an armed party took (``_party_vouches``).
_TOOK_NAME = re.compile(r"\b(?:took|takes|taken)\s+(?:over\s+)?(?:the\s+)?" + _NAME_START)
_CAPTIVE_AFTER = re.compile(r"\s+(?:hostage|prisoner|captive)s?\b", re.IGNORECASE)
# A verb of taking written with a hyphen after its prefix ("re-captured", "re-took", "re-established control").
_RE_HYPHENATED = re.compile(
    r"\b(re)-((?:captur|tak|gain|establish|conquer|occup|liberat|seiz|claim|assert|impos|enter)[a-z]*?"
    r"(?:ed|en|s|e)|took)\b",  # (its finite or participle forms: a gerund's parse is no better joined)
    re.IGNORECASE,
)
_WEDNESDAY = re.compile(r"\b[Ww]ed(?=\.?\s+\d)")
# Lower-cased, the names of months and days the tagger reads as common words, and the clause around them falls apart
# ("the city the group overran in june 2014": "overran" read as a name); "may" and "march" only before a number.
_CALENDAR_WORD = re.compile(
    r"\b(?:january|february|april|june|july|august|september|october|november|december|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|(?:may|march)(?=\s+\d))\b"
)
_PLACE_ONLY_OBJECT = re.compile(
    # (and a headline's present: "Syrian army retakes X from rebels", "Army liberates X")
    r"\b(?:retook|retaken|retaking|retakes|recaptur(?:ed|ing|es)|liberat(?:ed|ing|es)|overr[au]n|overrunning|"
    r"overruns|storm(?:ed|ing|s)|regain(?:ed|ing|s)|reclaim(?:ed|ing|s)|wrest(?:ed|ing|s))\s+"
    # ("storming and capturing Surjah Kabira": a verb conjoined after one only places take)
    r"(?:and\s+[a-z]+\s+)?(?:the\s+)?" + _NAME_START
)
# "the army's recent capture of Shalaf", "the recapture on Saturday of X": a name a change noun's of-phrase holds, which
# the parse keeps as a place where a party of a known side made the change (``_party_vouches``)
_CHANGE_OF_NAME = re.compile(r"\b(?:" + "|".join(sorted(syntax.AGENT_CHANGE_NOUNS, key=len, reverse=True)) + r")\s+"
                             r"(?:[\w'’-]+\s+){0,3}?of\s+(?:the\s+)?" + _NAME_START)
# "the 93rd Brigade", "Regiment 121": a base named after its unit (syntax._numbered_unit), as the text capitalises it.
_UNIT_NAME = "(?:" + "|".join(sorted(w.capitalize() for w in syntax.UNIT_NOUNS)) + ")"
_NUMBERED_UNIT = re.compile(rf"\b\d+(?:st|nd|rd|th)\s+{_UNIT_NAME}\b|\b{_UNIT_NAME}\s+\d+\b")
# "captured X from the group", "from the hands of IS", "out of their control": what comes before a party a place was
# taken from
_FROM_BEFORE = re.compile(r"\b(?:from|out\s+of)\s+(?:the\s+)?(?:(?:hands|control|grip)\s+of\s+(?:the\s+)?)?\Z",
                          re.IGNORECASE)
_NAME_WORD = re.compile(r"[^\W\d_][\w'’]*")
_ANY_WORD_BEFORE = re.compile(r"([^\W\d_]+)\s+\Z")
# A locative phrase that ends a name the frame vouches for ("the 1070 Apartment Project in southwest Aleppo").
_LOCATIVE_START = re.compile(r"(?:in|near|outside|at)\s", re.IGNORECASE)
_COALITION_WORDS = frozenset({"coalition", "alliance"})
_OF_AFTER = re.compile(r"\s+of\s", re.IGNORECASE)
_INDEFINITE_BEFORE = re.compile(r"\b(?:an?|another)\s+(?:[\w-]+\s+){0,2}\Z", re.IGNORECASE)
# Longest sentence prefix handed to the parser: a hostile 80 KB "sentence" costs no more than this many characters
# of parsing (the patterns still read it all).
_PARSE_LIMIT = 2000
# What may stand between a listed place and its own date (``_item_dates``): a preposition, "itself", an appositive
_ITEM_DATE_GAP = re.compile(
    r"(?:\s*,\s*[^,;.\d]{1,80}?,)?(?:\s+(?:to|from)\s+[^,;.\d]{1,40}?(?=\s+(?:in|on|during)\s))?"
    r"[\s,]*(?:itself\s+)?(?:(?:in|on|during|since|by|at)\s+)?"
    r"(?:(?:early|late|mid|the\s+middle\s+of|the\s+end\s+of)[\s-]+)?(?:this|last|a|an|the)?\s*",
    re.IGNORECASE)
_AND_ONLY = re.compile(r"\s+and\s+", re.IGNORECASE)

# Head nouns of an armed party's name ("Northern forces", "the gunmen"): an unknown force, but a force.
_FORCE_METONYMS = frozenset(["rule", "control", "offensive", "counteroffensive", "counter-offensive", "operation",
                             "campaign", "assault", "incursion"])
_GOVERNMENT_AFTER = re.compile(r"[\s-]+(?:government|authorities|regime|administration|based)\b", re.IGNORECASE)
_STATE_SUBJECT_GAP = re.compile(r"\s+(?:(?:has|have|had|now|also|finally|reportedly)\s+){0,2}")
_CAMPAIGN_WORDS = r"(?:counter-?)?(?:" + _CAMPAIGN_NAMES + r"|incursion)"
_STATE_CAMPAIGN_GAP = re.compile(r"['’]s\s+(?:[a-z-]+\s+)?" + _CAMPAIGN_WORDS + r"\s+(?:(?:has|have|had)\s+)?")
_DEMONYM_CAMPAIGN = re.compile(r"\b(?P<demonym>[A-Za-z]+)(?:-led|-backed)?\s+(?:[a-z-]+\s+)?" + _CAMPAIGN_WORDS
                               + r"\s+(?:(?:has|have|had)\s+)?$")
_COMPASS_BEFORE = re.compile(r"\b(?:east|west|north|south|eastern|western|northern|southern)\s+$", re.IGNORECASE)
# Truecasing a lower-cased sentence for the parser: the words of a name that stay lower case, and the feature
# words that continue a name ("castello road").
_ROAD_AFTER = re.compile(r"\s+(?:road|street|highway|avenue)\b", re.IGNORECASE)
_FEATURE_AFTER = re.compile(r"\s+(road|street|highway|square|avenue|bridge|roundabout|crossing)\b")
_WORD_PART = re.compile(r"[^\W\d_]+")
_COMMALESS_LONGER_THAN = 199  # (a list split name by name from 200 characters on)
_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an"})
# A verb of taking and the word after it (lower-cased text: a name there lost its capital).
# (a lookahead, so that "took control of X" is read at "took" and again at "control")
_TAKEN_WORD = re.compile(r"\b(?=(?:captur(?:ed|ing|es)|seiz(?:ed|ing|es)|took|taken|taking|takes|retook|retaken|"
                         r"retakes|recaptur(?:ed|ing|es)|overr[au]n|overruns|liberat(?:ed|ing|es)|regain(?:ed|ing|s)|"
                         r"los(?:t|ing|es)|control\s+(?:of|over)|out\s+of|from|"
                         # (and the nouns of a change, and a list's "among them": "the recent capture of shalaf")
                         r"(?:re)?capture\s+of|seizure\s+of|fall\s+of|liberation\s+of|loss\s+of|among\s+them)\s+"
                         r"(?:over\s+)?(?:the\s+)?([a-z][\w'’-]+))")
# A building's word closing a marked span ("... cement factory"): the span names the building, not the town its
# name opens with (an airbase, a field, a dam or farms are named after their town, which the geoparser resolves)
_FACILITY_END = re.compile(r"\b(?:factory|station|school|hospital|complex|project|headquarters|college|academy|"
                           r"prison|tower|mosque|checkpoints?|roundabout|junction|crossroads?|square|bridge|depot)\Z")
_LIST_AND_END = re.compile(r"\s+and\s*\Z")
# An Arabic article joined to its word ("al-Jaoureh"), and a capitalised word, the article before it or not.
_ARTICLED = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an|ed|er|es|ez)-")
_CAPITALISED_WORD = re.compile(r"\b(?:" + _ARTICLED.pattern + r")?[A-Z][\w'’-]*")
# Words that open a place's name with the word after them (the generics, and "Khan", "Umm", "Abu", "Sheikh" ...).
_NAME_OPENERS = NAME_START_GENERICS | frozenset({
    "khan", "umm", "um", "abu", "bu", "albu", "bab", "sheikh", "shaykh", "hayy", "hay", "tulul", "rasm", "nahr",
    "qalaat", "burj", "jubb", "bani", "dahiyat", "mashrafat", "mughayir", "mughayer", "ard", "sahl", "harat", "souq",
    "suq", "arab",
    "hammam", "hamam", "birkat", "ayn", "ain", "beit", "new", "old", "upper", "lower", "north", "south", "east", "west",
})
# Words that follow a name's first word as part of it: Arabic adjectives of size and direction ("Sukkariyat
# Saghira"), and the "and" between two names, where the caller cuts on its own.
_NAME_SECOND_WORDS = NAME_ADJECTIVES | {"and"}
_NAME_PARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "of", "the", "de", "la", "bin",
                             "ibn", "abu", "um", "and"})
_COMMON_ACTOR_WORDS = frozenset(
    (  # noqa: SIM905 (a word list reads better as words)
        "the a an of and forces force troops soldiers fighters militants rebels insurgents militia militias "
        "militiamen army group groups regime government security units led backed aligned allied loyal to "
        "pro anti its their jihadists extremists terrorists gunmen opposition police coalition alliance"
    ).split()
)
# What may stand between a place and a holder in its appositive: a comma (FA-KES lost them), an article, a few
# adjectives.
_APPOSITIVE_WORDS = "a|an|the|its|their|one|former|last|key|main|major|strategic|important|remaining"
_APPOSITIVE_LEAD = re.compile(rf",?\s+(?:(?:{_APPOSITIVE_WORDS}|de facto)\s+){{1,3}}", re.IGNORECASE)
# An appositive or participle that says who holds the place before it: ", the last sliver of territory held by ".
_HELD_BY_LEAD = re.compile(rf",\s+(?:(?:{_APPOSITIVE_WORDS})\s+)*(?:[\w-]+\s+){{0,4}}?" + HELD_BY, re.IGNORECASE)
# What may open a sentence before a participle whose subject is the main clause's: a subordinator, "in addition
# to", a time before it ("days after", "just hours after"), "having".
_OPENING_CLAUSE = re.compile(
    r"\s*(?:(?:just|only|shortly|soon|barely|a|an|one|two|three|four|five|few|several|\d+|days?|hours?|weeks?|"
    r"months?|years?)\s+){0,3}(?:(?:since|after|before|upon|on|while|by|despite|following|besides|"
    r"in\s+addition\s+to)\s+)?(?:having\s+)?",
    re.IGNORECASE,
)
_HAVING = re.compile(r"\bhaving\s+$", re.IGNORECASE)
_SETTLEMENT_PLURALS = frozenset({"villages", "towns", "cities", "settlements", "localities", "hamlets"})
# "Haftar's militias", "Putin's army": a named possessor of a word for armed men
_LEADERS_FORCES = re.compile(
    r"(?:the\s+)?(?P<who>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)['’]s\s+(?:[a-z-]+\s+)?(?:forces|troops|army|soldiers|fighters|"
    r"militias?|militiamen|men|loyalists|units|proxies)"
)
_NONSTATE_FORCES = re.compile(r"\b(?:resistance|rebel|opposition|insurgent|separatist|guerrilla|ethnic)\b",
                              re.IGNORECASE)
_LEADERS_FORCES_LOWERED = re.compile(_LEADERS_FORCES.pattern.replace("[A-Z]", "[a-z]"))
_ARMED_NOUNS = frozenset(
    (  # noqa: SIM905 (a word list reads better as words)
        "forces force troops soldiers fighters militants rebels insurgents militia militias militiamen "
        "guerrillas gunmen jihadists extremists army armies units brigade brigades battalion battalions "
        "group groups factions faction mercenaries paramilitaries separatists loyalists commanders "
        "commandos marines paratroopers paratroops infantry regiment regiments division divisions "
    ).split()
)


def _shift(frame: syntax.Frame, by: int) -> syntax.Frame:
    """A frame with its sentence-relative offsets made article-relative."""
    def sh(span: tuple[int, int] | None) -> tuple[int, int] | None:
        return None if span is None else (span[0] + by, span[1] + by)

    return replace(
        frame, trigger_start=frame.trigger_start + by, trigger_end=frame.trigger_end + by,
        places=tuple((a + by, b + by) for a, b in frame.places),
        place_nouns=tuple((a + by, n) for a, n in frame.place_nouns),
        gainer=sh(frame.gainer), loser=sh(frame.loser), excluded=tuple((a + by, b + by) for a, b in frame.excluded),
        compassed=tuple((a + by, b + by) for a, b in frame.compassed),
        marked=tuple((a + by, b + by) for a, b in frame.marked),
    )


def _place_key(m: Mention) -> object:
    return m.place.geonameid if m.place is not None else m.text.lower()


def _geo_precision(m: Mention) -> int:
    """1 the place itself; 2 a facility or district placed at its town; 3 only the region (or nothing) known."""
    if m.place is None:
        return 3
    if has_estimated_point(m.place):
        return 2  # a division placed at the median of its towns: near the place, not the place's own point
    if m.place.feature_class in ("P", "A") and _PART_NOUN.search(m.text):
        names = " ".join(m.place.all_names).lower()
        if not _PART_NOUN.search(names):
            return 2
    return 1


def _needs_agent(frame: syntax.Frame, text: str) -> bool:
    """Whether the frame's grammar has a doer the parse should have found: an active verb, or a "nominal" the parser
    made of a verb form ("Hutu rebels on Saturday captured Uvira", "captured" read as a modifier of the name). Its
    reading with no gainer is a misparse, and does not override the patterns' gainer; an agentless passive or change
    noun ("Mosul was freed from Isis control", "the fall of Aleppo") is a reading of its own."""
    return frame.role in ("active", "expel") or (
        frame.role == "nominal" and text[frame.trigger_start : frame.trigger_end].lower().endswith("ed"))


def _dedupe(events: list[ControlChange]) -> list[ControlChange]:
    """One event per change: repeats of a change (same place, same gaining side, dates no more than
    ``SAME_CHANGE_DAYS`` apart or not given by the text) are one change, best kept; "took Palmyra in March 2016
    ... recaptured it in March 2017" is two."""
    kept: dict[tuple[object, str | None], list[ControlChange]] = {}
    for ev in events:
        # (a report that names no gainer and one that names an unknown party are alike: no side for either)
        same_key = kept.setdefault((_place_key(ev.place), ev.gained_by.side if ev.gained_by else Side.UNKNOWN), [])
        i = next((i for i, old in enumerate(same_key) if _same_change(old, ev)), None)
        if i is None:
            same_key.append(ev)
        elif _rank(ev) > _rank(same_key[i]):
            same_key[i] = ev
    # A report that names no gainer is the same change as one of that place that does (the article tells the change
    # once with its agent, then refers to it: "the fall of Raqqa"), unless the text dates them apart.
    named = {}
    for (place, side), group in kept.items():
        if side not in (None, Side.UNKNOWN):
            named.setdefault(place, []).extend(group)
    events = [ev for (place, side), group in kept.items() for ev in group
              if side not in (None, Side.UNKNOWN) or not any(_same_change(ev, other) and not _years_apart(ev, other)
                                                             for other in named.get(place, ()))]
    return sorted(events, key=lambda e: (e.evidence_start, e.place.start, (e.date and e.date.start) or date.min))


_START = attrgetter("start")


def _same_change(a: ControlChange, b: ControlChange) -> bool:
    """Two reports of one place and side are one change unless the text dates both, far apart. A date with no
    interval (a day and month in a text with no year), or one borrowed from an earlier sentence, is compared by
    nothing: the same change."""
    da, db = a.date, b.date
    if da is None or db is None or not (da.from_text and db.from_text) or da.borrowed or db.borrowed:
        return True
    if da.precision == db.precision == "year" and da.start is not None and db.start is not None \
            and da.start.year != db.start.year:
        return False  # "overran Palmyra in 2015 ... retook it in 2016": two years told apart (the intervals touch)
    gap = _days_apart(da, db)
    return gap is None or gap <= SAME_CHANGE_DAYS


def _days_apart(da: EventDate, db: EventDate) -> int | None:
    """Days between two dates' intervals (negative where they overlap); None where either has no interval."""
    if da.start is None or db.start is None or da.end is None or db.end is None:
        return None
    return (max(da.start, db.start) - min(da.end, db.end)).days


def _years_apart(a: ControlChange, b: ControlChange) -> bool:
    """Whether two reports of a place, one dated only by a date borrowed from an earlier sentence that names it, lie
    more than a year apart ("Mosul ... The city fell" in 2014, "declared it liberated" three years later): a report
    that names no gainer is then not the named change told again."""
    da, db = a.date, b.date
    if da is None or db is None or not (da.from_text and db.from_text) or da.borrowed == db.borrowed:
        return False
    gap = _days_apart(da, db)
    return gap is not None and gap > 365


def _rank(ev: ControlChange) -> tuple[bool, bool, int, float]:
    """Which report of one change to keep: one whose own sentence dates it, one the text dates, the finest date (the
    most informative mention, as the annotators keep), then the surest reading."""
    dated = ev.date is not None and ev.date.from_text
    own = dated and ev.date is not None and not ev.date.borrowed
    return (own, dated, -PRECISION_RANK[ev.date.precision] if dated and ev.date else -9, ev.confidence)


_DEMONYMS_OF: dict[str, list[str]] = {}
for _demonym, _code in DEMONYM_COUNTRIES.items():
    if not _demonym.endswith("s"):  # ("russian", not "russians")
        _DEMONYMS_OF.setdefault(_code, []).append(_demonym)


def _forces_of_state(registry: ActorRegistry, state: str) -> ActorDef | None:
    """The actor the registry names "<demonym> forces" for a state, where its side depends on the country it fights
    in ("Russian forces": government in Syria, other in Ukraine)."""
    for demonym in _DEMONYMS_OF.get(state, ()):
        found = registry.find(f"{demonym} forces")
        if len(found) == 1 and found[0].actor_id is not None and found[0].end == len(demonym) + 7:
            forces = registry.actors.get(found[0].actor_id)
            if forces is not None and forces.sides_by_country:
                return forces
    return None


def _places_country(mentions: Sequence[Mention]) -> str | None:
    """The country most of the article's places lie in (countries themselves aside): a Guardian story on Syria
    names Britain, Turkey and their demonyms as often as Syria, but its towns are Syrian."""
    votes = Counter(m.place.country_code for before, m in pairwise((None, *mentions))
                    if m.place is not None and m.place.country_code and not _is_country(m)
                    and not _locates_the_town_before(m, before))
    return votes.most_common(1)[0][0] if votes else None


def _locates_the_town_before(m: Mention, before: Mention | None) -> bool:
    """ "Austin, Texas", "Mosul, Nineveh": a division named right after a town only says where that town is; the
    two are one place, one vote."""
    return (before is not None and m.place is not None and m.place.feature_code in ("ADM1", "ADM2")
            and before.place is not None and before.place.feature_class == "P"
            and before.place.country_code == m.place.country_code and 0 <= m.start - before.end <= 2)


# An abbreviation in brackets right after a name ("the National Front for Liberation (NFL)").
_DEFINED_ABBREVIATION = re.compile(r"\s*\(\s*([A-Z][A-Za-z]{1,7})\s*\)")
_DEFINED_ABBREVIATION_LOWERED = re.compile(r"\s*\(\s*([a-z]{2,8})\s*\)")  # (lower-cased copies: "(nfl)")


def _initials_fit(abbreviation: str, name: str) -> bool:
    """Whether the letters of ``abbreviation`` are, in order, initials of the words of ``name`` ("NFL": National
    Front for Liberation; "HTS": Hayat Tahrir al-Sham), the test abbreviation finders apply (Schwartz and Hearst)."""
    initials = [w[0].lower() for w in re.findall(r"[^\W\d_]+", name)]
    i = 0
    for letter in abbreviation.lower():
        while i < len(initials) and initials[i] != letter:
            i += 1
        if i == len(initials):
            return False
        i += 1
    return True


def _with_defined_abbreviations(text: str, actors: list[ActorMatch], *, lowercased: bool = False) -> list[ActorMatch]:
    """ "the Turkish-backed National Front for Liberation (NFL) ... The NFL said its fighters had recaptured X": an
    abbreviation the article defines in brackets after a party's name is that party wherever the article uses it
    (one sense per discourse), whatever else it may stand for elsewhere (the registry knows the NFL as no party)."""
    defined: dict[str, ActorMatch] = {}
    for a in actors:
        if a.actor_id is None or a.kind in ("voice", "state_voice"):
            continue
        m = (_DEFINED_ABBREVIATION_LOWERED if lowercased else _DEFINED_ABBREVIATION).match(text, a.end)
        if m is not None and m.group(1) != a.surface and _initials_fit(m.group(1), a.surface) and not (
                lowercased and m.group(1) in english_words()):  # ("the islamic state (is)": "is" is a word too)
            defined.setdefault(m.group(1), a)
    if not defined:
        return actors
    starts = [a.start for a in actors]
    added = []
    for abbreviation, a in defined.items():
        for m in re.finditer(rf"(?<![\w-]){re.escape(abbreviation)}(?![\w-])", text):
            i = bisect_right(starts, m.start()) - 1  # (actors do not overlap: only the last one before can cover it)
            if (i >= 0 and actors[i].end > m.start()) or (i + 1 < len(actors) and actors[i + 1].start < m.end()):
                continue
            added.append(ActorMatch(m.start(), m.end(), abbreviation, a.kind, a.actor_id))
    return sorted([*actors, *added], key=lambda x: x.start) if added else actors


def _article_country(
    registry: ActorRegistry, scan_countries: list[tuple[int, str, bool]], mentions: Sequence[Mention]
) -> tuple[tuple[tuple[int, str, bool], ...], str | None]:
    """Which country's army "the army" is: the country the article names most (places and demonyms)."""
    countries = tuple(scan_countries)
    votes: Counter[str] = Counter(code for _, code, _ in countries)
    said = {at for at, _, _ in countries}
    placed: Counter[str] = Counter()  # votes of the places themselves, not of a country's name
    for m in mentions:
        if m.place is not None and m.place.country_code and m.start not in said:
            votes[m.place.country_code] += 1
            if not m.place.feature_code.startswith("PCL"):
                placed[m.place.country_code] += 1
    # (a country's name the scan counted is one vote, not two; and a tie goes to the country the places are in:
    # "Rebels backed by Turkey seized Saraqeb, but the army regained it" is Syria's army, not Turkey's)
    order = sorted(votes, key=lambda c: (-votes[c], -placed[c]))
    ranked = [c for c in order if registry.state_forces(c) is not None]
    return countries, (ranked[0] if ranked else None)


# What joins a party to the next one as its ally ("the Syrian army and allied Palestinian fighters").
_OWN_FORCES_BEFORE = re.compile(r"\b(?:its|their)\s+$", re.IGNORECASE)
_ALLIED_BEFORE = re.compile(r"\s*(?:,\s*)?(?:and|as\s+well\s+as|along\s+with|together\s+with)\s+"
                            r"(?:the\s+|its\s+|their\s+)?(?:allied\s+|allies\s*,?\s*)?", re.IGNORECASE)
# Air power strikes a place and takes none: no gainer of a withdrawal the text leaves unsaid ("the Air Force is still
# pounding jihadist positions even though the militants have pulled out of the station").
_AIR_ARM = re.compile(r"\b(?:air\s*forces?|warplanes?|jets?|aircraft|drones?|helicopters?|gunships?|air\s*power|"
                      r"air\s*strikes?|airstrikes?|bombers?)\b", re.IGNORECASE)
_BALLOT = re.compile(r"\b(?:elections?|votes?|polls?|ballots?|referendum)\b", re.IGNORECASE)
# What remains of a group: "the rest", "the survivors", "the remaining militants".
_REMNANT = re.compile(r"(?:the\s+)?(?:rest|remainder|survivors|remnants|remaining(?:\s+\w+)?)(?:\s+of\s+them)?",
                      re.IGNORECASE)
# The first person of a quoted statement: the speaker's side ("'Our forces have liberated Tabqa,' SDF spokesman
# Talal Silo said").
_FIRST_PERSON_FORCES = re.compile(
    r"\b(?:[Oo]ur\s+(?:\w+\s+)?(?:forces|troops|fighters|units|soldiers|men|army|heroes)|[Ww]e)\b")
_SETTLEMENT_OF_BEFORE = re.compile(r"\b(?:town|city|village|suburb)\s+of\s+$", re.IGNORECASE)
_ARTICLE_BEFORE = re.compile(r"(?:al|el)[- ]", re.IGNORECASE)


def extract_control_changes(
    *,
    text: str,
    mentions: Sequence[Mention],
    published_at: datetime | date | None,
    registry: ActorRegistry | None = None,
    parser: Any | bool | None = True,
) -> list[ControlChange]:
    """Every control change the article reports as having happened, one per place, in text order.

    Pure: reads only its arguments (the default registry is loaded once per process). Dateline mentions are
    never event places. Events are dated by the text where it dates them, else by ``published_at``.
    """
    if not text:
        return []
    reg = registry or default_registry()
    ordered = tuple(sorted((m for m in mentions if not m.is_dateline), key=lambda m: (m.start, -m.end)))
    lowercased = is_lowercased(text)
    actors, found_countries = reg.scan(text, lowercased=lowercased)
    # "military base", "army airport": the generic word names a place there, not a force.
    actors = [a for a in actors if a.kind != "state" or not _FACILITY_AFTER.match(text, a.end)]
    # "fell to a coalition of Islamist rebels", "an alliance of rebel groups": an indefinite coalition is no named one
    # (the US-led "coalition"); its members, named after "of", are the party
    actors = [a for a in actors if not (a.surface.lower() in _COALITION_WORDS and _OF_AFTER.match(text, a.end)
                                        and _INDEFINITE_BEFORE.search(text, max(0, a.start - 30), a.start))]
    # "al-Hazm", the Yemeni town: the geoparser read a group's one-word name after the Arabic article as a place
    # (app/geoparse/organisations.py), so it is no party here
    articled = {m.end: m.start for m in ordered}
    actors = [a for a in actors if not (a.kind == "actor" and a.end in articled
                                        and _ARTICLE_BEFORE.fullmatch(text, articled[a.end], a.start))]
    # and "the city of Hazm": a name the text calls a settlement is that settlement
    actors = [a for a in actors if not (a.kind == "actor" and articled.get(a.end) == a.start
                                        and _SETTLEMENT_OF_BEFORE.search(text, max(0, a.start - 24), a.start))]
    actors = _with_defined_abbreviations(text, actors, lowercased=lowercased)
    countries, country = _article_country(reg, found_countries, ordered)
    # A "place" inside an actor's name ("Hazm" the rebel group) is no event place.
    spans = [(a.start, a.end) for a in actors if a.kind == "actor"]
    span_starts = [s for s, _ in spans]

    def inside_actor(m: Mention) -> bool:
        i = bisect_left(span_starts, m.end) - 1  # the last actor starting before the mention ends
        return i >= 0 and spans[i][1] > m.start

    ordered = tuple(m for m in ordered if not inside_actor(m))
    ctx = _Context(
        text=text,
        mentions=ordered,
        actors=tuple(actors),
        countries=countries,
        country=country,
        registry=reg,
        published=_to_date(published_at),
        sentences=tuple(sentence_spans(text)),
        parser=default_parser() if parser is True else (parser or None),
        lowercased=lowercased,
        places_country=_places_country(ordered),
        datelines=tuple((m.start, m.end) for m in mentions if m.is_dateline),
    )
    return _Extractor(ctx).run()
