"""Whether a reply to "What would you like to change or be able to do?" is an outcome, or a
question or remark about the question that must not be recorded as one.

A message is read clause by clause (split at ? . ! ; , and a dash between spaces). A clause is
- a question about the question: what it means ("what do you mean?", "wots an outcome", "eh?",
  "can u give me an example"), why it is asked ("why do you need to know", "what's this for") or
  how many outcomes to give ("how many can I put");
- unsure ("I don't know", "not sure", "dunno what to say", "can't think of anything");
- a filler on its own ("hmm", "sorry", "thanks");
- or what the person wants, in their own words.

The message is an outcome when any clause says what the person wants and no clause asks about the
question, or when a clause that asks is beside one that plainly says what they want ("what do
you mean? I want to get out more"); the outcome is then the message without the clauses that ask,
are unsure or are fillers. Words that only look like a question inside an outcome do not make it
one: "I want to know how to cook again", "learn what's on in my area", "help me understand my
bills", "Why can't I go swimming like I used to - I want to go swimming again". A question about
anything else (a budget, the council) is left to the FAQ detour, which hears it before the answer
is read (actions/forms/detours.py); what reaches here and is not about the question is read as an
outcome, as before.

Pure: no Rasa, no spaCy; each message is read in time linear in its length (at most 1,000
characters arrive, bot/channels/limits.py).
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from typing import List, Optional, Tuple


class OutcomeReply(enum.Enum):
    OUTCOME = "outcome"
    #: what the question means, or an example ("what do you mean?", "like what?", "eh?")
    ASKS_MEANING = "asks_meaning"
    #: why it is asked ("why do you need to know", "what's this for")
    ASKS_WHY = "asks_why"
    #: how many outcomes to give ("how many can I put", "is there a limit")
    ASKS_HOW_MANY = "asks_how_many"
    #: the person does not know yet ("I don't know", "not sure", "hmm")
    UNSURE = "unsure"


@dataclass(frozen=True)
class OutcomeReading:
    kind: OutcomeReply
    #: the outcome in the person's words (only for OUTCOME): the message without the clauses that
    #: ask about the question, are unsure or are only fillers
    outcome: str = ""

    @property
    def is_outcome(self) -> bool:
        return self.kind is OutcomeReply.OUTCOME


# Text-message spellings of the words the patterns are made of.
_YOU = r"(?:you|u|ya|yu|ye|yoo)"
_WHAT = r"(?:what|wat|wot|wht|whut|wut|wha)"
_WHATS = rf"(?:{_WHAT}'?s|{_WHAT} is|{_WHAT} are|{_WHAT} r)"
_DO = r"(?:do|does|did|d|du)"
_DONT = r"(?:don'?t|dont|do not|dnt|didn'?t|didnt|doesn'?t|doesnt|dun)"
_I = r"(?:i|i'?m|im|i am)"
_CAN = r"(?:can|could|cud|cn|would|will|may)"
_WHY = r"(?:why|y|wy|whys|why'?s)"
_OUTCOME = r"(?:outcomes?|outcum|outcom|out come|goals?|achieve)"

_MEANING = re.compile(
    "|".join(
        (
            rf"\b{_WHAT} (?:{_DO} )?{_YOU} (?:mean|meen|mena|meant)\b",
            r"\bw(?:d|u)?ym\b",
            rf"\b{_WHAT} (?:{_DO} |'?s |is )?(?:that|this|it|tht|dat|dis) (?:mean|meen)\b",
            rf"\b{_WHAT}(?:'?s| {_DO}| is) (?:\S+ ){{1,3}}mean\b",  # "what does achieve mean"
            rf"\b(?:{_WHATS}|{_WHAT}) (?:an? |the )?{_OUTCOME}\b",
            rf"\bmean(?:s|t)? by (?:an? |the )?(?:{_OUTCOME}|that|this|it|change)\b",
            rf"\bdefine (?:an? |the )?{_OUTCOME}\b",
            # an example, asked for
            r"\b(?:give|gimme|giv|show|tell) (?:me |us )?(?:an? |some |any |1 |one |more )?"
            r"(?:examples?|exsamples?|egs?|ideas?|suggestions?)\b",
            rf"\b{_WHAT} (?:kind|kinds|sort|sorts|type|types) of (?:thing|things|stuff|answer|answers|{_OUTCOME})\b",
            rf"\b{_WHAT} (?:{_DO}|would|will|should|might|have|did) (?:other |most )?(?:people|others|ppl) "
            r"(?:say|said|put|write|written|usually)\b",
            rf"\b{_WHAT} (?:{_DO}|did) {_YOU} (?:just )?(?:say|ask|said|asked)\b",
            rf"\b{_WHAT} (?:was|is|'?s) (?:the|that|your|ur) question\b",
            r"\bhelp (?:with|on|answering|to answer) (?:this|that|the|your) question\b",
            rf"^{_WHAT} (?:{_DO} )?{_YOU} (?:think|reckon|suggest)$",
            rf"\b{_CAN} {_YOU} suggest\b",
            # what to answer
            rf"\b{_WHAT} (?:should|shall|do|can|am|must|sud|shud|shld|d|have) (?:{_I} )?"
            r"(?:(?:meant|supposed|sposed|ment) to |to |have to |need to )?(?:say|put|write|answer|type|tell (?:you|u)|rite)\b",
            rf"\b{_WHAT} (?:{_DO} )?{_YOU} (?:want|need|wanna|expect)(?: me)?(?: to)?(?: (?:say|put|write|hear|know|tell (?:you|u)))?$",
            r"\bhelp me (?:think|come up with (?:something|an answer|one|some)|out|with (?:this|that|it|the question|an answer)|"
            r"answer (?:this|that|it|the question))$",
            # not understanding
            rf"^(?:(?:sorry|but|ok|okay|um+|erm+|oh|i|still|just|really|honestly) )*"
            rf"(?:{_DONT}|not|no|never|can'?t|cant|cannot|{_I} not) (?:really |quite |fully |still )?"
            r"(?:understand|understnd|undastand|understan|understanding|get it|get you|get u|follow|folow|following)"
            r"(?: (?:the question|that question|the questions|what (?:you|u) mean|what (?:you|u) want|what (?:you|u) are asking|"
            r"what (?:you|u)'?re asking|that|this|it|you|u|sorry|at all|really|mate))*$",
            rf"^(?:{_I} )?(?:am |'?m )?(?:so |really |a bit |bit |very |totally |a little )?(?:confused|confuzed|lost)$",
            rf"\b(?:{_CAN}|pls|please) (?:{_YOU} )?(?:explain|rephrase|say (?:it|that) (?:again|differently|another way|simpler))\b",
            r"^(?:please )?explain(?: (?:that|this|it|please|pls|more|again))?$",
            r"\b(?:say|put) (?:it|that) (?:another|a different) way\b|\bin plain english\b",
            r"\b(?:say|repeat) (?:that|it|the question) again\b",
        )
    ),
    re.IGNORECASE,
)
#: a clause that is only a question word, a sound or a request for an example ("eh", "pardon",
#: "what", "for example"): it asks what the question means, unless the message says more
_BARE_MEANING = re.compile(
    rf"(?:sorry |um+ |erm+ |er |ok |okay |so )?(?:pardon(?: me)?|eh|ay|ey|huh|{_WHAT}|you what|come again|say again|repeat|"
    rf"meaning|what now|sorry {_WHAT}|{_WHAT} sorry|{_OUTCOME}|an? {_OUTCOME}|the {_OUTCOME}|change or achieve|"
    r"(?:an? |some |any |more |for |give )?(?:examples?|exsamples?|exampels?|eg|e\.g|ideas|suggestions)(?: please| pls| plz)?|"
    rf"(?:like|such as)(?: {_WHAT})?)",
    re.IGNORECASE,
)
#: sounds that ask only when they end with a question mark ("sorry?", "hmm?")
_ASKED_SOUND = re.compile(r"(?:sorry|hm+|um+|erm+|and|so|really|which|how|ok|okay|right|er|oh)", re.IGNORECASE)

_WHY_ASKED = re.compile(
    "|".join(
        (
            rf"\b{_WHY} (?:{_DO} |would |are |r |is |must |should |'?re )?{_YOU} "
            r"(?:need|want|wanna|ask|asking|askin|nd|wnt|need 2|want 2)\b",
            rf"\b{_WHY} (?:is|does|do) (?:this|that|it|dis) (?:matter|needed|need|important|relevant|count)\b",
            rf"\b{_WHY} {_DO} {_I} (?:need|have|hav|got) (?:to|2) (?:say|tell|answer|do|put)\b",
            rf"\b{_WHY} (?:this|that) question\b",
            rf"\b(?:{_WHATS}|{_WHAT}) (?:this|that|it|dis|all this) for\b",
            rf"^(?:{_WHAT}|and|but) for$",
            r"\b(?:what'?s|whats|what is) the point of (?:this|that|these|the) (?:question|questions|bit|part)\b",
            rf"\b{_DO} {_I} (?:have|need|hav) (?:to|2) (?:answer|say|tell (?:you|u)|do) (?:this|that|it)\b",
            rf"\b(?:{_WHAT}|who) (?:will |is going to |does |do )?(?:happen|happens|use|uses|see|sees|read|reads) "
            r"(?:with |to )?(?:this|that|it|my answers?)\b",
            rf"\b{_WHAT} (?:will|do|are|r) (?:{_YOU}|they|the council) (?:do|doing|going to do) with (?:this|that|it|my answers?)\b",
        )
    ),
    re.IGNORECASE,
)
_BARE_WHY = re.compile(rf"(?:but |and |ok |okay |so )?(?:{_WHY}|how come)(?: tho| though)?", re.IGNORECASE)

_HOW_MANY = re.compile(
    "|".join(
        (
            r"\bhow (?:many|mny|meny|manny)(?=$| (?:can|cn|should|shud|do|d|shall|could|may|am|is|are|r|things|outcomes?|"
            r"ones|answers|goals|of (?:them|these|those)|i|we|you|u|want)\b)",
            r"\bis there (?:a|any) (?:limit|maximum|max|minimum|min)\b|\b(?:limit|maximum|max) (?:on|to) (?:how many|the number)\b",
            rf"\b{_CAN} {_I} (?:put|say|have|give|add|list|name|pick|choose|write|tell (?:you|u)) "
            r"(?:more than (?:one|1)(?: thing)?|a few|lots|loads|several|many|two|2|three|3|as many as i (?:like|want)|a list|"
            r"them all|all of them)(?: (?:things|outcomes|of them|please|pls|then))?$",
            r"^(?:just |only )?(?:one|1) or (?:more|many|lots|several|two|2)$",
            rf"\b{_DO} {_I} (?:put|say|give|list) (?:them )?(?:all )?at once\b",
        )
    ),
    re.IGNORECASE,
)

_UNSURE = re.compile(
    r"(?:(?:um+|erm+|er+|hm+|uh+|well|oh|sorry|honestly|ok|okay|so|i mean) )*"
    rf"(?:{_I} )?(?:really |just |honestly |genuinely |still |totally |tbh )?"
    rf"(?:{_DONT} (?:really |even )?(?:know|kno|knw|no|now)|dunno+|dno|duno|idk|ikd|no idea|no idear|not a clue|no clue|"
    r"(?:i )?(?:haven'?t|havent|have not|ain'?t) (?:got )?(?:a|any) (?:clue|idea)|not sure|not shure|nt sure|not suer|"
    r"not (?:too |so |really |that )sure|not certain|unsure|uncertain|(?:i )?(?:can'?t|cant|cannot|can not) think|"
    r"(?:i )?(?:can'?t|cant|cannot) say|hard to say|difficult to say|who knows|good question|no thoughts|"
    r"(?:i'?m |im |i am )?stuck|let me think|(?:i )?need (?:to|2) think|(?:i'?ll|ill|i will) (?:have to )?think(?: about it)?|"
    r"thinking|give me a (?:minute|min|sec|second|moment)|hang on|not really|nothing comes to mind|"
    r"(?:i )?(?:have|got|i'?ve got|i'?ve|ive) no idea|pass|(?:you|u) tell me|(?:you|u) choose|(?:you|u) decide|up to (?:you|u))"
    r"(?: (?:what to (?:say|put|write|answer|choose|pick|ask for|tell (?:you|u))|what (?:i|id|i'?d|i would|i will) (?:want|need|like)|"
    r"what (?:would|will|could|might) help|about (?:that|this|it)|of (?:anything|any|owt|something)(?: else)?|anything(?: else)?|"
    r"any(?: more)?|really|tbh|to be honest|honestly|yet|at the moment|right now|atm|now|sorry|mate|love|lol|haha|though|tho|"
    r"either|to be fair|tbf|what i need|off hand|offhand|hmm+|um+|erm+))*",
    re.IGNORECASE,
)
_FILLER = re.compile(
    r"(?:um+|erm+|er+|uh+|hm+|m+|well|oh|ah+|so|sorry|soz|honestly|to be honest|tbh|ok|okay|right|lol|haha+|i mean|"
    r"mate|love|really|just|i think|think|thanks|thank you|thanx|thx|cheers|ta|please|pls|plz|hello|hi|hiya|maybe|"
    r"perhaps|good|great|fine|cool|hey|anyway|oh dear|oh well|sure|alright|and|but|also)",
    re.IGNORECASE,
)
#: what says plainly what the person wants, so a question beside it does not stop it being recorded
_WANTS = re.compile(
    r"\b(?:want|wants|wanna|wnt|need|needs|would like|'?d like|like to|love to|hope to|wish|to be able|be able|able to|"
    r"used to|get back|go back|help me|help with|help to|learn|start|keep)\b",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"[^?.!;,]*[?.!;,]*")
_DASH = re.compile(r"\s[-–—]+\s")


def _clauses(text: str) -> List[Tuple[str, bool, str]]:
    """(the clause's words, whether it ends in a question mark, the clause as typed)."""
    found = []
    for part in _DASH.split(text):
        for match in _CLAUSE.finditer(part):
            typed = match.group(0)
            if typed:
                found.append((" ".join(typed.strip(" ?.!;,\"'").split()).lower(), "?" in typed, typed.strip()))
    return found


def _asks(words: str, asked: bool) -> Optional[Tuple[OutcomeReply, bool]]:
    """What the clause asks about the question, if anything, and whether the clause is only a
    question word or a sound (which asks only when nothing else is said)."""
    if _HOW_MANY.search(words):
        return OutcomeReply.ASKS_HOW_MANY, False
    if _WHY_ASKED.search(words):
        return OutcomeReply.ASKS_WHY, False
    if _BARE_WHY.fullmatch(words):
        return OutcomeReply.ASKS_WHY, True
    if _MEANING.search(words):
        return OutcomeReply.ASKS_MEANING, False
    if _BARE_MEANING.fullmatch(words) or (asked and (not words or _ASKED_SOUND.fullmatch(words))):
        return OutcomeReply.ASKS_MEANING, True
    return None


def _only_fillers(words: str) -> bool:
    return not words or bool(_FILLER.fullmatch(words)) or all(_FILLER.fullmatch(word) for word in words.split())


def read_outcome_reply(text: str) -> OutcomeReading:
    """What a reply to the outcomes question is (see the module docstring)."""
    said = (text or "").replace("’", "'").replace("‘", "'").strip()
    asking: Optional[OutcomeReply] = None
    only_sounds: Optional[OutcomeReply] = None
    unsure = False
    kept: List[str] = []
    wants = False
    for words, asked, typed in _clauses(said):
        asks = _asks(words, asked)
        if asks is not None and not asks[1]:
            asking = asking or asks[0]
        elif asks is not None:
            only_sounds = only_sounds or asks[0]
        elif _UNSURE.fullmatch(words):
            unsure = True
        elif not _only_fillers(words):
            kept.append(typed)
            wants = wants or bool(_WANTS.search(words))
    if kept and (asking is None or wants):
        if asking is None and only_sounds is None and not unsure:
            return OutcomeReading(OutcomeReply.OUTCOME, said)  # the person's own words, as typed
        return OutcomeReading(OutcomeReply.OUTCOME, " ".join(kept).strip(" ,;:-–—"))
    reply = asking or only_sounds
    return OutcomeReading(OutcomeReply.UNSURE if reply is None else reply)
