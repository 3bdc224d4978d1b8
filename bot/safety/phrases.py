"""The maintained list of phrases that show risk of harm, abuse, neglect, self-harm or crisis,
and of phrases that ask for a person.

Two lists:
- RISK phrases are clear enough alone: a match is answered with signposting at once, wherever
  the person is in the plan (a false alarm costs a kind message; a miss could cost a life).
- CONCERN cues are words that often come with risk but also turn up in ordinary plan answers
  ("on the floor", "nobody comes", "pills"). Alone they are not enough. The detector used them
  beside the intent model until the risk model (bot/nlu/risk_model.py) replaced it; they are
  kept for bot/safety/sweep.py's comparison with that old rule.

Messages are normalised first (lower case, apostrophes dropped, punctuation to spaces, common
text-message spellings written out), so the patterns below are written without apostrophes:
"dont", "cant", "im", "hes". Add a phrase with a case in tests/safety/labelled_messages.csv
(and check the false alarms there: `pytest tests/safety`)."""

from __future__ import annotations

import re
from typing import Dict, Iterable, Pattern

#: text-message spellings and contractions, written out before matching
_SMS_WORDS: Dict[str, str] = {
    "2": "to",
    "4": "for",
    "u": "you",
    "ur": "your",
    "r": "are",
    "n": "and",
    "wen": "when",
    "wiv": "with",
    "no1": "no one",
    "noone": "no one",
    "nobody": "no one",
    "nobodys": "no one has",
    "noones": "no one has",
    "wanna": "want to",
    "gonna": "going to",
    "gunna": "going to",
    "bin": "been",
    "meself": "myself",
    "myslef": "myself",
    "mysef": "myself",
    "misself": "myself",
    "ma": "my",
    "pls": "please",
    "plz": "please",
    "havnt": "havent",
    "hasent": "hasnt",
    "dnt": "dont",
    "cnt": "cant",
    "tabs": "tablets",
    "meds": "medication",
    "medicine": "medication",
    "nite": "night",
    "2day": "today",
}

NO_ONE = r"(?:no one|not anyone|not anybody)"
CANT = r"(?:cant|cannot|can not|couldnt|could not|unable to)"
NOT = r"(?:not|havent|hasnt|didnt|dont|doesnt|have not|has not|did not|do not|does not|never)"
#: who can do harm to someone: people in their life, or a pronoun
SOMEONE = (
    r"(?:he|she|they|hes|shes|theyre|someone|somebody|carers?|care workers?|staff|son|daughter|husband|wife|"
    r"partner|boyfriend|girlfriend|brother|sister|grandson|granddaughter|grandkids|nephew|niece|dad|mum|father|"
    r"mother|family|neighbou?r|lodger|man|woman|people|friend|son in law|daughter in law)"
)
#: whose care, money or body it is: the person's own, or someone they are writing about
WHOSE = r"(?:my|his|her|their|mums|dads)"
VICTIM = r"(?:me|him|her|them|my (?:mum|dad|mother|father|wife|husband|son|daughter|nan|gran|grandad|brother|sister))"
TIME_SPAN = r"(?:days?|weeks?|fortnight|since|yesterday|today|tonight|this morning|all day|all night|hours|ages|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d+)"

_RISK_PATTERNS = (
    # self-harm and suicide
    r"(?<!without )(?<!avoid )(?<!dont )(?<!not )\b(?:kill|hurt|harm|cut|hang|drown|poison|starve|burn)(?:ing|s)? (?:myself|my self)\b",
    r"\b(?:end|ending|take|taking|took)(?: of)? (?:it all|my (?:own )?life|my own)\b",
    r"\b(?:going to|want to|will|ill|might|gonna|to) end (?:it|things|everything)\b",
    r"\bending (?:it|things|everything)\b",
    r"\bsu[ie]?[cs]id",
    r"\bself ?harm",
    r"\b(?:dont|do not|never) want to (?:be here|live|go on|carry on|wake up|be alive|exist|be around)\b",
    r"\b(?:want|wants|wanted|ready|going) to die\b",
    r"\bwish (?:i|id) (?:was|were|could be) dead\b",
    r"\b(?:go to sleep|fall asleep|sleep) and (?:not|never) wake up\b",
    r"\bbetter off (?:\w+ ){0,4}(?:dead|gone|without me)\b",
    r"\bbetter without me\b(?! \w+ing)",
    r"\bgiv(?:e|es|ing|en) up on (?:everything|life|living|it all|myself)\b",
    r"\b(?:better|happier|easier) (?:off )?(?:\w+ ){0,3}(?:if|when) (?:i|im) (?:wasnt|werent|was not|were not|am not|was) (?:around|here|alive|gone|dead)\b",
    r"\b(?:want to|wish i could|going to) disappear (?:for good|forever|for ever|and never)\b",
    r"\b(?:cant|cannot|dont|do not) see (?:a|any) way out\b|\bno way out\b",
    r"\b(?:pills|tablets|medication|painkillers) (?:ready|saved|stored|hidden)\b",
    r"\bno (?:point|reason) (?:in |to )?(?:living|live|going on|go on|carrying on|carry on|being here|being alive|keep going|keep on)\b",
    r"\b(?:life|living) (?:is not|isnt|not|aint) worth (?:living|it)\b",
    r"\bnot worth living\b",
    r"\boverdos|\bod(?:d|ed)? on\b",
    r"\btoo many (?:pills|tablets|medication|painkillers)\b",
    r"(?<!cant )(?<!cannot )\b(?:take|taking|took|taken|swallow(?:ed|ing)?) (?:all|the lot) (?:of )?(?:my |the )?(?:pills|tablets|medication|painkillers)\b",
    r"\b(?:stockpil\w*|sav(?:ed|ing) up|hoard\w*|collect\w*) (?:all )?(?:my |the )?(?:pills|tablets|medication|painkillers|insulin|morphine|paracetamol)\b",
    # hopelessness said without the usual words: wanting it all to stop, not being here, goodbyes, means
    r"\b(?:want|wants|wanting|wish|need) (?:it|everything|it all|all of this|all this|this|things) (?:all )?to (?:stop|end|be over)\b",
    r"\b(?:to )?not wake up (?:tomorrow|again|in the morning)\b|\bif i (?:didnt|did not|never) wake up\b|\bnot to wake up\b",
    r"\b(?:cant|cannot|can not) (?:do this|keep going|carry on|face (?:another day|any more|anymore|tomorrow|it any ?more)|take (?:it |this )?any ?more)\b",
    r"\b(?:wont|will not|not going to|not gonna) be (?:here|around) (?:much longer|for long|any ?more|at christmas)\b",
    r"\bnot (?:going to|gonna) be (?:here|around)\b(?! (?:on|at|in|for|next|this|when|til|until|till|tomorrow|today|to)\b)",
    r"\b(?:me|myself) not (?:being|be) (?:here|around)\b|\bways? to (?:not be here|end it|do it without)\b",
    r"\bwont (?:be a|have to deal with me|need to worry about me)\b.{0,40}\b(?:much longer|after tonight|for long|soon)\b",
    r"\bthis is goodbye\b|\bsaid my goodbyes\b|\b(?:texted|sent|messaged) (?:me |us )?(?:a )?goodbye\b",
    r"\bhow many (?:tablets|pills|paracetamol|painkillers) (?:it would take|would it take|it takes|would kill)\b",
    r"\b(?:rope|noose) (?:in|ready|up)\b|\b(?:walk\w*|step\w*) into the (?:sea|river|traffic)\b|\bin front of (?:a|the) (?:train|lorry|bus|car)\b",
    r"\b(?:edge of|jump\w* off) (?:the )?(?:platform|bridge|cliff|roof)\b|\b(?:stand|standing|stood) on the bridge\b",
    r"\bdrive (?:the |my )?car into\b|\blet nature take its course\b|\bfade away\b|\bstop existing\b|\b(?:to )?not exist\b",
    r"\b(?:want|like|wish|ready) to (?:be gone|leave this world|let go)\b|\bno future for me\b|\btoo late for me\b",
    r"\bwhats the point (?:of me|in me|of my life|of living|of going on)\b|\bgiv(?:e|ing) up completely\b",
    r"\b(?:tired|sick) of (?:being here|being alive|living|life|it all)\b|\bhad enough of (?:this world|this life|life|living|everything|it all)\b",
    r"\bfinish (?:it all|everything|myself)\b|\btake myself out of (?:the picture|this world|it)\b",
    r"\b(?:only|one) reason (?:im|i am) still (?:here|alive|going)\b|\bbetter off out of it\b",
    r"\b(?:cant|cannot) (?:go on|carry on|take it|take this|cope)(?: any ?more| no more| like this)\b",
    r"\b(?:cant|cannot) go on\b(?! (?:the|a|an|my|his|her|holiday|holidays|long|walks?|trips?|outings?|days? out|buses|trains|my own|alone|on my own|it)\b)",
    r"\b(?:cant|dont|do not|cannot) see (?:the|any) point(?: any ?more| in (?:living|going on|anything)| of (?:living|going on|anything))\b",
    r"\bdone with (?:life|living|it all)\b",
    r"(?<!cant )(?<!cannot )(?<!hard to )(?<!able to )\bswallow(?:ed|ing)? (?:all|everything|the lot)\b",
    r"\bjump (?:off|from|in front of)\b",
    r"\b(?:goodbye|suicide) (?:letters?|notes?)\b",
    r"\b(?:cutting|cut|burning|scratching) (?:my |me )?(?:arms?|wrists?|legs?|skin)\b",
    # violence and abuse
    rf"\b{SOMEONE} (?:\w+ ){{0,3}}(?:hits?|hitting|hittin|beats?|beating|beat|punch\w*|kick\w*|slap\w*|shov\w*|chok\w*|"
    rf"strangl\w*|throttl\w*|batter\w*|bit|bites|kill|attack\w*|thump\w*|whack\w*) {VICTIM}\b",
    r"\b(?:hits?|hitting|hittin|beats?|beating|punch(?:es|ed|ing)?|kick(?:s|ed|ing)?|slap(?:s|ped|ping)?|chok(?:es|ed|ing)|"
    r"strangl\w*|throttl\w*|batter(?:s|ed|ing)?|thump(?:s|ed)?|burn(?:s|t|ed)?|scald(?:s|ed)?) me\b",
    r"\b(?:getting|being|been|got) (?:hit|beaten|beaten up|attacked|assaulted|punched|kicked|slapped)\b",
    rf"\b{SOMEONE} (?:\w+ ){{0,3}}(?:hurts?|hurting|hurt|harm(?:s|ed|ing)?) {VICTIM}\b",
    r"\b(?:push(?:es|ed|ing)?|shov(?:es|ed|ing)?) (?:me|him|her) (?:over|down|around|about|into|against|out of)\b",
    r"\bby the throat\b",
    r"\b(?:hits?|punch\w*|kick\w*|slap\w*|throw\w*|threw|smash\w*) (?:\w+ ){0,3}(?:and|then) (?:then )?(?:me|him|her)\b",
    r"\b(?:twist\w*|grab\w*|squeez\w*|yank\w*|wrench\w*) (?:my|his|her) (?:arms?|wrists?|hands?|neck|hair|ears?|fingers?)\b",
    r"\bthr(?:e|ea)?ten(?:s|ed|ing|in)?\b",
    r"\babus(?:e|es|ed|ing|ive)\b",
    r"\b(?:scared|afraid|frightened|terrified|petrified|fearful|feared) (?:of (?:him|her|them|he|she|"
    r"my (?:son|daughter|husband|wife|partner|carer|carers|brother|sister|grandson|granddaughter|nephew|niece|"
    r"dad|mum|boyfriend|girlfriend|neighbou?r|lodger|family)|what (?:he|she|they))|to (?:go|be) (?:home|at home)|"
    r"for my life|hes|shes|theyll|he will|she will|they will|he might|she might)",
    r"\b(?:im|i am|i feel|feel) (?:not|un) ?safe\b",
    r"\bnot safe (?:at|in my|with)\b",
    r"\b(?:dont|do not|never) feel safe\b(?! (?:in|on|using|getting|climbing|going|walking) (?:the |my )?(?:bath|shower|stairs|steps|toilet|out))",
    r"\bin danger\b",
    r"\btouch(?:es|ed|ing)? (?:me|him|her) (?:in a way|inappropriately|where|when|and|down there|private)",
    r"\bsexual(?:ly)? (?:abus|assault|touch)|\brap(?:e|es|ed|ing|ist)\b",
    r"\b(?:lock|locks|locked|locking|shuts?|shut) (?:me|him|her) (?:in|out|up|away)\b",
    r"\blocked (?:in|up) (?:my|the|his|her) (?:room|bedroom|house|flat)\b",
    r"\b(?:wont|will not|doesnt|dont|does not|do not|never) let (?:me|him|her) (?:out|go out|leave|see|have|use|eat|phone|call|speak)\b",
    r"\bbull(?:y|ies|ied|ying) (?:me|him|her)\b|\bbeing bullied\b",
    r"\brough with (?:me|him|her|my)\b",
    r"\b(?:shouts?|shouting|screams?|screaming|swears?|swearing|swore) at (?:me|him|her)\b",
    r"\bpull(?:s|ed|ing)? (?:my|his|her) hair\b",
    r"\b(?:gave|give|gives|left|leaves) (?:me |him |her )?bruises\b|\bbruises (?:from|where|after)\b",
    r"\b(?:tie|ties|tied) (?:me|him|her) (?:to|up|down)\b",
    r"\b(?:gets?|getting|got|turns?|turned) (?:really |very |so )?(?:nasty|violent|aggressive|physical) (?:with|if|when|at)\b",
    r"\b(?:calls?|called|calling) (?:me|him|her|them|my \w+) (?:stupid|useless|thick|fat|an idiot|a burden|names|horrible names)\b",
    r"\b(?:carers?|care workers?|staff|pa|personal assistant) (?:\w+ ){0,3}(?:drunk|smelled of drink|smells of drink|high on)\b",
    # money taken
    rf"\b(?:takes?|took|taken|taking|takin|steal(?:s|ing)?|stole|stolen|keeps?|kept|nick(?:s|ed|ing)?|pinch(?:es|ed|ing)?|"
    rf"emptie[sd]|emptying|control(?:s|led|ling)?) (?:all )?(?:of )?{WHOSE} "
    rf"(?:money|pension|benefits?|bank ?card|card|cash|bank|savings|purse|wallet|pin|account|stuff|things|belongings|valuables|jewell?ery|food)\b"
    r"(?! (?:in|to|into) the (?:bank|post office|shops?)| for (?:me|him|her)| to (?:pay|do|get|buy))",
    r"\bhelp(?:s|ed|ing)? (?:him|her|them)(?:self|selves)? to (?:my|his|her|their)\b",
    rf"\b(?:take|takes|took|taking|steal\w*|stole|nick\w*|pinch\w*) (?:\w+ ){{0,2}}(?:money|cash|pension|benefits) (?:from|out of) {WHOSE}\b",
    r"\b(?:steal(?:s|ing)?|stole|stolen|rob(?:s|bed|bing)?|nick(?:s|ed|ing)?) (?:from )?(?:me|him|her|my \w+)\b",
    r"\b(?:making|makes?|made|forc(?:es|ed|ing)|pressur\w+) (?:me|him|her) (?:to )?(?:give|hand|pay|sign|transfer|lend)\b",
    r"\b(?:card|money|account|pension) without (?:asking|permission|my)\b",
    r"\b(?:wont|will not|doesnt|does not|never) (?:give|let me have) (?:me )?(?:back )?(?:my|his|her) (?:money|pension|benefits?|bank ?card|card|cash|purse|wallet)\b",
    r"\b(?:asked|asks|asking|wants?|wanted|demand\w*) (?:me )?for (?:my )?pin\b",
    r"\bscam(?:med|mer|mers)?\b|\bconned\b",
    # neglect and crisis
    rf"\b{NO_ONE} (?:has |have |is |s |had )?(?:been|come|came|turned up|shown up|visited|checked|called|helped|washed|fed|changed|seen)\b.*\b{TIME_SPAN}\b",
    rf"(?<!\bif )(?<!\bwhen )(?<!\bcase )\b{NO_ONE} (?:comes|visits|helps|checks|cares|is coming|has helped|to help me)\b",
    rf"\b(?:carers?|care workers?|agency|anyone|anybody|any one|they|she|he) (?:\w+ )?{NOT} (?:been|come|came|turned up|shown up|visited|showed up|sent (?:anyone|anybody|someone|a carer))\b.*\b{TIME_SPAN}\b",
    rf"\bno (?:carers?|care workers?|help|visits?|one else) (?:has |have |had )?(?:been|come|came|turned up|arrived)\b.*\b{TIME_SPAN}\b",
    rf"\b{NOT} seen (?:a|my|any|the) (?:carers?|care workers?|anyone|any one|anybody|person|soul) (?:for|in|since)\b",
    r"\b(?:missing|missed|miss) (?:my |the |their |her |his )?(?:visits?|calls?)\b",
    r"\b(?:left|leaves?|leaving) (?:me |him |her |them )?(?:alone )?(?:(?:sitting|sat|lying|laid|stuck) )?(?:on the (?:toilet|floor|commode)|in (?:my|his|her|their) own mess|"
    r"soiled|wet|dirty|in (?:a |the )?(?:wet|dirty|soiled)|without (?:food|water|my medication|medication|tablets))\b",
    r"\bleft (?:me |him |her )?in bed (?:all day|for hours|for days)\b",
    r"\b(?:nothing|not anything|not had anything|havent had anything) to eat\b",
    rf"\b{NOT} (?:eaten|been fed|had (?:a meal|any food|food|anything to eat|my medication|medication|my tablets|her tablets|his tablets|insulin|my insulin))\b",
    rf"\b{NOT} had a (?:proper|hot|decent|real) meal (?:for|since|in) {TIME_SPAN}",
    r"\bstarv(?:ing|ed)\b",
    r"\b(?:no|without|out of) food\b",
    r"\b(?:run|ran|running) out of (?:my |her |his )?(?:medication|tablets|insulin|pills|food)\b",
    r"\b(?:no|without) (?:heating|water|electric\w*)\b.*\b(?:days?|week|freezing|cold)\b",
    r"\bheating (?:\w+ ){0,2}(?:off|broken|gone|not working)\b.*\b(?:days?|week|freezing)\b",
    r"\bfreezing\b.*\b(?:cant|no heating)\b",
    r"\b(?:lying|laying|lay|stuck|still|been|sat|sitting|im|i am|shes|hes|is) (?:still )?(?:lying )?on the floor\b",
    rf"\b(?:fallen|fell|fall|fallen over|on the floor)\b.{{0,60}}\b{CANT} (?:get up|move|stand|reach|lift)\b",
    rf"\b{CANT} get (?:up )?(?:off|from) the floor\b",
    rf"\b{CANT} breathe\b",
    rf"\b{CANT} (?:reach|get to) (?:my|the) (?:phone|pendant|alarm|button|cord)\b",
    r"\b(?:fallen|fell|had a fall)\b.{0,60}\b(?:stuck|trapped)\b",
    r"\b(?:bleeding|bleed) (?:badly|a lot|heavily)\b|\bhelp im bleeding\b|\bim bleeding\b",
    r"\bhomeless\b|\bsleep(?:ing)? (?:rough|on the streets?|in my car)\b|\bnowhere to (?:sleep|stay|live)\b",
    r"\b(?:sat|sitting|lying|left|been) in (?:a |my |the |his |her )?(?:soiled|dirty|wet|same) (?:pad|nappy|clothes|sheets|bed)\b",
    r"\bin (?:my|his|her) own mess\b",
    r"\bnegle?ct",
    r"\bin crisis\b",
)

_CONCERN_PATTERNS = (
    # harm to the body
    r"\b(?:hurt\w*|harm\w*|pain|bruis\w*|bleed\w*|blood|breath\w*|injur\w*|burn\w*|burnt|cuts?|wounds?)\b",
    r"\b(?:hit\w*|slap\w*|punch\w*|kick\w*|shov\w*|push\w*|grab\w*|twist\w*|throw\w*|threw|chok\w*|beat\w*|attack\w*|rough)\b",
    # fear and danger
    r"\b(?:scared|afraid|frightened|terrified|petrified|fear\w*|unsafe|danger\w*|threat\w*|shout\w*|scream\w*|nasty|stupid|useless|drunk|dropped)\b",
    # low mood
    r"\b(?:low|hopeless|despair\w*|worthless|burden|way out|any ?more|cope|coping|goodbyes?|enough|forever|tonight|nuisance)\b",
    # life and death
    r"\b(?:die|dies|dying|dead|death|kill\w*|suicid\w*|life|live|living|alive|exist|point|disappear\w*|gone|end\w*|done)\b",
    r"\b(?:pills|tablets|medication|overdos\w*|swallow\w*|cabinet)\b",
    # money and belongings
    r"\b(?:money|pension|cash|card|benefits?|savings|purse|wallet|pin|bank|stuff|things|steal\w*|stole\w*|took|taken|pay)\b",
    # neglect and crisis
    r"\b(?:food|eat|eaten|hungry|starv\w*|fed|feed|meal|cold|freezing|heating|water|dark|wet|soiled|dirty|mess)\b",
    r"\b(?:floor|fell|fallen|fall|stuck|trapped|reach|bathroom|toilet|streets?|nowhere|homeless)\b",
    r"\b(?:turned up|come|came|been) (?:\w+ )?(?:since|for|in) \w+\b",
)

#: everyday uses of concern words in plan answers: a concern word inside one of these does not
#: count (preventing a fall or a hospital stay, getting over one, figures of speech)
_ORDINARY_CONTEXT_PATTERNS = (
    # preventing: "so I don't fall", "in case she falls", "without being scared of falling"
    r"\b(?:so (?:that )?(?:i|he|she|they|we|mum|dad|\w+) (?:dont|do not|wont|will not|doesnt|does not|never|cant|cannot|is less likely to|am less likely to)|"
    r"in case (?:i|he|she|they|mum|dad)|without (?:being |feeling )?(?:scared|afraid|frightened|worried|nervous|anxious) (?:of|about)|"
    r"(?:stop|stops|prevent|prevents|keep|keeps) (?:me|him|her|them|mum|dad)(?: from)?|to (?:prevent|avoid|stop)|(?:less|not) likely to|risk of|"
    r"(?:scared|afraid|frightened|worried|nervous|anxious|fear) (?:of|about)|(?:dont|do not|never|wont) want to|not|less|fewer|no more|stop) "
    r"(?:\w+ ){0,4}?(?:fall\w*|fell|trip\w*|slip\w*|end(?:ing)? up (?:back )?(?:in|on) (?:the )?\w+|"
    r"go(?:ing)? (?:back )?(?:in|into) (?:hospital|a home|a care home|care))\b",
    # getting over something: "after my fall", "since my stroke", "I fell last year but I'm fine now"
    r"\b(?:after|since|from|following) (?:my|his|her|their|a|the|mums|dads) (?:last )?(?:fall|falls|stroke|operation|op|illness|hospital stay|time in hospital|accident)\b",
    r"\b(?:fell|fallen|had a fall|fall)\b.{0,60}\b(?:fine|ok|okay|alright|all right|better|recovered|back on my feet) now\b",
    r"\b(?:since|after|when|because|ever since) (?:i|he|she|they|mum|dad|my \w+) (?:fell|had a fall|slipped|tripped|broke)\b",
    # aches and pains that explain a need: "my feet hurt so I need a chiropodist", "pain in my back"
    r"\b(?:my|his|her|their) (?:feet|foot|back|knees?|legs?|hips?|hands?|arms?|shoulders?|joints?|neck|wrists?|fingers?|eyes|chest|stomach|tummy|teeth) "
    r"(?:hurts?|aches?|is sore|are sore|is painful|are painful|gives? (?:me|him|her) pain)\b",
    r"\b(?:pain|aches?|arthritis|stiffness) in (?:my|his|her|their) \w+\b|\b(?:back|knee|hip|leg|joint|nerve|chronic) pain\b",
    # help with medication is one of the commonest needs in a plan
    r"\b(?:help|helps|helping|reminders?|remind|reminding|prompts?|prompting|support|someone) (?:me |him |her )?(?:\w+ ){0,2}(?:taking |to take |with |take )?"
    r"(?:my |his |her |their )?(?:tablets|medication|pills|prescriptions?|eye drops|insulin)\b(?! (?:all|the lot))",
    r"\b(?:get|getting|build|building|feel|feeling) (?:\w+ ){0,2}(?:stronger|steadier|more confident|my confidence back)\b",
    # equipment and routines named by a concern word
    r"\bgrab (?:rails?|bars?|handles?)\b|\bfalls? (?:alarm|sensor|pendant|detector|prevention|clinic|class)\b",
    r"\b(?:pendant|care line|careline|lifeline) alarm\b",
    r"\b(?:takes?|took|taking|brings?|bringing|collects?|collecting|draws?|drawing|pays?|paying) (?:out )?(?:my|his|her|the) "
    r"(?:money|pension|cash|benefits|bills?|card) (?:in |out )?(?:to|from|at|into|in) (?:the )?(?:post office|bank|shops?|cash machine|atm)\b",
    r"\b(?:i|we|he|she|they|mum|dad) (?:\w+ )?(?:live|lives|living) (?:alone|on (?:my|his|her|their) own|by (?:my|him|her|them)self|"
    r"with|in|at|near|independently|a full life|a normal life|well)\b",
    r"\b(?:has|have|holds?|keeps?|uses?|looks? after) (?:my|his|her) (?:bank |debit |payment )?card (?:\w+ ){1,5}(?:shopping|shops|bills|groceries)\b",
    r"\b(?:live|living) (?:at home|(?:at|in) (?:my|his|her|their|our|the) (?:own )?(?:home|house|flat|bungalow|place|community))\b",
    r"\b(?:stuck|sat|sitting) (?:in|indoors|inside|at home|in the house|in my flat)(?: (?:all|every) (?:day|week|weekend))?\b(?! (?:the|a|my) (?:bath|bed|chair|toilet))",
    r"\bdead (?:tired|keen|good|easy|lucky|nice|funny|chuffed|proud|on time)\b",
    r"\b(?:would|will|it(?:d|ll)|that(?:d|ll)) kill me to\b|\bkill(?:ing)? time\b|\bdying (?:to|for) (?:get|go|see|have|try|meet)\w*\b",
    r"\bhit (?:my|a|the|his|her|their|our) (?:\w+ )?(?:target|goal|step count|steps)s?\b",
)

_PERSON_PATTERNS = (
    r"\b(?:talk|speak|chat) (?:to|with) (?:a |an |some |my |the )?(?:one|body|person|human|real|proper|social worker|advis[oe]r|"
    r"worker|someone|somebody|some one|some body|sum1|member of staff|council)\b",
    r"\b(?:want|need|like|have|get|prefer|give me|put me through to|through to) (?:a |an |to a )?(?:real|actual|proper|live) (?:person|human|people)\b",
    r"\bhuman (?:being )?please\b|\bcan i (?:have|get) a (?:human|person)\b",
    r"\b(?:can|could|will|would) (?:someone|somebody|some one|a person|you|they|the council) (?:please )?(?:call|ring|phone) "
    r"(?:me|us)\b",
    r"\b(?:call|ring|phone) me back\b",
)


#: words without which a message inside a form is not taken as asking for a person, however sure
#: the model is ("someone to drive me to rehearsals" describes support, not a request to talk)
_CONTACT_CUE_PATTERNS = (
    r"\b(?:talk\w*|speak\w*|chat|human|humans|advis[oe]rs?|social workers?|council|operator|staff|"
    r"real (?:person|one|people)|(?:call|ring|phone|contact|text|email) (?:me|us|my \w+)|get in touch|get hold of)\b",
)


def _compile(patterns: Iterable[str]) -> Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


_RISK = _compile(_RISK_PATTERNS)
_CONCERN = _compile(_CONCERN_PATTERNS)
_ORDINARY_CONTEXT = _compile(_ORDINARY_CONTEXT_PATTERNS)
_PERSON = _compile(_PERSON_PATTERNS)
_CONTACT_CUE = _compile(_CONTACT_CUE_PATTERNS)
_WORD = re.compile(r"[a-z0-9£]+")


def normalise(text: str) -> str:
    """Lower case, apostrophes dropped, punctuation to spaces, text-message spellings written out."""
    text = re.sub(r"['’‘`´]", "", (text or "").lower())
    return " ".join(_SMS_WORDS.get(word, word) for word in _WORD.findall(text))


#: risk plainly denied ('not feeling suicidal', 'no safeguarding concern', 'I'm not in danger'),
#: which is not itself a sign of risk
_DENIAL = re.compile(
    r"\b(?:not|never|no longer|isnt|arent|im not|i am not|dont|do not|didnt)\s+(?:feeling\s+|being\s+|at all\s+|"
    r"want(?:ing)?\s+(?:to\s+)?|wanna\s+|going to\s+)?(?:suicidal|in (?:any )?danger|unsafe|at risk|"
    r"(?:hurt|harm|kill)(?:ing)?\s+(?:myself|my self|herself|himself|themselves))\b|"
    r"\bno\s+(?:safeguarding|safety)\s+(?:concern|concerns|issue|issues|problem|problems|worries)\b|"
    # 'there is no danger', 'nobody is in danger', 'no one's at risk'
    r"\b(?:no|nobody|nobodys|no ?one|no ?ones)\s+(?:is\s+)?(?:in\s+)?(?:danger|at risk|risk|crisis|emergency)\b|"
    r"\bnothing like that\b|\b(?:you|u)\s+(?:have\s+|ve\s+)?(?:misunderstood|got (?:it|that|me) wrong)\b|"
    r"\bi\s+(?:didnt|did not|never)\s+(?:say|said|mean|meant)\s+(?:that|anything like that)\b|"
    # 'um im fine?? nothing is hard', 'I am OK, I only not understand': at most a check-in on the model alone
    r"\b(?:im|i am|were|we are)\s+(?:fine|ok|okay|alright|all right)\b|\bnothing is (?:hard|wrong)\b",
)


def shows_risk(text: str) -> bool:
    """The message matches a phrase that shows risk of harm on its own (not one it denies)."""
    return bool(_RISK.search(_DENIAL.sub(" ", normalise(text))))


def denies_risk(text: str) -> bool:
    """The message plainly denies a risk ('I'm asking about money, not feeling suicidal')."""
    return bool(_DENIAL.search(normalise(text)))


#: the reply to "Are you safe right now?" asks why the council was told, or says it was a mistake
_QUESTIONS_THE_ALERT = re.compile(
    r"\bwhy\b.{0,40}\b(?:tell|told|telling|tells|inform\w*|let|contact\w*|report\w*|council|safeguarding|alert\w*|flag\w*)\b|"
    r"\b(?:im|i am)\s+not\s+in\s+danger\b|\bnot what i meant\b|\bfalse alarm\b|"
    r"\bcancel\s+(?:it|that|the\s+(?:alert|report|referral))\b"
)


def questions_the_alert(text: str) -> bool:
    """The person asks why the council's team was told, or says there was no need ('Why you tell
    council?', 'I'm not in danger, cancel it')."""
    return bool(_QUESTIONS_THE_ALERT.search(normalise(text)))


def mentions_concern(text: str) -> bool:
    """The message has a word that often comes with risk (not enough on its own), outside the
    everyday contexts that use such words ("grab rails so I don't fall", "after my fall")."""
    return bool(_CONCERN.search(_ORDINARY_CONTEXT.sub(" ", normalise(text))))


def asks_for_person(text: str) -> bool:
    """The message asks to talk to a person (not "are you a real person?", which asks about the bot)."""
    return bool(_PERSON.search(normalise(text)))


def mentions_contact(text: str) -> bool:
    """The message has a word about reaching a person (talk, speak, call me, adviser…)."""
    return bool(_CONTACT_CUE.search(normalise(text)))
