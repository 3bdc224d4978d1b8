"""The one spaCy pipeline behind the figure parsers: a blank English tokenizer, a component that
merges each number into one token, and a Matcher whose token patterns mark money, the period a
cost is 'per', durations, how often, and dates.

Built on first use (importing spaCy costs about a second, so importing this
module does not), shared by the process, and built afresh after it has learned
MAX_LEARNED_STRINGS new words (`get_nlp`). `analyse(text)` returns the spaCy Doc with the matches in `doc.spans`:

    doc.spans["money"]     '£15', '15 quid', 'fifteen pounds fifty', '£15ph', '50p'
    doc.spans["per"]       'an hour', 'a week', 'per visit', 'every 4 weeks', 'one off'
    doc.spans["duration"]  '6 hours', 'half an hour', '90 minutes'
    doc.spans["freq"]      'twice a week', 'every other Tuesday', 'weekdays', 'morning and evening'
    doc.spans["date"]      '3/4/1956', '3rd April 1956', '1956-04-03'

Each span's `label_` names the pattern that found it (the parsers read values by it). Within a
group, overlapping matches are resolved longest first. Tokens carry `._.sp_num` (Decimal),
`._.sp_is_num`, `._.sp_is_ord`, `._.sp_is_fraction` and `._.sp_canon` (the word with
abbreviations and typos mapped to one spelling: 'hrs' → 'hours', 'Weds' → 'wednesday',
'febuary' → 'february').
"""

from __future__ import annotations

import difflib
import re
import sys
import threading
from functools import lru_cache
from types import ModuleType
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Optional, Tuple, cast

from bot.parsing.normalise import collapse_runs
from bot.parsing.numbers import MAX_DIGITS, read_number

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc, Span

GROUPS = ("money", "per", "duration", "freq", "date")

# ---------------------------------------------------------------- the words, one spelling each
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
TIMES_OF_DAY = (
    "morning",
    "afternoon",
    "evening",
    "night",
    "lunchtime",
    "teatime",
    "bedtime",
    "breakfast",
    "lunch",
    "tea",
    "dinner",
    "supper",
)

ALIASES: Dict[str, str] = {
    "hr": "hour",
    "hrs": "hours",
    "h": "hours",
    "hrz": "hours",
    "hous": "hours",
    "hors": "hours",
    "houres": "hours",
    "hourz": "hours",
    "hoursa": "hours",
    "min": "minutes",
    "mins": "minutes",
    "mns": "minutes",
    "minits": "minutes",
    "minuts": "minutes",
    "wk": "week",
    "wks": "weeks",
    "w": "week",
    "wkly": "weekly",
    "wkday": "weekday",
    "wkdays": "weekdays",
    "wkend": "weekend",
    "wkends": "weekends",
    "mth": "month",
    "mths": "months",
    "mnth": "month",
    "mnths": "months",
    "mnthly": "monthly",
    "yr": "year",
    "yrs": "years",
    "y": "year",
    "pound": "pounds",
    "quid": "pounds",
    "squid": "pounds",
    "pnds": "pounds",
    "pds": "pounds",
    "gbp": "pounds",
    "pund": "pounds",
    "punds": "pounds",
    "pouns": "pounds",
    "pounts": "pounds",
    "sterling": "pounds",
    "p": "pence",
    "penny": "pence",
    "pennies": "pence",
    "pense": "pence",
    "x": "times",
    "tims": "times",
    "tmes": "times",
    "tiems": "times",
    "timez": "times",
    "twise": "twice",
    "twcie": "twice",
    "twic": "twice",
    "evry": "every",
    "evey": "every",
    "eveyr": "every",
    "evrey": "every",
    "every-day": "everyday",
    "evryday": "everyday",
    "24/7": "everyday",
    "fortnite": "fortnight",
    "fortnites": "fortnights",
    "nite": "night",
    "nites": "nights",
    "morn": "morning",
    "mornin": "morning",
    "eve": "evening",
    "evenin": "evening",
    "eves": "evenings",
    "lunchtimes": "lunchtime",
    "teatimes": "teatime",
    "bedtimes": "bedtime",
    "mon": "monday",
    "mons": "mondays",
    "tue": "tuesday",
    "tues": "tuesday",
    "weds": "wednesday",
    "wed": "wednesday",
    "thu": "thursday",
    "thur": "thursday",
    "thurs": "thursday",
    "fri": "friday",
    "fris": "fridays",
    "sat": "saturday",
    "sats": "saturdays",
    "sun": "sunday",
    "suns": "sundays",
    "jan": "january",
    "feb": "february",
    "mar": "march",
    "apr": "april",
    "apirl": "april",
    "aprl": "april",
    "jun": "june",
    "jul": "july",
    "aug": "august",
    "agust": "august",
    "sep": "september",
    "sept": "september",
    "oct": "october",
    "nov": "november",
    "dec": "december",
    "thousand": "k",
    "grand": "k",
    "annual": "annually",
    "phr": "ph",
    "p/h": "ph",
    "anually": "annually",
    "one-off": "oneoff",
    "−": "-",
    "–": "-",
    "’": "'",
}
#: words that typos are mapped onto (only long ones: 'mouth' must not become 'month')
FUZZY_TARGETS = tuple(
    sorted(
        {
            *WEEKDAYS,
            *(d + "s" for d in WEEKDAYS),
            *(m for m in MONTHS if len(m) >= 6),
            "mornings",
            "morning",
            "evening",
            "evenings",
            "afternoon",
            "afternoons",
            "fortnight",
            "fortnightly",
            "weekdays",
            "weekends",
            "minutes",
            "monthly",
            "annually",
            "lunchtime",
            "bedtime",
            "teatime",
        }
    )
)
FUZZY_MIN_LENGTH = 6
FUZZY_CUTOFF = 0.8


@lru_cache(maxsize=8192)
def canonical(word: str) -> str:
    """One spelling for a word: abbreviations and close typos of the words the patterns use."""
    lower = word.lower()
    if lower.endswith(".") and len(lower) > 1:  # 'Apr.', 'p.'
        lower = lower[:-1]
    if lower in ALIASES:
        return ALIASES[lower]
    if len(lower) >= FUZZY_MIN_LENGTH and lower.isalpha() and lower not in _KNOWN_WORDS:
        close = difflib.get_close_matches(lower, FUZZY_TARGETS, n=1, cutoff=FUZZY_CUTOFF)
        if close:
            return close[0]
    return lower


# ---------------------------------------------------------------- token patterns
def w(*words: str, op: Optional[str] = None) -> Dict[str, Any]:
    """A token whose canonical word is one of `words` (kept in NORM, which the Matcher reads
    without calling into Python: a third of the cost of matching a long message)."""
    token: Dict[str, Any] = {"NORM": {"IN": list(words)}}
    if op:
        token["OP"] = op
    return token


def opt(token: Dict[str, Any]) -> Dict[str, Any]:
    return {**token, "OP": "?"}


NUM = {"_": {"sp_is_num": True}}
FRACTION = {"_": {"sp_is_fraction": True}}
ORD = {"_": {"sp_is_ord": True}}
POUND_SIGN = {"ORTH": "£"}
SIGN = w("-", "minus", "negative")
K = w("k")
POUNDS = w("pounds")
PENCE = w("pence")
SLASH = {"ORTH": "/"}
PER = w("a", "an", "per", "each", "every", "/")
HOURS = w("hour", "hours")
MINUTES = w("minute", "minutes")
COUNT_WORD = w("once", "twice", "thrice")
TIMES = w("times", "time")
X = {"LOWER": "x"}
#: days and parts of a day, singular and plural: units of how often, and occasions counted
_DAY_PARTS = (
    "day",
    "days",
    "night",
    "nights",
    "morning",
    "mornings",
    "evening",
    "evenings",
    "afternoon",
    "afternoons",
)
FREQ_UNITS = (
    *_DAY_PARTS,
    "week",
    "weeks",
    "fortnight",
    "fortnights",
    "month",
    "months",
    "year",
    "years",
    "quarter",
    "quarters",
)
FREQ_UNIT = w(*FREQ_UNITS)
FREQ_ADVERB = w("daily", "nightly", "weekly", "fortnightly", "monthly", "quarterly", "yearly", "annually")
#: a number before 'weekly', 'monthly': every that many ('2 weekly', 'half yearly'); '4 weekly' is a cost period
_EVERY_NUM = w("2", "two", "3", "three", "6", "six", "8", "eight", "12", "twelve", "half")
PER_ANY = w("a", "an", "per", "each", "every", "/", "in", op="*")
OCCASIONS = w(
    *_DAY_PARTS,
    "session",
    "sessions",
    "visit",
    "visits",
    "shift",
    "shifts",
    "call",
    "calls",
    "lesson",
    "lessons",
    "class",
    "classes",
    "trip",
    "trips",
)
WEEKDAY = w(*WEEKDAYS, *(d + "s" for d in WEEKDAYS))
TIME_OF_DAY = w(*TIMES_OF_DAY, *(t + "s" for t in TIMES_OF_DAY))
EVERY_ON = w("every", "each", "on", "at", "in", "the", op="*")
LIST_SEP = w(",", "and", "&", "+", "/", op="+")
MONTH = w(*MONTHS)
DIGITS_1_2 = {"TEXT": {"REGEX": r"^\d{1,2}$"}}
DIGITS_1_4 = {"TEXT": {"REGEX": r"^\d{1,4}$"}}
DATE_SEP = {"ORTH": {"IN": ["/", "-", ".", "\\"]}}
APOSTROPHE = {"ORTH": {"IN": ["'", "’"]}, "OP": "?"}
COMMA = {"ORTH": ",", "OP": "?"}


def _listed(item: Dict[str, Any], most: int) -> List[List[Dict[str, Any]]]:
    """'Tuesdays', 'every Tuesday and Thursday', 'mon, wed and fri': up to `most` items."""
    patterns = []
    for count in range(1, most + 1):
        pattern = [EVERY_ON, item]
        for _ in range(count - 1):
            pattern += [LIST_SEP, EVERY_ON, item]
        patterns.append(pattern)
    return patterns


PERIOD_WORDS = {
    "hour": ("hour", "hours"),
    "week": ("week", "weeks"),
    "month": ("month", "months"),
    "year": ("year", "years", "annum"),
    "visit": (
        "visit",
        "session",
        "day",
        "trip",
        "time",
        "go",
        "class",
        "night",
        "journey",
        "ride",
        "lesson",
        "appointment",
        "shift",
        "outing",
        "call",
    ),
}

#: (group, pattern name, token patterns)
PATTERNS: Tuple[Tuple[str, str, List[List[Dict[str, Any]]]], ...] = (
    # money: the amount. The period is found separately ("per").
    ("money", "sign", [[opt(SIGN), POUND_SIGN, opt(SIGN), NUM, opt(K)], [opt(SIGN), NUM, opt(K), POUND_SIGN]]),
    ("money", "word", [[opt(SIGN), NUM, opt(K), POUNDS]]),
    (
        "money",
        "pounds_pence",
        [[NUM, POUNDS, opt(w("and")), NUM, opt(PENCE)], [POUND_SIGN, NUM, opt(w("and")), NUM, PENCE]],
    ),
    ("money", "pence", [[NUM, PENCE]]),
    (
        "money",
        "rate",
        [
            [opt(POUND_SIGN), NUM, opt(K), w("ph", "pw", "pcm", "pa", "pd")],
            [
                opt(POUND_SIGN),
                NUM,
                opt(K),
                opt(PENCE),
                SLASH,
                w(
                    *PERIOD_WORDS["hour"],
                    *PERIOD_WORDS["week"],
                    *PERIOD_WORDS["month"],
                    *PERIOD_WORDS["year"],
                    *PERIOD_WORDS["visit"],
                    "a",
                ),
            ],
        ],
    ),
    ("money", "slang", [[opt(w("a")), w("fiver", "tenner")]]),
    # per: the period a cost is said per. '_abbr' ones count only right after an amount.
    ("per", "hour", [[PER, HOURS], [w("hourly")], [PENCE, SLASH, HOURS], [w("the"), HOURS]]),
    ("per", "hour_abbr", [[w("ph")]]),
    ("per", "week", [[PER, w("week", "weeks")], [w("weekly")], [PENCE, SLASH, w("week")]]),
    ("per", "week_abbr", [[w("pw")]]),
    (
        "per",
        "4 weeks",
        [
            [w("every", "each", "per", "a", "/", "for"), w("4", "four"), w("weeks", "week")],
            [w("4", "four"), opt(w("-")), w("weekly")],
        ],
    ),
    ("per", "month", [[PER, w("month", "months")], [w("monthly", "pcm")], [w("calendar"), w("month")]]),
    ("per", "month_abbr", [[w("pm")]]),
    (
        "per",
        "year",
        [
            [PER, w("year", "years", "annum")],
            [w("yearly", "annually")],
            [PENCE, SLASH, w("a")],
            [w("for"), w("the"), opt(w("whole", "full", "entire")), w("year")],
            [w("for"), w("one", "1"), w("year")],  # '30 pound for one year'
        ],
    ),
    ("per", "year_abbr", [[w("pa")]]),
    ("per", "visit", [[PER, w(*PERIOD_WORDS["visit"])], [w("daily")], [w("daily"), w("rate")]]),
    (
        "per",
        "one-off",
        [
            [w("one", "1"), opt(w("-")), w("off")],
            [w("oneoff")],
            [w("once"), w("only")],
            [w("one", "1"), opt(w("-")), w("time"), w("payment", "cost", "fee", "purchase", "charge")],
            [w("single", "lump"), w("payment", "purchase", "cost", "sum")],
            [w("just"), w("once")],
            [opt(w("just")), w("the"), w("once")],
            [w("one", "1"), w("time")],
            [w("to"), w("buy")],
            [w("paid", "pay"), w("once")],
            [w("in"), w("one"), w("go", "payment", "lump")],
            [w("one", "1"), w("payment")],
            [w("lump"), w("sum")],
        ],
    ),
    # duration
    ("duration", "hours", [[NUM, HOURS]]),
    ("duration", "hours_an", [[FRACTION, opt(w("of")), w("a", "an"), HOURS]]),
    ("duration", "an_hour", [[w("a", "an"), HOURS]]),
    ("duration", "hours_and_fraction", [[w("a", "an"), HOURS, w("and"), NUM], [NUM, HOURS, w("and"), NUM]]),
    ("duration", "hours_minutes", [[NUM, HOURS, NUM, opt(MINUTES)], [NUM, HOURS, w("and"), NUM, MINUTES]]),
    ("duration", "minutes", [[NUM, MINUTES]]),
    # freq: how often
    (
        "freq",
        "count_per",
        [[COUNT_WORD, PER_ANY, FREQ_UNIT], [NUM, TIMES, PER_ANY, FREQ_UNIT], [X, NUM, PER_ANY, FREQ_UNIT]],
    ),
    ("freq", "count_adverb", [[COUNT_WORD, FREQ_ADVERB], [NUM, TIMES, FREQ_ADVERB], [X, NUM, FREQ_ADVERB]]),
    ("freq", "count", [[COUNT_WORD], [NUM, TIMES], [X, NUM]]),
    (
        "freq",
        "days_per",
        [
            [NUM, OCCASIONS, PER_ANY, w("week", "weeks", "fortnight", "month", "year")],
            [NUM, OCCASIONS, w("weekly", "fortnightly", "monthly")],
            # 'a day a week', 'an evening a fortnight': one occasion, not 'a day' as every day
            [w("a", "an"), OCCASIONS, w("a", "an", "per", "each", "every"), w("week", "fortnight", "month", "year")],
        ],
    ),
    # 'two evenings', '3 mornings' with no period: that many a week (not every evening)
    ("freq", "occasions_count", [[NUM, w(*_DAY_PARTS[2:])]]),
    ("freq", "every_n", [[w("every", "each"), NUM, FREQ_UNIT]]),
    (
        "freq",
        "every_n_adverb",
        [[_EVERY_NUM, opt(w("-")), w("weekly", "fortnightly", "monthly", "yearly", "annually")]],
    ),
    (
        "freq",
        "every_other",
        [
            [w("every", "each"), w("other", "second", "2nd", "alternate"), FREQ_UNIT],
            [w("every", "each"), w("other", "second", "2nd", "alternate"), WEEKDAY],
            [w("every", "each"), w("other", "second", "2nd", "alternate"), w("weekend")],
            [opt(w("on")), w("alternate"), FREQ_UNIT],
            [opt(w("on")), w("alternate"), WEEKDAY],
            [opt(w("on", "at")), w("alternate"), w("weekends")],
        ],
    ),
    ("freq", "monthly_weekday", [[ORD, WEEKDAY, w("of", "in"), opt(w("the", "each", "every", "a")), w("month")]]),
    ("freq", "unit", [[w("every", "each", "a", "per", "/"), FREQ_UNIT], [w("a quarter")]]),
    ("freq", "adverb", [[FREQ_ADVERB]]),
    ("freq", "everyday", [[w("everyday")]]),
    (
        "freq",
        "weekdays",
        [[opt(w("every", "each", "on")), w("weekdays", "weekday")], [w("week", "working"), w("days")]],
    ),
    ("freq", "weekends", [[opt(w("every", "each", "on", "at")), w("weekends", "weekend")]]),
    ("freq", "day_range", [[WEEKDAY, w("-", "to", "till", "til", "until", "thru", "through"), WEEKDAY]]),
    ("freq", "day_names", _listed(WEEKDAY, 7)),
    ("freq", "times_of_day", _listed(TIME_OF_DAY, 5)),
    # date
    (
        "date",
        "numeric",
        [
            [{"TEXT": {"REGEX": r"^\d{1,4}[./\\-]\d{1,2}[./\\-]\d{1,4}$"}}],
            [DIGITS_1_4, DATE_SEP, DIGITS_1_2, DATE_SEP, DIGITS_1_4],
        ],
    ),
    (
        "date",
        "day_month_year",
        [
            [opt(w("the")), ORD, opt(w("of")), MONTH, COMMA, APOSTROPHE, NUM, opt(NUM)],
            [DIGITS_1_2, opt(w("of")), opt(DATE_SEP), MONTH, opt(DATE_SEP), COMMA, APOSTROPHE, NUM, opt(NUM)],
        ],
    ),
    (
        "date",
        "month_day_year",
        [
            [MONTH, opt(w("the")), ORD, COMMA, APOSTROPHE, NUM, opt(NUM)],
            [MONTH, DIGITS_1_2, COMMA, APOSTROPHE, NUM, opt(NUM)],
        ],
    ),
)


def _pattern_words() -> frozenset:
    """Every word a pattern names: these are never treated as typos of one another."""
    words = set(FUZZY_TARGETS) | set(ALIASES.values())
    for _, _, patterns in PATTERNS:
        for pattern in patterns:
            for token in pattern:
                words.update(token.get("NORM", {}).get("IN", []))
    return frozenset(words)


_KNOWN_WORDS = _pattern_words()

# ---------------------------------------------------------------- building it
_PREFIXES = (r"-(?=[£$€\d.])", r"[−–](?=[£$€\d.])", r"x(?=\d)")
_INFIXES = (
    r"(?<=\d)(?=[A-Za-z£$€])",
    r"(?<=[½¼¾])(?=[A-Za-z])",
    r"(?<=\d)[-–](?=[A-Za-z£$€])",
    r"(?<=[A-Za-z])-(?=\d)",
    r"(?<=[£$€%])/(?=[A-Za-z])",
    r"(?<=[A-Za-z])(?=\d)",
)
#: spaCy's English exceptions that split words the patterns need whole ('wed' → 'we', 'd')
_UNSPLIT = frozenset({"wed"})
_LOCK = threading.Lock()
_NLP: Optional["Language"] = None


#: what thinc tries to import for models a blank pipeline never runs (each import is optional)
_UNUSED_BY_A_BLANK_PIPELINE = ("tensorflow", "h5py")
#: the one part of spaCy's command line that `import spacy` loads (for `spacy.info`); with it come
#: typer, click and pkg_resources, which the figure parsers never use (about 6 MB in the action server)
_SPACY_INFO = "spacy.cli.info"


def _spacy_info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`, loading spaCy's command line only when someone calls it."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def _import_spacy() -> Any:
    """spaCy, imported without letting thinc probe TensorFlow and h5py (seconds and about 300 MB
    that a blank pipeline never uses) and without its command line (`spacy.info` loads it when
    called), unless TensorFlow is already loaded (as in the Rasa server)."""
    if "spacy" in sys.modules or "tensorflow" in sys.modules:
        import spacy

        return spacy
    blocked = [name for name in _UNUSED_BY_A_BLANK_PIPELINE if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]  # makes `import name` fail fast
    sys.modules[_SPACY_INFO] = ModuleType(_SPACY_INFO)
    sys.modules[_SPACY_INFO].info = _spacy_info  # type: ignore[attr-defined]
    try:
        import spacy
    finally:
        for name in blocked:
            if sys.modules.get(name, False) is None:
                del sys.modules[name]
        del sys.modules[_SPACY_INFO]  # a later `import spacy.cli` gets the real one
    return spacy


def english_stop_words() -> frozenset:
    """spaCy's English stop words, with spaCy imported as `_import_spacy` does."""
    _import_spacy()
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _merge_numbers(doc: "Doc") -> "Doc":
    """Merges each number into one token and records its value ('two and a half' → 2.5)."""
    words = [t.lower_ for t in doc]
    spaced = [bool(t.whitespace_) for t in doc]
    readings = []
    i = 0
    while i < len(doc):
        reading = read_number(words, i, spaced)
        if reading is None:
            i += 1
            continue
        readings.append(reading)
        i = reading.end
    with doc.retokenize() as retokenizer:
        for reading in readings:
            if reading.end - reading.start > 1:
                retokenizer.merge(doc[reading.start : reading.end])
    by_start = {doc_start: reading for doc_start, reading in zip(_starts(doc, readings), readings, strict=False)}
    for token in doc:
        reading = by_start.get(token.i)
        if reading is not None:
            token._.sp_num = reading.value
            token._.sp_is_num = not reading.ordinal
            token._.sp_is_ord = reading.ordinal
            token._.sp_is_fraction = not reading.ordinal and 0 < abs(reading.value) < 1
    return doc


def _canonical_norms(doc: "Doc") -> "Doc":
    """Sets each token's NORM to its canonical word (`._.sp_canon`), for the Matcher."""
    for token in doc:
        token.norm_ = token._.sp_canon
    return doc


def _starts(doc: "Doc", readings: List[Any]) -> Iterable[int]:
    """Token indexes of the merged readings (each merge shifts later tokens left)."""
    shift = 0
    for reading in readings:
        yield reading.start - shift
        shift += reading.end - reading.start - 1


class _FigureFinder:
    """The pipeline component that runs the Matcher and puts each group's matches in doc.spans."""

    def __init__(self, nlp: "Language") -> None:
        from spacy.matcher import Matcher

        self.matcher = Matcher(nlp.vocab)
        self.group_of: Dict[int, str] = {}
        for group, name, patterns in PATTERNS:
            self.matcher.add(name, patterns)
            self.group_of[nlp.vocab.strings[name]] = group

    def __call__(self, doc: "Doc") -> "Doc":
        from spacy.tokens import Span
        from spacy.util import filter_spans

        found: Dict[str, list] = {group: [] for group in GROUPS}
        for match_id, start, end in self.matcher(doc):
            found[self.group_of[match_id]].append(Span(doc, start, end, label=match_id))
        # '£90 weekly' is £90 a week, not every 90 weeks
        found["freq"] = [s for s in found["freq"] if s.label_ != "every_n_adverb" or not overlaps(s, found["money"])]
        for group, spans in found.items():
            doc.spans[group] = sorted(filter_spans(spans), key=lambda span: span.start)
        return doc


def _build() -> "Language":
    spacy = _import_spacy()
    from spacy.language import Language
    from spacy.tokens import Token
    from spacy.util import compile_infix_regex, compile_prefix_regex

    for name, default in (("sp_num", None), ("sp_is_num", False), ("sp_is_ord", False), ("sp_is_fraction", False)):
        if not Token.has_extension(name):
            Token.set_extension(name, default=default)
    if not Token.has_extension("sp_canon"):
        Token.set_extension("sp_canon", getter=lambda token: canonical(token.text))
    if not Language.has_factory("support_plan_numbers"):
        Language.component("support_plan_numbers")(_merge_numbers)
    if not Language.has_factory("support_plan_norms"):
        Language.component("support_plan_norms")(_canonical_norms)
    if not Language.has_factory("support_plan_figures"):
        Language.factory("support_plan_figures", func=lambda nlp, name: _FigureFinder(nlp))

    nlp = spacy.blank("en")
    nlp.tokenizer.prefix_search = compile_prefix_regex((*_PREFIXES, *nlp.Defaults.prefixes)).search
    nlp.tokenizer.infix_finditer = compile_infix_regex((*nlp.Defaults.infixes, *_INFIXES)).finditer
    nlp.tokenizer.rules = {text: rule for text, rule in nlp.tokenizer.rules.items() if text.lower() not in _UNSPLIT}
    nlp.add_pipe("support_plan_numbers")
    nlp.add_pipe("support_plan_norms")
    nlp.add_pipe("support_plan_figures")
    return nlp


#: how many new strings (words people typed) the pipeline may learn before it is built afresh.
#: spaCy keeps every string it has seen in its vocabulary (about 1 KB each, never freed), so a
#: server reading people's messages for months would otherwise grow without end.
MAX_LEARNED_STRINGS = 20_000
#: how many strings the current pipeline held when it was built
_BUILT_WITH = 0


def _outgrown(nlp: Optional["Language"]) -> bool:
    return nlp is None or len(nlp.vocab.strings) > _BUILT_WITH + MAX_LEARNED_STRINGS


def get_nlp() -> "Language":
    """The pipeline, built on first use and shared by every parser in the process; built afresh
    (and `analyse`'s cache emptied) once it has learned MAX_LEARNED_STRINGS new strings. A Doc
    made before stays readable: it keeps the vocabulary it was made with."""
    global _NLP, _BUILT_WITH
    if _outgrown(_NLP):
        with _LOCK:
            if _outgrown(_NLP):
                _NLP = _build()
                _BUILT_WITH = len(_NLP.vocab.strings)
                analyse.cache_clear()
    return cast("Language", _NLP)


#: figures nobody means and no parser should half-read: '1e400' (read as 1), 30-digit amounts
#: (whose '… an hour' would otherwise be taken as one hour)
_UNREADABLE_FIGURE = re.compile(r"\d[eE][+-]?\d|\d{%d,}" % (MAX_DIGITS + 1))


@lru_cache(maxsize=512)
def analyse(text: str) -> "Doc":
    """The parsed text (cached: a form answer is often read by several parsers). Treat as read-only.
    A text holding a figure no one could mean is read as holding no figures at all, so every
    parser says it could not find one and the person is asked again. Long runs of punctuation
    are cut first (bot/parsing/normalise.py), keeping every character's place."""
    text = collapse_runs(text or "")
    if _UNREADABLE_FIGURE.search(text):
        return get_nlp()("")
    return get_nlp()(text)


def rate_periods(doc: "Doc") -> List["Span"]:
    """The periods said right after an amount of money ('£15 an hour', '£50 a day'): these say
    what a cost is per, so they are not durations or how often something happens."""
    ends = {span.end for span in doc.spans["money"]}
    return [span for span in doc.spans["per"] if span.start in ends]


#: words that rule out the period or how often after them: 'not weekly', "isn't monthly", 'never paid yearly'
_NEGATIONS = frozenset({"not", "never", "n't", "nt", "without"})
#: words that may stand between such a word and the period: 'not paid weekly'
_PAID = frozenset({"paid", "charged", "billed", "payable", "due"})
_ARTICLES = frozenset({"a", "an", "per", "every", "each", "/"})


def ruled_out(span: "Span") -> bool:
    """A period or how often said only to deny it: 'not weekly', 'not paid monthly', 'no monthly payments'.
    'No' counts only straight before a bare period word: in '£30 a week, no a month' it is a
    change of mind, which cost_doubts.settled_period deals with."""
    i = span.start - 1
    while i >= 0 and span.doc[i]._.sp_canon in _PAID:
        i -= 1
    if i < 0:
        return False
    before = span.doc[i]._.sp_canon
    return before in _NEGATIONS or (before == "no" and i == span.start - 1 and span[0]._.sp_canon not in _ARTICLES)


def overlaps(span: "Span", others: Iterable["Span"]) -> bool:
    return any(span.start < other.end and other.start < span.end for other in others)


#: a plain number followed by one of these counts something or is a length of time
COUNTED_AFTER = frozenset(
    {
        "hour",
        "hours",
        "minute",
        "minutes",
        "times",
        "time",
        "day",
        "days",
        "night",
        "nights",
        "week",
        "weeks",
        "fortnight",
        "fortnights",
        "month",
        "months",
        "year",
        "years",
        "visit",
        "visits",
        "session",
        "sessions",
        "people",
        "person",
        "children",
        "kids",
        "grandchildren",
        "%",
        "percent",
        "am",
        "pm",
        "miles",
        "mile",
        "o'clock",
        "st",
        "nd",
        "rd",
        "th",
        "morning",
        "mornings",
        "evening",
        "evenings",
        "year-old",
        "yo",
        "stone",
        "kg",
    }
)
_DETERMINERS = frozenset({"the", "this", "that", "which", "any", "every", "each", "no", "another", "other"})


def bare_number(doc: "Doc", busy: Iterable["Span"], not_after: Iterable[str]) -> Optional["Span"]:
    """The first plain number outside the `busy` spans and not followed by a word in `not_after`.
    Number words count only when they can be a figure ('twenty', not 'the one', 'one of them')."""
    busy, not_after = list(busy), frozenset(not_after)
    for token in doc:
        if not token._.sp_is_num or overlaps(doc[token.i : token.i + 1], busy):
            continue
        following = doc[token.i + 1]._.sp_canon if token.i + 1 < len(doc) else ""
        previous = doc[token.i - 1]._.sp_canon if token.i > 0 else ""
        in_words = not any(c.isdigit() for c in token.text)
        if following in not_after or (
            in_words and (following == "of" or previous in _DETERMINERS or abs(token._.sp_num) < 1)
        ):
            continue
        return doc[token.i : token.i + 1]
    return None


__all__ = [
    "COUNTED_AFTER",
    "GROUPS",
    "PATTERNS",
    "analyse",
    "bare_number",
    "canonical",
    "get_nlp",
    "overlaps",
    "rate_periods",
]
