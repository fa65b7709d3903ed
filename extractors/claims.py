"""Claims from a processed spaCy Doc (../shared/spec/CLAIMS.md).

Per sentence that holds figures (``doc._.figures`` from the
``newsclaims_figures`` component, or ``find_figures`` when the component is
absent):

- bracketed conversions after a money figure become ``alternates``;
- money figures, counts of users or staff, and market shares in percent are
  *values*; percents and multiples after a change verb are *changes*;
- a change attaches to the value it leads to ("rose 2% to $11.1bn") or follows
  (", up 27%"); otherwise it is a claim of its own with a null value;
- counts of jobs, and users lost or added, are absolute changes;
- metric (``extractors.metrics``), subject (``extractors.subjects``), modality
  and period (``extractors.cues``) come from cue words in clause windows.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, Final

from spacy.tokens import Doc

from extractors.clauses import Clauses, split_clauses
from extractors.components import doc_figures, doc_text, sentence_offsets
from extractors.cues import (
    CHANGE_AFTER_RE,
    FALL_RE,
    JOB_LOSS_RE,
    OWN_NOUN_BY_RE,
    RISE_RE,
    change_before,
    is_fall,
    modality,
    period,
)
from extractors.figures import QUALIFIERS, Figure, find_figures
from extractors.market_moves import PRICE_AFTER_RE, mover_before, share_talk_near
from extractors.metrics import (
    ALL_METRICS,
    COUNT_METRICS,
    MONEY_METRICS,
    PERCENT_VALUE_METRICS,
    CueHit,
    choose_metric,
    cue_gate,
    find_cues,
)
from extractors.model import Claim
from extractors.scan import LiteralGate, lower_for_words, matches_at
from extractors.subjects import Mention, SubjectResolver, is_country, is_institution, is_place
from extractors.values import by_fields

_USER_NOUNS: Final = (
    r"users|subscribers|customers|members|subscriptions|accounts|listeners|viewers|policyholders|clients"
)
_STAFF_NOUNS: Final = r"job (?:losses|cuts)|jobs|employees|staff|workers|[\w]+-workers|people|posts|positions"
_COUNT_NOUN_RE: Final = re.compile(
    r"\s+(?:(?:new|more|extra|additional|active|daily|monthly|paying|full-time|part-time|US|UK|[A-Z][\w-]*|"
    # "3 million retail customers": a kind of customer
    r"retail|business|corporate|individual|private|broadband|mobile|internet|online|registered|regular|"
    r"loyal|existing|domestic|residential|commercial|wireless|cable|digital|satellite|premium|card|"
    r"[a-z]+(?:-[a-z]+)+)\s+){0,3}"  # "2.4 million with-profits policyholders"
    rf"(?P<noun>{_USER_NOUNS}|{_STAFF_NOUNS})\b",
)
# "its subscriber base grew to 3 million", "a total workforce of 6,500": the count noun comes first
_COUNT_BEFORE_RE: Final = re.compile(
    r"\b(?P<noun>(?:subscriber|customer|user|member)\s+base|subscribers|customers|users|members|"
    r"workforce|headcount|payroll|employees|staff|"
    # "the number of pilots based in Paris from 370 to 870": staff told by their trade
    r"(?<=number of )(?:[a-z]+\s+)?(?:pilots|attendants|engineers|workers|drivers|nurses|doctors|"
    r"teachers|miners|technicians|crew|cabin crew|staff|employees))\b"
    r"(?:[^,;.:%$£€¥\d()\"“”]|,(?=\s+(?:also\s+)?\w+ing\b)){0,50}?"
    r"\b(?:to|of|at|from|reached|hit|topped|totall?ed|totall?ing|stood at|now)\s+$",
    re.IGNORECASE,
)
# "reduce its workforce by 7,000", "grew its headcount by 500": a change of the staff count
_STAFF_BY_RE: Final = re.compile(
    r"\b(?:[a-z]+)\s+(?:its|their|the(?:\s+(?:company|firm|group)['’]s)?|[A-Z][\w&-]*['’]s?)\s+"
    r"(?:[a-z][\w-]*\s+)?(?:workforce|work force|headcount|payroll|staff numbers|staff|employees)\s+by\s+$",
    re.IGNORECASE,
)
# the verb of "grew its staff by 300" that adds posts (other verbs cut them)
_STAFF_RISE_RE: Final = re.compile(
    r"(?:grew|grown|grow|grows|increas\w*|expand\w*|boost\w*|rais\w*|add\w*|lift\w*)\s", re.IGNORECASE
)
_FROM_NUM_TO_RE: Final = re.compile(r"\bfrom\s+(\d[\d,]*)\s+to\s+$")
# "while Bexco employs 2,000": a headcount with no noun after the number
_EMPLOYS_BEFORE_RE: Final = re.compile(r"\bemploy(?:s|ed|ing)?\s+(?:a total of\s+)?$", re.IGNORECASE)
# "Another 1,700 will go from its sales arm": a bare count of posts that will go (jobs told nearby)
_GO_AFTER_RE: Final = re.compile(
    r"\s+(?:more\s+)?(?:will|would|are to|could|may|might|are set to|are expected to|are likely to)\s+"
    r"(?:go|be (?:lost|cut|axed|shed|scrapped))\b",
    re.IGNORECASE,
)
_STAFF_WORD_RE: Final = re.compile(
    rf"\b(?:{_STAFF_NOUNS}|job|redundanc\w*|headcount|workforce)\b", re.IGNORECASE
)
# "..., 3,400 from business operations and 2,600 across legal": a count listed after a job cut
_LISTED_COUNT_RE: Final = re.compile(r"\s+(?:from|across|in|at)\s+(?:its\s+|the\s+)?[\w-]")
_LIST_BEFORE_RE: Final = re.compile(r"(?:,|\band)\s+$")
_PEOPLE_CONTEXT_RE: Final = re.compile(
    r"\b(?:employ\w*|work\w*|produc\w*|factory|plant|jobs?|staff|payroll)\b", re.I
)
_PEOPLE_ON_SCHEME_RE: Final = re.compile(
    r"\s+(?:(?:who\s+)?(?:are|were|is|was)\s+)?(?:on|in)\s+(?:[\w-]+\s+){0,3}?(?:schemes?|programmes?|programs?|benefits?|welfare|"
    r"the dole|training)\b",
    re.I,
)
# "200,000 jobs were created nationwide", "a million jobs in Utopia": jobs counted in a country or an
# economy; with no company in the figure's clause, no company's claim
_COMPANY_REF_RE: Final = re.compile(
    r"(?:^|[,;]\s*)(?:it|they)\s|"
    r"\b(?:its|their|the (?:company|firm|group|bank|carrier|airline|retailer|maker))\b",
    re.I,
)
_JOBS_IN_PLACE_RE: Final = re.compile(
    r"(?:\s+[\w-]+){0,5}?\s+(?:(?:in|across|throughout)\s+(?:the\s+)?(?P<p>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)|"
    r"nationwide|countrywide|across the (?:country|economy|region)|in the (?:economy|country))\b"
)
# "seven million people in Korea use Acme's cards": people who use a company's products are its customers
_PEOPLE_USE_RE: Final = re.compile(
    r"\s+(?:in\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s+)?(?:now\s+)?(?:use|used|own|hold|carry|"
    r"bank with|shop at|subscribe to|sign(?:ed)? up (?:to|for)|have signed up)\b"
)
_OPEN_BRACKET_RE: Final = re.compile(r"\s*\(\s*$")
# "($106m; £54m)", "($106m:£54m)", "($106m or £54m)", "($106m/£54m)"
_ALT_SEP_RE: Final = re.compile(r"\s*(?:[;,:/]|,?\s+or)\s*$")
# "rose 2% to $11.1bn", "were up 19.6% at $17.04", "down 1p, or 0.5%, at 320p": the level the change led to
_TO_VALUE_RE: Final = re.compile(
    r"^,?(?:\s+[^\s,;]+){0,8}?\s+(?:to|at)(?:\s+(?:reach|hit|total|stand at|a record(?: high)?|"
    # "surged 4.9% to a new high of 583p", "fell 3% to a 52-week low of 120p"
    r"an?\s+(?:new\s+|record\s+|all-time\s+|[\w-]+-(?:year|month|week)\s+)?(?:high|low|peak)\s+of))?\s+$",
    re.IGNORECASE,
)
_AFTER_VALUE_RE: Final = re.compile(
    r"^\)?,?\s+(?:up|down|a rise of|a fall of|an increase of|a drop of|a decline of|a jump of|"
    r"an improvement of)\s+$",
    re.IGNORECASE,
)
_COMMA_GAP_RE: Final = re.compile(r"^\)?\s*,\s*$")
_MORE_THAN_RE: Final = re.compile(
    r"\s+(?:more|higher|greater|bigger|less|lower|smaller|up|down)\b(?:\s+than\b|\s+on\b)?"
)
_AT_LEAST_VERB_RE: Final = re.compile(
    r"\b(?:surpass\w*|exceed\w*|topp?\w*|pass(?:ed|es)|cross(?:ed|es)|beat)\s+$", re.I
)
_BOUND_BEFORE_RE: Final = re.compile(r"\b(?:a|the)\s+(maximum|minimum)\s+of\s+$", re.I)
_YEARLIKE: Final = re.compile(r"^(?:1[89]|20)\d\d$")
_COMPARATIVE_RE: Final = re.compile(
    r"\s+(?:higher|lower|more|less|bigger|smaller|larger|greater|below|above|short of)\b", re.I
)
# "closed 12% down", "ended 3% lower": a fall told after the figure
_FALL_AFTER_RE: Final = re.compile(
    r"^\s+(?:down|lower|less|(?:[\w-]+\s+)?(?:fall|drop|decline|slump|cut|reduction|decrease|slide|dip|loss)s?)\b",
    re.I,
)
# "holders of 5% or more of the firm's shares": a stake, not a claim (CLAIMS.md)
_STAKE_AFTER_RE: Final = re.compile(
    r"^\s+(?:or (?:more|less)\s+)?of\s+(?:the|its|their|[A-Z][\w&-]*['’]s?)\s+(?:[\w-]+['’]s?\s+){0,2}?"
    r"(?:shares|stock|equity|voting rights)\b",
    re.I,
)
# "earnings of $1.62 per share", "a dividend of 5p a share": not a share price
_PER_SHARE_CUE_RE: Final = re.compile(
    r"\b(?:earnings|profits?|income|dividends?|EPS|payout)\b[^,;]{0,25}$", re.I
)
# "a euro that buys $1.30", "the dollar fell to $1.29 against the euro": an exchange rate
_FX_BEFORE_RE: Final = re.compile(
    r"\b(?:euro|dollar|pound|sterling|yen|yuan|currency)\s+(?:that\s+|which\s+)?(?:(?:is|was|were)\s+)?"
    r"(?:buys|bought|buying|is worth|was worth|worth|at|(?:\w+\s+)?to|hit|touched|traded at|trading at)\s+$",
    re.I,
)
_FX_AFTER_RE: Final = re.compile(r"^\)?\s+(?:against|to) the (?:euro|dollar|pound|yen|yuan)\b", re.I)
# "from £20.6m to £1.2m": the second end of a move is the same figure's later level
_FROM_BEFORE_RE: Final = re.compile(r"\bfrom\s+$", re.I)
_TO_LEVEL_AFTER_RE: Final = re.compile(
    r"\)?\s+(?:[a-z]+\s+){0,2}?to\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|more than\s+|over\s+)?"
    r"(?:[A-Z]{0,3}[$£€¥]|\d)"
)
_MOVED_FORECAST_RE: Final = re.compile(
    r"\b(?:targets?|forecasts?|estimates?|guidance|outlook|projections?|predictions?|expectations?)\b", re.I
)
_TO_GAP_RE: Final = re.compile(r"^\)?\s+to\s+$", re.I)
_MULTIPLE_VERB_RE: Final = re.compile(r"(?:doubl|tripl|trebl|quadrupl|halv)", re.I)
_NOT_A_METRIC_RE: Final = re.compile(
    r"\s+(?:the (?:number|amount|size|level) of|as (?:many|much)|more (?!than))", re.I
)
_POSSESSOR_RE: Final = re.compile(r"^\s+of\s+(?:the\s+)?([A-Z][\w-]*)['’]s?\s")
# "which provides 40% of its parent's output", "60% of its output": a unit's share of its owner's output
_OWN_OUTPUT_RE: Final = re.compile(
    r"^\s+of\s+(?:its|their)\s+(?:(?:parent|parent company|owner|group)['’]s?\s+)?(?:[\w-]+\s+)?"
    r"(?:output|production|revenues?|sales|profits?|earnings)\b",
    re.IGNORECASE,
)
# a price per item ("$120m each", "138p a share offer") is a price of goods or an offer's terms
_PER_UNIT_RE: Final = re.compile(
    r"\)?(?:\s*|-)(?:each|apiece|a piece|per[\s-]+(?!cent\b)(?P<per>[a-z]+)|"
    r"an?[\s-]+(?P<a>share|plane|aircraft|unit|barrel|ounce|tonne|ton|gallon|litre|hour|day|night|head|person|seat|car|vehicle|room|ticket|item|"
    r"leg|flight|journey|trip|passenger|bottle|pack|copy|minute|call)s?)\b",
    re.IGNORECASE,
)
_STATS_OWNER_RE: Final = re.compile(
    r"\W*(?:[A-Za-z]+,\s+)?(?:the|these|those|such)\s+(?:[a-z]+\s+)?(?:figures|numbers|data|statistics|totals|"
    r"sums|amounts)\b",
    re.I,
)
_FOR_EACH_SHARE_RE: Final = re.compile(
    r"\)?\s+(?:in\s+(?:cash|stock|shares)\s+)?(?:for|per)\s+(?:each|every)\s+(?:[\w'’&.-]+\s+){0,3}?shares?\b",
    re.I,
)
_DEAL_CONTEXT_RE: Final = re.compile(
    r"\b(?:offer\w*|bid\w*|bought|buy\w*|paid|pay\w*|takeover|acquir\w*|purchas\w*|deal|proposals?|approach|"
    r"pitched|valu(?:e|es|ed|ing))\b",
    re.IGNORECASE,
)
# "values Acme shares at A$7 to A$8": a value per share, no company's total
_SHARES_VALUED_RE: Final = re.compile(r"\bvalu\w*\s+(?:[\w'’&-]+\s+){0,3}(?:shares|stock)\s+at\s+$", re.I)
_LAWSUIT_AFTER_RE: Final = re.compile(
    r"\)?\s+(?:[\w-]+\s+){0,3}?(?:case|lawsuit|law suit|suit|legal action|legal claim|damages claim)\b", re.I
)
_SUED_FOR_RE: Final = re.compile(
    r"\b(?:su(?:e|es|ed|ing)|claim(?:s|ed|ing)?\s+damages)\b[^,;]{0,40}?\bfor\s+"
    r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|more than\s+|over\s+|up to\s+)?$",
    re.I,
)
# "would knock 125m euros off its profits", "wiped $2bn off its value": the size of a cut, no level
_OFF_AFTER_RE: Final = re.compile(r"\)?\s+off\b", re.I)
# a market or index moving is not a company's share price ("Acmeland's stock market fell 5%")
_INDEX_OWNER_RE: Final = re.compile(
    r"\b(?:stock ?markets?|stock exchanges?|bourses?|ind(?:ex|ices)|benchmark)\b", re.I
)
_NEW_SHARES_AFTER_RE: Final = re.compile(
    r"\)?\s+(?:worth\s+)?(?:of|in)\s+(?:new|fresh|additional)\s+(?:ordinary\s+)?(?:shares|stock|equity)\b",
    re.I,
)
_DIVIDEND_RE: Final = re.compile(r"\b(?:dividends?|payouts?|distributions?)\b", re.IGNORECASE)
_SHARES_WORD_RE: Final = re.compile(r"\b(?:shares?|share price|stock price)\b", re.IGNORECASE)
# an industry, sector, economy or country owns the figure: a macro figure, not a company's
_MACRO_OWNER_RE: Final = re.compile(
    r"\b(?:[Tt]he|(?P<p>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)['’]s?)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:industry|industries|sector|economy|country|nation|government|treasury|Treasury|exchequer|Exchequer|"
    r"ministry|Ministry|exports|imports|tourism)\b"
    # "Jan Doe, the country's richest man,": a person told by the country, no macro owner
    r"(?!['’]s\s+(?:[\w-]+\s+){0,2}?(?:man|woman|men|women|tycoon|businessman|businesswoman|"
    r"billionaire|oligarch|person|entrepreneur)\b)"
)
# a market's, a country's or the public sector's figure ("retail sales rose 1%", "spending on housing
# will rise", "the defence budget", "tax revenues"): no company's claim
_MARKET_SALES_RE: Final = re.compile(
    r"(?<!['’]s )(?<!\bits )(?<!\btheir )\b(?:(?:overall|total|national|domestic|global|world)\s+)?"
    r"(?:retail|car|vehicle|new car|home|house|housing|property|consumer)\s+sales\b|"
    # "sales in shopping malls rose 4%", "sales at department stores": a kind of store, no company
    r"\bsales\s+(?:in|at)\s+(?:shopping\s+|department\s+|discount\s+|high[ -]street\s+)?"
    r"(?:malls|shops|stores|outlets|supermarkets|retailers)\b|"
    # "sales at furniture and hardware stores", "sales at restaurants, bars and cafes": a sector of
    # stores told by its goods, no company
    r"\bsales\s+(?:in|at)\s+(?!(?:its|their|the|our|his|her)\b)(?-i:[a-z][\w-]*,?\s+){0,5}?"
    r"(?:malls|shops|stores|outlets|supermarkets|retailers|restaurants|bars|cafes|coffee houses|"
    r"dealers|dealerships|pubs|petrol stations|garages)\b|"
    # "grocery store sales", "department store sales": a kind of store's sales, no company's
    r"(?<!['’]s )(?<!\bits )(?<!\btheir )(?<![\w-])"
    r"(?!(?:same|like-for-like|comparable|underlying|its|their)\b)"
    r"(?:(?-i:[a-z][\w-]*)|^\W*(?P<cap>(?-i:[A-Z][a-z-]+)))\s+(?:store|shop|outlet)\s+sales\b|"
    # "Overall, December sales are forecast to rise": a whole market's sales
    r"^\W*(?:overall|in total|nationwide|industry-wide|across the (?:industry|sector|country)),\s+"
    r"(?:[\w-]+\s+){0,2}sales\b",
    re.IGNORECASE,
)
# "the 20 million new jobs promised by EU leaders": a political pledge, no company's figure
_PLEDGE_RE: Final = re.compile(
    r"\b(?:promised|pledged|targeted|planned|proposed)\s+by\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:leaders|governments?|ministers|politicians|states|officials)\b",
    re.IGNORECASE,
)
_PUBLIC_RE: Final = re.compile(
    r"\b(?:budgets?|subsid(?:y|ies|ised|ized)|tax (?:revenues?|receipts|take|income)|"
    r"public (?:spending|finances|sector|debt)|"
    r"government (?:spending|debt|borrowing)|national debt|debt repayments|jobless\w*|unemploy\w*|GDP|"
    r"gross domestic|"
    r"spending on (?:housing|health|education|defence|welfare|infrastructure|schools|sanitation)|"
    r"(?:the )?economy)\b",
    re.IGNORECASE,
)
_COUNTRY_POSSESSOR_RE: Final = re.compile(
    r"(?P<p>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)['’]s?\s+(?:[\w-]+\s+){0,2}?"
    r"(?:debts?|budget|spending|borrowing|deficit|reserves|economy|market|exports|imports)\b"
)
# "5 million people ... the jobless rate": people counted in an economy, not a firm's staff
_POPULATION_RE: Final = re.compile(
    r"\b(?:jobless|unemploy\w*|out of work|population|workforce of the)\b", re.I
)
_PLACE_ACTOR_RE: Final = re.compile(
    r"(?:^|[,;]\s*|\b(?:and|but|while|that|said|says)\s+)(?:[Tt]he\s+)?(?P<p>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s+"
    r"(?:may|might|could|will|would|has|had|have|is|was|expects?|lost|loses?|spent|spends?|plans?|intends?|"
    r"earned|earns?|exported|imported|collected)\b"
)
# Every match of ``_PLACE_ACTOR_RE`` starts at the text's start, at a "," or ";" or at one of its
# joining words (case-sensitive): ``_place_actors`` tries it only there ("sa": "said", "says").
_PLACE_ACTOR_KEYS: Final = (",", ";", "and", "but", "while", "that", "sa")


def _place_actors(window: str) -> list[re.Match[str]]:
    """``list(_PLACE_ACTOR_RE.finditer(window))``: the regex opens with an alternation that ``re``
    would try at every offset; the offsets where a match can start are found by ``str.find``."""
    starts = [0]
    for key in _PLACE_ACTOR_KEYS:
        i = window.find(key, 1)
        while i >= 0:
            starts.append(i)
            i = window.find(key, i + 1)
    starts.sort()
    return matches_at(_PLACE_ACTOR_RE, window, starts)


# "sales rose 3% to 2.7 million units": a change of volume, not of revenue
_VOLUME_LEVEL_RE: Final = re.compile(
    r"(?:\s+[^\s,;]+){0,4}?\s+(?:to|at)\s+(?:a record\s+|about\s+|around\s+|some\s+|nearly\s+|almost\s+)?"
    r"(?>\d[\d,.]*(?:\s*(?:million|m|bn|billion|thousand|k)\b)?)"
    r"(?!\s*(?:%|per\s?cent|euros?|dollars?|pounds?|yuan|yen|p\b|pence|cents?|[A-Z]{3}\b))",
    re.IGNORECASE,
)
# "shares rose 15 cents - 1.1%": a move in money told again as a percent; the percent is the claim
_MONEY_MOVE_VERBS: Final = (
    r"(?:rose|rise[sn]?|rising|fell|fall(?:s|en|ing)?|gained|gains?|lost|lose|loses|added|adds?|shed|dropped|"
    r"slipped|climbed|jumped|slid|up|down)"
)
_MONEY_MOVE_RE: Final = re.compile(rf"\b{_MONEY_MOVE_VERBS}\s+(?:by\s+)?$", re.IGNORECASE)
# a word that ends in one of the verbs, after a character that is no word character (``_money_move``)
_MONEY_MOVE_WORD_RE: Final = re.compile(rf"(?:.*\W)?{_MONEY_MOVE_VERBS}", re.IGNORECASE)
_RESTATED_MOVE_RE: Final = re.compile(r"^\s*[-–—,(]?\s*or\s+$", re.IGNORECASE)
_PERCENT_RESTATED_RE: Final = re.compile(r"^\s*(?:[-–—,(]|,?\s*or)\s*(?:or\s+)?$", re.IGNORECASE)
_OFFER_RE: Final = re.compile(
    r"\b(?:offer\w*|bid|bids|bidding|takeover|buy-?out|proposal|proposed deal|approach)\b", re.IGNORECASE
)
# "a proposal that values the club at £800m", "an offer valuing it at $2bn": the offer's terms, told as
# fact; "would value" or "could value" is a price that may come
_VALUES_AT_RE: Final = re.compile(
    r"(?<!would )(?<!could )(?<!might )(?<!may )\b(?:values|valuing|valued)\s+(?:[\w'’-]+\s+){0,3}at\s+"
    r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|roughly\s+|up to\s+|more than\s+)?$",
    re.IGNORECASE,
)
_FOR_NAME_RE: Final = re.compile(
    r"\)?\s+(?:(?:(?:(?:takeover|cash|hostile|rival|counter|share)[ -])?(?:bid|offer|approach)\s+)?for|"
    r"(?:takeover|acquisition|purchase|buy-?out)\s+of)\s+(?:the\s+)?"
)
# words that end the noun phrase after "a bid for": "a bid for the club after buying Acme's stake"
_WORDS_RE: Final = re.compile(
    r"[,;.]|\b(?:the|its|their|in|on|by|from|with|to|and|of|after|before|following|while|when|as|"
    r"because|since|[a-z]+ing)\b"
)
_LEVEL_FOLLOWS_RE: Final = re.compile(r"^\s+(?:to|at)\s+$", re.IGNORECASE)

# CLAIMS.md change.over: the span a change is measured over, when the text states it
_NUMBER_WORDS: Final = {
    "a": 1, "an": 1, "one": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}  # fmt: skip
_SPAN_RE: Final = re.compile(
    r"\b(?:in|over|within|during|across)\s+"
    r"(?:(?:just|only)\s+)?(?:the\s+(?:past|last|next|previous|coming|following|first)\s+)?"
    r"(?:(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\s+)?"
    r"(?:(?P<single>single|full)\s+)?(?P<u>years?|months?|quarters?|weeks?)\b(?![-\s]+(?:ago|earlier|before|of)\b)",
    re.IGNORECASE,
)
# "the biggest rise in five years": a record told over a span, not the span of the change
_RECORD_BEFORE_RE: Final = re.compile(r"\b(?:\w+est|first|most|least|record|time)\b[^,;]*$", re.IGNORECASE)
_RELATIVE_SPANS: Final = (
    (
        re.compile(
            r"\byear[-\s]on[-\s]year\b|\by-o-y\b|\byoy\b|\b(?:a\s+)?year[-\s](?:earlier|before|ago)\b|"
            r"\b(?:from|on|than|over|compared\s+(?:with|to))\s+(?:the\s+previous|the\s+prior|last)\s+year\b|"
            r"\bthe\s+same\s+(?:period|quarter|month|time|week)\s+(?:of\s+|a\s+)?(?:last|the\s+previous)\s+year\b|"
            r"\bannual(?:ised|ized)?\s+(?:growth|increase|rise|fall|decline|drop|gain)\b|\bover\s+the\s+year\b",
            re.IGNORECASE,
        ),
        "1 year",
    ),
    (
        re.compile(
            r"\bquarter[-\s]on[-\s]quarter\b|\bsequential(?:ly)?\b|\b(?:a\s+)?quarter[-\s](?:earlier|before)\b|"
            r"\b(?:from|on|than|over|compared\s+(?:with|to))\s+the\s+(?:previous|prior|preceding)\s+(?:quarter|three\s+months)\b",
            re.IGNORECASE,
        ),
        "3 months",
    ),
    (
        re.compile(
            r"\bmonth[-\s]on[-\s]month\b|\b(?:a\s+)?month[-\s](?:earlier|before)\b|"
            r"\b(?:from|on|than|over|compared\s+(?:with|to))\s+the\s+(?:previous|prior|preceding)\s+month\b",
            re.IGNORECASE,
        ),
        "1 month",
    ),
)
# a match of _SPAN_RE, or of each of _RELATIVE_SPANS, holds one of these words (in lower case)
_SPAN_WORDS: Final = ("year", "month", "quarter", "week")
_RELATIVE_SPAN_WORDS: Final = (
    ("year", "y-o-y", "yoy", "annual"),
    ("quarter", "sequential", "month"),
    ("month",),
)
_YEAR_RE: Final = re.compile(r"\b(?:19|20)\d\d\b")
# "up 27% from its 2003 performance": the change is measured against a named year
_BASE_YEAR_RE: Final = re.compile(
    r"\b(?:from|on|than|over|compared\s+(?:with|to)|against)\s+(?:its\s+|their\s+|the\s+|in\s+)?"
    r"(?P<y>(?:19|20)\d\d)\b(?!\s*(?:[-–/]|to\b|and\b))",
    re.IGNORECASE,
)
_FULL_YEAR_RE: Final = re.compile(
    r"\bfull[-\s]year\b|\bfor\s+the\s+(?:whole\s+)?year\b|\bannual\b", re.IGNORECASE
)


@dataclass(slots=True)
class _Item:
    fig: Figure
    start: int  # offsets into the sentence
    end: int
    role: str = "value"  # value | change | alt | skip | attached
    cue_end: int = 0  # end of the figure with its bracketed conversions
    unit: str | None = None
    noun: str | None = None
    noun_end: int = 0  # end of the count noun phrase ("100 million daily active users")
    alternates: list[dict[str, Any]] = field(default_factory=list)
    change: dict[str, Any] | None = None
    metric: str | None = None
    cue_at: int | None = None  # read the metric at another figure ("rose 15 cents - 1.1%")
    same_as: _Item | None = None  # a listed count that shares an earlier count's modality

    def __init__(
        self,
        fig: Figure,
        start: int,
        end: int,
        role: str = "value",
        cue_end: int = 0,
        unit: str | None = None,
        noun: str | None = None,
        noun_end: int = 0,
        alternates: list[dict[str, Any]] | None = None,
        change: dict[str, Any] | None = None,
        metric: str | None = None,
        cue_at: int | None = None,
        same_as: _Item | None = None,
    ) -> None:
        # (written out: see ``extractors.figures.Figure``)
        self.fig = fig
        self.start = start
        self.end = end
        self.role = role
        self.cue_end = cue_end
        self.unit = unit
        self.noun = noun
        self.noun_end = noun_end
        self.alternates = [] if alternates is None else alternates
        self.change = change
        self.metric = metric
        self.cue_at = cue_at
        self.same_as = same_as

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return by_fields(self)  # (pickle: see ``extractors.values``)


def extract_claims_from_doc(doc: Doc, title: str | None = None) -> list[Claim]:
    """Every claim the article states, in text order (repeats folded)."""
    text = doc_text(doc)
    figs: list[Figure] | None = doc_figures(doc)
    if figs is None:
        figs = find_figures(text)
    figs = _with_fraction_shares(text, figs)
    if not figs:
        return []
    sents = sentence_offsets(doc)
    starts = [s for s, _ in sents]
    by_sent: dict[int, list[Figure]] = {}
    for f in figs:
        if f.kind == "number" and not _maybe_count(text, f):
            continue
        i = bisect.bisect_right(starts, f.start) - 1
        if i >= 0 and f.end <= sents[i][1]:
            by_sent.setdefault(i, []).append(f)
    resolver = SubjectResolver(text, sents, title)
    claims: list[Claim] = []
    headline: list[Claim] = []
    in_title = bool(title) and text.lstrip().startswith(title.strip()) if title else False
    for i, sfigs in by_sent.items():
        found = _sentence_claims(text, i, sents[i], sfigs, resolver)
        (headline if in_title and i == 0 else claims).extend(found)
    # a headline figure repeated in the body is one claim: keep the body's reading of it
    body_values = [(c.value, c.unit) for c in claims] + [
        (a.get("value"), a.get("unit")) for c in claims for a in c.alternates
    ]
    kept = [
        c
        for c in headline
        if (c.value is None and not _change_repeated(c, claims))
        or (c.value is not None and not _repeated(c, body_values))
    ]
    return _dedupe(kept + claims)


# "more than a quarter of the market", "half of Utopia's car sales": a share told as a fraction word
# (keys with single spaces: a hyphen or a run of spaces in the text reads as one space)
_FRACTIONS: Final = {
    "half": 50.0, "a half": 50.0, "one half": 50.0, "a quarter": 25.0, "one quarter": 25.0,
    "three quarters": 75.0, "a third": 100 / 3, "one third": 100 / 3, "two thirds": 200 / 3,
    "a fifth": 20.0, "one fifth": 20.0, "a tenth": 10.0, "one tenth": 10.0,
}  # fmt: skip
_FRACTION_KEYS: Final = (
    "half of",
    "quarter of",
    "quarters of",
    "third of",
    "thirds of",
    "fifth of",
    "tenth of",
)
_FRACTION_SHARE_RE: Final = re.compile(
    r"(?<![\w-])(?:(?P<q>more than|over|nearly|almost|about|around|roughly|some|just over|just under|"
    r"less than|under|at least)\s+)?"
    r"(?P<f>(?:a|one|two|three)?[\s-]?(?:half|quarters?|thirds?|fifth|tenth))\s+of\s+"
    # the share's market: a market, or sales, output or exports owned by a place or a market
    r"(?=(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+|[A-Z][\w-]*['’]s?\s+){0,3}?(?:market|sales|output|exports)\b)",
    re.IGNORECASE,
)
# every match of ``_FRACTION_SHARE_RE`` is followed by one of these (in some case)
_FRACTION_MARKET_WORDS: Final = ("market", "sales", "output", "exports")


def _with_fraction_shares(text: str, figs: list[Figure]) -> list[Figure]:
    """``figs`` and, in order, the shares told as fraction words before a market or its sales."""
    gate = lower_for_words(text)
    low = gate if gate is not None else text.lower()
    # the regex runs only around the fraction words ("half of"), never over the whole text
    found: dict[int, re.Match[str]] = {}
    for k in _FRACTION_KEYS:
        i = low.find(k)
        while i >= 0:
            hi = min(len(text), i + 200)
            # a match that holds i ends after it, and its look-ahead's market word lies before hi:
            # without one of those words in i:hi the regex finds nothing that is kept
            if _has_word(gate, _FRACTION_MARKET_WORDS, i, hi):
                for m in _FRACTION_SHARE_RE.finditer(text, max(0, i - 40), hi):
                    if m.start() <= i < m.end():
                        found.setdefault(m.start(), m)
            i = low.find(k, i + 1)
    extra = []
    for _, m in sorted(found.items()):
        value = _FRACTIONS.get(" ".join(m.group("f").lower().replace("-", " ").split()))
        if value is None or any(f.start < m.end("f") and m.start() < f.end for f in figs):
            continue
        q = m.group("q")
        extra.append(
            Figure(
                start=m.start(),
                end=m.end("f"),
                surface=text[m.start() : m.end("f")],
                kind="percent",
                value=value,
                unit="percent",
                qualifier=QUALIFIERS.get(" ".join(q.lower().split()), "exact") if q else "exact",
                num_start=m.start("f"),
            )
        )
    return sorted([*figs, *extra], key=lambda f: f.start) if extra else figs


def _repeated(c: Claim, body: list[tuple[Any, Any]]) -> bool:
    """Headlines round: "$25bn" in the headline is the body's "$25.4bn" (within 5%, same unit)."""
    v = c.value or 0.0
    return any(
        u == c.unit and isinstance(x, int | float) and abs(x - v) <= 0.05 * max(abs(x), abs(v))
        for x, u in body
    )


def _change_repeated(c: Claim, body: list[Claim]) -> bool:
    """A headline's bare change ("profits surge 15%") is the body's claim with that change."""
    ch = c.change or {}
    v = ch.get("value")
    if not isinstance(v, int | float):
        return False
    for b in body:
        bch = b.change or {}
        bv = bch.get("value")
        if (
            b.metric == c.metric
            and bch.get("kind") == ch.get("kind")
            and isinstance(bv, int | float)
            and abs(bv - v) <= 0.01 * max(abs(bv), abs(v))
        ):
            return True
    return False


def _key(value: Any) -> float | None:
    try:
        return float(f"{float(value):.3g}")
    except (TypeError, ValueError):
        return None


def _maybe_count(text: str, f: Figure) -> bool:
    if f.scale == 1.0 and f.qualifier == "exact" and _YEARLIKE.match(f.surface):
        return False
    if _model_number(text, f):
        return False
    return (
        _COUNT_NOUN_RE.match(text, f.end, f.end + 60) is not None
        or _strong_workforce(text[f.end : f.end + 60]) is not None
        or _count_before(text, f.start, f.end, f.value) is not None
        or _staff_by(text, f.start) is not None
        or _GO_AFTER_RE.match(text, f.end) is not None
        or (
            _LISTED_COUNT_RE.match(text, f.end) is not None
            and _LIST_BEFORE_RE.search(text, max(0, f.start - 6), f.start) is not None
        )
    )


# "Zphone 11 users", "Windows 10 customers", "Fortune 500 companies": plain digits written right after
# a capitalised word mid-sentence belong to a name (a model, an index), no count; a count comes after a
# verb, a determiner or a qualifier ("has 11 users", "some 500 staff"), or opens the sentence
_NAME_BEFORE_NUMBER_RE: Final = re.compile(r"(?:^|(?<=[^\w'’.-]))[A-Za-z]*[A-Z][A-Za-z-]*[ \t]$")
_OPENING_BEFORE_RE: Final = re.compile(r"(?:^|[.!?:;\n\"“‘(]\s*|[-–—]\s+)$")
_ASCII_LETTERS: Final = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_DAYS: Final = frozenset(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))


def _model_number(text: str, f: Figure) -> bool:
    """Is the plain number ``f`` part of a name ("Zphone 11 users"): digits only, right after a
    capitalised word that is neither a month or a day ("March 11") nor the sentence's first word?"""
    if f.qualifier != "exact" or f.scale != 1.0 or not f.surface.isdigit():
        return False
    # every match ends in a letter or hyphen, then a space or tab, right before the figure
    s = f.start
    if s < 2 or text[s - 1] not in " \t" or not (text[s - 2] == "-" or text[s - 2] in _ASCII_LETTERS):
        return False
    m = _NAME_BEFORE_NUMBER_RE.search(text, max(0, s - 40), s)
    if m is None:
        return False
    word = m.group(0).rstrip()
    if word in _MONTHS or word in _DAYS:
        return False
    return _OPENING_BEFORE_RE.search(text, max(0, m.start() - 4), m.start()) is None


def _staff_by(text: str, start: int) -> re.Match[str] | None:
    """'cut its workforce by 7,000' before the number at ``start``."""
    if text.rfind("by", max(0, start - 4), start) < 0:
        return None
    m = _STAFF_BY_RE.search(text, max(0, start - 80), start)
    return m if m is not None and m.end() == start else None


# every match of _COUNT_BEFORE_RE names its count noun ("customers", "staff"): without one, no search
_COUNT_BEFORE_GATE: Final = LiteralGate(_COUNT_BEFORE_RE.pattern, _COUNT_BEFORE_RE.flags)


def _count_before(text: str, start: int, end: int, value: float | None) -> str | None:
    """'its customer base rose to 3 million': the count noun before a bare number ('users' or 'count')."""
    if (value or 0.0) < 100 or _COUNT_NOUN_RE.match(text, end, end + 60):
        return None
    if _EMPLOYS_BEFORE_RE.search(text, max(0, start - 30), start):
        return "count"
    # "from 370 to 870": the second end of a count's move is the same kind of count
    ft = _FROM_NUM_TO_RE.search(text, max(0, start - 30), start)
    if ft is not None and ft.end() == start:
        return _count_before(text, ft.start(1), ft.end(1), value)
    lo = max(0, start - 90)
    m = _COUNT_BEFORE_RE.search(text, lo, start) if _COUNT_BEFORE_GATE.may_match(text, lo, start) else None
    if m is None or m.end() != start:
        return None
    noun = m.group("noun").lower()
    return "users" if noun.startswith(("subscriber", "customer", "user", "member")) else "count"


def _claimable(it: _Item) -> bool:
    """Would ``_sentence_claims`` make a claim of ``it`` as it stands (a value or change with a metric)?"""
    return it.role in ("value", "change") and it.metric not in (None, "skip")


def _percent_values_without_share_cue(sentence: str, items: list[_Item]) -> bool:
    """Is every item left a percent value, in a sentence with no word a market-share cue needs?

    A percent value is a claim only as a market share, a metric that only a market-share cue
    gives it (``choose_metric``; the rules after it relabel money and changes only): such a
    sentence makes no claim, whatever its cues and clauses.
    """
    return all(
        it.role == "skip" or (it.role == "value" and it.fig.kind == "percent") for it in items
    ) and not cue_gate("market_share").may_match(sentence)


def _no_metric_possible(
    sentence: str, items: list[_Item], hits: list[CueHit], share_talk: Callable[[], bool]
) -> bool:
    """Can no item left end with a metric (other than "skip"), whatever the sentence's clauses?

    An item's metric comes from a cue hit of a metric it allows (``choose_metric``), from a rule
    that relabels a money value (each needs a word of ``_MONEY_RULES_GATE``), from share talk
    nearby (``_market_moves``, ``_market_money_moves``) or from another item that has one; a
    count's noun always gives it one. With none of these no item becomes a claim.
    """
    talk_may_tell = False  # asked last, once: share talk is read from several sentences
    money_rules: bool | None = None  # the sentence's money-rule gate, asked once for all items
    for it in items:
        if it.role in ("skip", "alt"):
            continue
        if it.noun is not None:
            return False
        allowed = _allowed(it)
        if any(h.metric in allowed and h.metric != "skip" for h in hits):
            return False
        if it.fig.kind == "money" and it.role == "value":
            if money_rules is None:
                money_rules = _MONEY_RULES_GATE.may_match(sentence)
            if money_rules:
                return False
        talk_may_tell = talk_may_tell or (it.fig.kind == "percent" and it.role == "change")
    talk_may_tell = talk_may_tell or any(_moved_level(items, k) for k in range(1, len(items)))
    return not (talk_may_tell and share_talk())


def _sentence_claims(
    text: str, idx: int, span: tuple[int, int], figs: list[Figure], resolver: SubjectResolver
) -> list[Claim]:
    ss, se = span
    sentence = text[ss:se]
    items = [_Item(f, f.start - ss, f.end - ss, cue_end=f.end - ss) for f in figs]
    job_context = any(f.kind == "number" and _GO_AFTER_RE.match(text, f.end) for f in figs) and bool(
        _STAFF_WORD_RE.search(text, max(0, ss - 400), ss)
    )
    _classify(sentence, items, job_context)
    _premiums(sentence, items)
    _money_moves(sentence, items)
    _money_move_levels(sentence, items)
    if all(it.role == "skip" for it in items) or _percent_values_without_share_cue(sentence, items):
        return []
    _link_alternates(sentence, items)
    hits = find_cues(sentence)
    if _no_metric_possible(
        sentence, items, hits, lambda: share_talk_near(resolver.text, resolver.sentences, idx, resolver.title)
    ):
        return []
    clauses = split_clauses(sentence, [it.start for it in items])
    if clauses.asides:  # "Acme - which owns Bexco - fell 2%": an aside's words cue no figure outside it
        hits = [h for h in hits if not any(a <= h.start and h.end <= b for a, b in clauses.asides)]
    for it in items:
        if it.role in ("alt", "skip"):
            continue
        allowed = _allowed(it)
        if it.noun is not None:
            it.metric = _count_metric(it, hits)
            continue
        weak = it.role == "value"
        at, at_end = (it.cue_at, it.cue_at + 1) if it.cue_at is not None else (it.start, it.cue_end)
        it.metric = choose_metric(hits, clauses, at, at_end, allowed, weak=weak)
        if it.metric == "share_price" and it.fig.value is not None and it.fig.value >= 100_000:
            it.metric = choose_metric(
                hits, clauses, it.start, it.cue_end, allowed - {"share_price"}, weak=weak
            )
        if it.metric == "employees" and it.role == "change" and _shares_moved(sentence, it.start):
            it.metric = "share_price"  # "shares in Acme fell 6% after employees sold theirs"
        if it.metric == "market_share" and _company_possessor(sentence[it.end : it.end + 40]):
            it.metric = "skip"
        if it.metric is None and it.fig.kind == "money" and (terms := _IN_TERMS_RE.match(sentence)):
            # "In terms of market value, Acme - at $7bn - is smaller": the opening names the metric
            lead = [h for h in hits if h.end <= terms.end() and h.metric in allowed]
            it.metric = lead[-1].metric if lead else None
    if any(it.metric is None and it.fig.kind == "percent" and it.role == "change" for it in items):
        _market_moves(sentence, idx, items, resolver)
    if any(_moved_level(items, k) for k in range(1, len(items))):
        _market_money_moves(sentence, idx, items, resolver)
    # Rules from here on that give a metric-less money value a metric of their own must have
    # their regex in _MONEY_RULES_GATE: otherwise _no_metric_possible returns before they run
    # (tests/test_speed3_claims.py compares the whole corpus with and without that return).
    _stake_bought(sentence, items)
    _relative_loss(sentence, items)
    _valued_past_aside(sentence, items)
    _sold_for(sentence, items)
    _paid_in_deal(text, sentence, idx, items, hits, resolver)
    _inherit_metrics(items, clauses)
    _from_to(sentence, items)
    _own_build_or_share_sale(sentence, items)  # these two may give a metric-less value its metric
    _loan_provided(sentence, items)
    if not any(_claimable(it) for it in items):
        # nothing below makes a claim of an item that is not claimable here: _drop_non_claims only
        # skips (or re-labels) claimable items, _attach_changes attaches changes to claimable values
        # and _change_spans only writes the spans of changes, which no claim of this sentence reads
        return []
    # the sentence's name spans, found only when a figure needs them (most sentences' never do)
    _drop_non_claims(sentence, items, clauses, lambda: [(m.start, m.end) for m in resolver.mentions(idx)])
    _drop_terms_and_gaps(sentence, items)
    _attach_changes(sentence, items)
    bases = _change_spans(sentence, items, clauses)
    claims: list[Claim] = []
    by_item: dict[int, Claim] = {}
    for it in items:
        if it.role not in ("value", "change") or it.metric in (None, "skip"):
            continue
        claim = _to_claim(text, sentence, ss, idx, it, clauses, resolver)
        by_item[id(it)] = claim
        if it.same_as is not None and (first := by_item.get(id(it.same_as))) is not None:
            claim.modality = first.modality  # "800 will go from retail, 500 from logistics"
        base = bases.get(id(claim.change)) if claim.change is not None else None
        if base is not None and claim.period == base[0]:
            # "a profit of $3.36bn, up 27% from its 2003 performance": 2003 is the base, not the period
            claim.period = base[1]
        claims.append(claim)
        claims.extend(
            replace(claim, subject=name)
            for name in _shared_by(sentence, it.start, claim.subject, resolver.mentions(idx))
        )
        if claim.metric == "valuation" and claim.value is not None and _OFFER_RE.search(sentence):
            # CLAIMS.md: an offer "valuing it at £1.3bn" holds a deal_value and a valuation claim
            if claim.modality == "forecast" and _VALUES_AT_RE.search(
                sentence, max(0, it.start - 60), it.start
            ):
                claim.modality = "actual"
            claims.append(replace(claim, metric="deal_value", alternates=list(claim.alternates)))
    return claims


def _market_moves(sentence: str, idx: int, items: list[_Item], resolver: SubjectResolver) -> None:
    """A company moved by a percent in share talk is a share price move, with the price it
    moved to: "Acme shed 2.1% to 17.58 euros" (``extractors.market_moves``)."""
    if not share_talk_near(resolver.text, resolver.sentences, idx, resolver.title):
        return
    mentions = resolver.mentions(idx)
    for k, it in enumerate(items):
        if it.metric is not None or it.fig.kind != "percent" or it.role != "change":
            continue
        if mover_before(sentence, it.start, mentions) is None:
            continue
        it.metric = "share_price"
        price = items[k + 1] if k + 1 < len(items) else None
        if (
            price is not None
            and price.metric is None
            and price.fig.kind == "money"
            and PRICE_AFTER_RE.fullmatch(sentence, it.cue_end, price.start)
        ):
            price.metric = "share_price"


def _moved_level(items: list[_Item], k: int) -> bool:
    """Is ``items[k]`` a money level with no metric right after a skipped move in the same money?"""
    it, move = items[k], items[k - 1]
    return (
        it.metric is None
        and it.role == "value"
        and move.role == "skip"
        and it.fig.kind == "money"
        and move.fig.kind == "money"
        and move.fig.unit == it.fig.unit
    )


def _market_money_moves(sentence: str, idx: int, items: list[_Item], resolver: SubjectResolver) -> None:
    """A company moved by a sum to a level in share talk is a share price: "Acme fell $2.10 to
    $41.20", "Acme finished down 12p at 250p" (the level carries the move; ``_money_move_levels``)."""
    if not share_talk_near(resolver.text, resolver.sentences, idx, resolver.title):
        return
    for k, it in enumerate(items):
        if not k or not _moved_level(items, k):
            continue
        move = items[k - 1]
        before = sentence[max(0, move.start - 30) : move.start]
        if (it.fig.value or 0.0) >= 100_000 or not _money_move(before):
            continue
        if mover_before(sentence, move.start, resolver.mentions(idx)) is not None:
            it.metric = "share_price"
            if it.change is None:
                value = move.fig.value or 0.0
                it.change = {"kind": "absolute", "value": -value if is_fall(before) else value}


# "Bexco will pay 200m euros, once the deal is approved": a price paid in a deal told in the sentence
# or the one before; never a tax, a fine, a settlement or compensation
_PAY_BEFORE_RE: Final = re.compile(r"\b(?:pay|pays|paying)\s+(?:(?:a|an|the)\s+)?$", re.IGNORECASE)
_DEAL_WORD_RE: Final = re.compile(
    r"\b(?:deal|acquir\w*|acquisition|buy|buys|buying|bought|takeover|take over|merger|purchas\w*|"
    r"stake|bid)\b",
    re.IGNORECASE,
)
_NOT_DEAL_PAY_RE: Final = re.compile(
    r"\b(?:tax\w*|fines?|fined|penalt\w*|settle\w*|compensat\w*|damages|dividends?|wages?|salar\w*|"
    r"bonus\w*|pensions?|interest|rent|fees?|bills?|debts?|refunds?|royalt\w*|licen[cs]e)\b",
    re.IGNORECASE,
)
# a deal to supply goods is a supply contract, not an acquisition (CLAIMS.md deal_value)
_SUPPLY_RE: Final = re.compile(r"\b(?:suppl(?:y|ies|ying|ied)|deliver(?:y|ies|ing)?)\b", re.IGNORECASE)


def _paid_in_deal(
    text: str, sentence: str, idx: int, items: list[_Item], hits: list[CueHit], resolver: SubjectResolver
) -> None:
    """Money paid in a deal ("X will pay $50m" after "X agreed to buy 30% of Y") is a deal value;
    a "deal" cue alone, in an article about supplying goods, is a supply contract."""
    for it in items:
        if it.role != "value" or it.fig.kind != "money":
            continue
        if it.metric is None and _PAY_BEFORE_RE.search(sentence, max(0, it.start - 20), it.start):
            ps = resolver.sentences[idx - 1][0] if idx > 0 else resolver.sentences[idx][0]
            ss = resolver.sentences[idx][0]
            if _DEAL_WORD_RE.search(text, ps, ss + len(sentence)) and not _NOT_DEAL_PAY_RE.search(sentence):
                it.metric = "deal_value"
        elif it.metric == "deal_value" and all(h.priority <= 0 for h in hits if h.metric == "deal_value"):
            ss = resolver.sentences[idx][0]
            if _SUPPLY_RE.search(text, max(0, ss - 600), ss + len(sentence) + 600):
                it.metric = "skip"


# "agreed to buy Bexco's stake in Acme, its biggest rival, for up to $2bn": the price of a stake bought
_STAKE_BOUGHT_RE: Final = re.compile(
    r"\b(?:buy|buys|bought|buying|acquire[sd]?|acquiring|purchase[sd]?|purchasing|sell|sells|sold|selling)\s+"
    r"[^;:]{0,60}?\bstakes?\b[^;:]{0,100}?\bfor\s+"
    r"(?:up to\s+|about\s+|around\s+|some\s+|nearly\s+|almost\s+)?$",
    re.IGNORECASE,
)


# every match of _STAKE_BOUGHT_RE holds "stake": most windows have none, and no search runs there
_STAKE_BOUGHT_GATE: Final = LiteralGate(_STAKE_BOUGHT_RE.pattern, _STAKE_BOUGHT_RE.flags)


def _stake_bought(sentence: str, items: list[_Item]) -> None:
    for it in items:
        if (
            it.role == "value"
            and it.fig.kind == "money"
            and it.metric in (None, "skip")
            and _STAKE_BOUGHT_GATE.may_match(sentence, max(0, it.start - 200), it.start)
            and _STAKE_BOUGHT_RE.search(sentence, max(0, it.start - 200), it.start)
            and not _NOT_DEAL_PAY_RE.search(sentence)
        ):
            it.metric = "deal_value"


# "of the $550m it lost on trading": a sum the company lost, told in a relative clause after it
_RELATIVE_LOST_RE: Final = re.compile(
    r"\)?\s+(?:that\s+|which\s+)?(?:it|they|the (?:company|firm|group|bank)|[A-Z][\w&-]*)\s+"
    r"(?:had\s+|has\s+|have\s+)?lost\b"
)


def _relative_loss(sentence: str, items: list[_Item]) -> None:
    if sentence.find(" lost") < 0:
        return
    for it in items:
        if it.role == "value" and it.fig.kind == "money" and _RELATIVE_LOST_RE.match(sentence, it.cue_end):
            it.metric = "loss"


# "valued Acme - which owns the Bexco brand - at $2bn": a dashed aside between "valued NAME" and "at"
_VALUED_ASIDE_RE: Final = re.compile(
    r"\bvalu(?:e|es|ed|ing)\s+(?:[\w'’&.-]+\s+){1,3}?[-–—]\s[^-–—;:]{1,80}?\s[-–—]\s+at\s+$", re.IGNORECASE
)


def _valued_past_aside(sentence: str, items: list[_Item]) -> None:
    if sentence.find(" at ") < 0:
        return
    for it in items:
        if (
            it.role == "value"
            and it.fig.kind == "money"
            and it.metric is None
            and _VALUED_ASIDE_RE.search(sentence, max(0, it.start - 140), it.start)
        ):
            it.metric = "valuation"


# "It was sold in 2004 to a group of investors ... for $800m": a passive sale told with its price
_PASSIVE_SALE_RE: Final = re.compile(
    r"\b(?:was|were|has been|had been|have been|is being|was being)\s+(?:[a-z]+ly\s+)?"
    r"(?:sold|bought|acquired|purchased|taken over)\b[^;:]*?\bfor\s+"
    r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|just over\s+|more than\s+)?$"
)
_PASSIVE_PRONOUN_RE: Final = re.compile(
    r"\W*(?:It|The\s+(?:company|firm|group|business|unit|division|bank|brand|chain|stake))\s+"
    r"(?:was|were|has been|had been|have been|is being|was being)\s+(?:[a-z]+ly\s+)?"
    r"(?:sold|bought|acquired|purchased|taken over)\b"
)


def _sold_for(sentence: str, items: list[_Item]) -> None:
    """'It was sold in 2004 to a consortium ... for $800m': a price with no cue in its own region."""
    if sentence.find(" for ") < 0:
        return
    for it in items:
        if (
            it.role == "value"
            and it.fig.kind == "money"
            and it.metric is None
            and _PASSIVE_SALE_RE.search(sentence, 0, it.start)
            and not _NOT_DEAL_PAY_RE.search(sentence)
        ):
            it.metric = "deal_value"


_IN_TERMS_RE: Final = re.compile(r"\W*(?:In|By) terms of\s+[^,;]{1,40},", re.I)
_BUYBACK_RE: Final = re.compile(r"\b(?:buy(?:ing)?[ -]?backs?|bought back|repurchas\w*)\b", re.I)
_TO_BUY_RE: Final = re.compile(
    r"^\s*(?:this year\s+|next year\s+)?"
    r"(?:to\s+(?:buy|acquire|take over)|on\s+(?:buying|acquiring)|buying|acquiring)(?:\s+(?:out|up))?\s+"
    r"(?:a|an|the|one of|minority|remaining|outstanding|[A-Z][\w&'’-]*|\w+['’]s)\b"
)
# "a £1bn investment in Acme", "on buying out minority shareholders in data firm Acme": the company bought
_INVESTED_IN_RE: Final = re.compile(r"\)?\s+(?:investment|stake)\s+in\s+(?:the\s+)?")
_BOUGHT_GAP_RE: Final = re.compile(
    r"^\)?\s+(?:on\s+|in\s+)?(?:buying|acquiring|taking over|purchasing)(?:\s+(?:out|up))?\s+"
    r"(?:(?:the|a|an|its|their|[a-z][\w-]*)\s+){0,3}?(?:shareholders|holders|investors|stakes?|shares)\s+"
    r"(?:in|of)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,4}$"
)
_GOODS_RE: Final = re.compile(
    r"\b(?:planes?|aircraft|jets?|airliners|ships?|vessels?|trains?|trucks?|turbines?|equipment|machines?|"
    r"land|sites?|buildings?|shares)\b",
    re.I,
)
_LIST_SEP_RE: Final = re.compile(r"^(?:\s*,\s*(?:and\s+)?|\s+and\s+)$")
# "Acme and Bexco - the two biggest makers - both fell 2%": an aside may come before "both"
_ALL_RE: Final = re.compile(
    r"^(?:\s+[-–—]\s+[^\d\-–—]{1,80}?\s+[-–—]|\s*,[^,\d]{1,80},)?\s+(?:all|both|each)\s+(?:[a-z]+\s+){0,3}$"
)


def _shared_by(sentence: str, start: int, subject: str | None, mentions: list[Mention]) -> list[str]:
    """ "Acme, Bexco and Cora all falling by 7%": one claim per company of the list."""
    before = [m for m in mentions if m.end <= start]
    if not before or not _ALL_RE.match(sentence[before[-1].end : start]):
        return []
    names = [before[-1]]
    for m in reversed(before[:-1]):
        if not _LIST_SEP_RE.match(sentence[m.end : names[0].start]):
            break
        names.insert(0, m)
    if len(names) < 2 or subject not in [m.name for m in names]:
        return []
    return [m.name for m in names if m.name != subject]


def _classify(sentence: str, items: list[_Item], job_context: bool = False) -> None:
    for k, it in enumerate(items):
        f = it.fig
        before = sentence[max(0, it.start - 40) : it.start]
        after = sentence[it.end : it.end + 40]
        if f.kind == "money":
            it.unit = f.unit
            if _COMPARATIVE_RE.match(after):
                it.role = "skip"  # "11bn euros higher": a difference, not a level
        elif f.kind == "number":
            m = _COUNT_NOUN_RE.match(after) or _strong_workforce(after)
            noun = m.group("noun").lower() if m else None
            if noun == "people" and m is not None and _PEOPLE_USE_RE.match(sentence, it.end + m.end()):
                noun = "customers"
            if m is None and (by := _staff_by(sentence, it.start)) is not None:
                # "reduce its workforce by 7,000": a job cut (or addition), told by the verb
                it.unit = "count"
                it.noun = "jobs"
                it.noun_end = it.end
                it.role = "change"
                sign = 1.0 if _STAFF_RISE_RE.match(by.group(0)) else -1.0
                it.change = {"kind": "absolute", "value": sign * (f.value or 0.0)}
                continue
            if m is None and (before_unit := _count_before(sentence, it.start, it.end, f.value)):
                it.unit = before_unit
                it.noun = "base"
                it.noun_end = it.end
                continue
            if m is None and _bare_job_change(sentence, items, k, job_context):
                continue
            if noun == "people" and m is not None and _PEOPLE_ON_SCHEME_RE.match(sentence, it.end + m.end()):
                noun = None  # "2 million people on job schemes": people counted in an economy
            if noun is None or (noun == "people" and not _PEOPLE_CONTEXT_RE.search(sentence)):
                it.role = "skip"
                continue
            it.noun = noun
            it.noun_end = it.end + (m.end() if m else 0)
            users = re.fullmatch(_USER_NOUNS, noun) is not None
            it.unit = "users" if users else "count"
            staff_cut = _staff_cut_before(before, noun)  # read twice below
            if (
                noun in ("jobs", "posts", "positions")
                or noun.startswith("job ")
                or JOB_LOSS_RE.match(after[m.end() :].lstrip() if m else "")
                or staff_cut
            ):
                sign = (
                    -1.0
                    if (
                        FALL_RE.search(before[-25:])
                        or staff_cut
                        or JOB_LOSS_RE.search(sentence[it.end :])
                        or noun.startswith("job ")
                        or _jobs_moved_away(before, sentence[it.end : it.end + 60])
                    )
                    else 1.0
                )
                if re.search(r"\bnew\b", after[: m.end()] if m else ""):
                    sign = 1.0
                it.role = "change"
                it.change = {"kind": "absolute", "value": sign * (f.value or 0.0)}
            elif users and re.search(
                r"\b(?:lost|lose|loses|shed|added|adds|add|gained|gains|signed up)\s+$", before
            ):
                sign = -1.0 if re.search(r"\b(?:lost|lose|loses|shed)\s+$", before) else 1.0
                it.role = "change"
                it.change = {"kind": "absolute", "value": sign * (f.value or 0.0)}
            elif users and (noun_sign := _users_change_noun(before)) is not None:
                it.role = "change"
                it.change = {"kind": "absolute", "value": noun_sign * (f.value or 0.0)}
        elif f.kind in ("percent", "multiple"):
            was: str | None = None
            own: re.Match[str] | None = None
            verb_form = f.kind == "multiple" and _MULTIPLE_VERB_RE.match(
                sentence, f.num_start - (f.start - it.start)
            )
            # asked up to three times below for the same window: tested once
            verb_before = change_before(before)
            if (
                _NOT_A_METRIC_RE.match(after)
                or (f.kind == "percent" and _STAKE_AFTER_RE.match(after) and not verb_before)
                or _counted_thing(sentence, it.start)
            ):
                it.role = "skip"
            elif (
                verb_form
                or verb_before
                or CHANGE_AFTER_RE.match(after)
                or (was := _change_was(sentence, it)) is not None
                or (
                    before.endswith("by ")
                    and (own := OWN_NOUN_BY_RE.search(sentence, max(0, it.start - 60), it.start)) is not None
                )
            ):
                if own is not None and not find_cues(own.group(0)):
                    it.role = "skip"  # "reduced its overheads by 20%": a noun no metric counts
                    continue
                it.role = "change"
                kind = "percent" if f.kind == "percent" else "multiple"
                value = f.value or 0.0
                if was is not None:
                    # "sales growth at its 40 stores was 0.5%": the change noun tells the sign
                    it.change = {"kind": kind, "value": -value if is_fall(was) else value}
                    continue
                # "a 4% gain", "closed 12% down": a change word right after the figure gives the sign
                # (an earlier "shares down 1.2%" in the sentence does not)
                told_after = not verb_before and CHANGE_AFTER_RE.match(after)
                if kind == "percent" and (_FALL_AFTER_RE.match(after) if told_after else is_fall(before)):
                    value = -value
                it.change = {"kind": kind, "value": value}
            elif f.kind == "percent" and (prev := _listed_change(sentence, items, it)) is not None:
                # "sales jumped 28% at Acme and 32% at Bexco": a list of the same change
                it.role = "change"
                value = abs(f.value or 0.0)
                fell = (prev.change or {}).get("value", 0) < 0
                it.change = {"kind": "percent", "value": -value if fell else value}
                it.cue_at = prev.start  # and its metric
            elif f.kind == "percent":
                it.unit = "percent"
            else:
                it.role = "skip"


# "Shares in Acme have fallen 6%": a move told of shares, whatever staff words follow it
_SHARES_MOVED_RE: Final = re.compile(r"\b[Ss]hares\b[^,;:]{0,50}$")
_STAFF_BEFORE_RE: Final = re.compile(
    r"\b(?:staff|jobs?|workforce|employees|headcount|workers)\b", re.IGNORECASE
)


def _shares_moved(sentence: str, start: int) -> bool:
    before = sentence[max(0, start - 60) : start]
    return bool(_SHARES_MOVED_RE.search(before)) and not _STAFF_BEFORE_RE.search(before)


# "its 90,000-strong workforce", "a 2,000-strong Zedland staff": a headcount told as a strength
_STRONG_WORKFORCE_RE: Final = re.compile(
    r"-strong\s+(?:[A-Z][\w-]*\s+|[a-z]+\s+){0,3}?(?P<noun>workforce|staff|employees|workers)\b"
)


# "a net loss of 58,000 customers", "a net gain of 9,000 subscribers": a change of users told as a noun
_USERS_CHANGE_NOUN_RE: Final = re.compile(
    r"\b(?:net\s+)?(?P<dir>loss|losses|decline|fall|drop|outflow|gain|gains|addition|additions|increase|rise|"
    r"inflow)\s+of\s+(?:(?:more\s+than|over|almost|nearly|about|around|some|roughly|less\s+than|under)\s+)?$",
    re.IGNORECASE,
)
_USERS_FALL_NOUNS: Final = frozenset(("loss", "losses", "decline", "fall", "drop", "outflow"))


def _users_change_noun(before: str) -> float | None:
    """The sign of a users count told as a net loss or gain ("a net loss of 58,000 customers")."""
    if " of" not in before:
        return None
    m = _USERS_CHANGE_NOUN_RE.search(before)
    if m is None:
        return None
    return -1.0 if m.group("dir").lower() in _USERS_FALL_NOUNS else 1.0


def _strong_workforce(after: str) -> re.Match[str] | None:
    return _STRONG_WORKFORCE_RE.match(after) if after.startswith("-strong") else None


# "may transfer 7,000 jobs abroad", "300 jobs would be moved to Zedburg": jobs a company moves away are
# jobs it cuts where it is
_MOVE_JOBS_BEFORE_RE: Final = re.compile(
    r"\b(?:transfer|move|shift|relocat|outsourc|offshor)\w*\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE
)
_JOBS_MOVED_AFTER_RE: Final = re.compile(
    r"\b(?:be|been|being|are|were)\s+(?:moved|transferred|shifted|relocated|outsourced|offshored)\b|"
    r"\b(?:shift|move|transfer|relocate)s?\s+(?:overseas|abroad|offshore|out\b|to\b)",
    re.IGNORECASE,
)


def _jobs_moved_away(before: str, after: str) -> bool:
    return bool(_MOVE_JOBS_BEFORE_RE.search(before[-40:]) or _JOBS_MOVED_AFTER_RE.search(after))


# "will pay $76 a share, 6% more than Monday's closing price": an offer's premium, no move of the shares
_PREMIUM_AFTER_RE: Final = re.compile(
    r"\s+(?:more|higher|above)\s+(?:than\s+)?(?:the\s+|its\s+|their\s+)?(?:[\w'’&-]+\s+){0,3}?"
    r"(?:closing|market|share|stock|trading)\s+price\b|\s+premium\b",
    re.IGNORECASE,
)
# "sales growth at the 40 Acme stores was 0.5%": a change noun, then its size after "was"
_CHANGE_WAS_RE: Final = re.compile(
    r"\b(?:growth|increase|rise|decline|fall|drop)\b[^,;%$£€]{0,90}?"
    r"\b(?:was|were|will be|would be|stood at|came in at)\s+"
    r"(?:about\s+|around\s+|nearly\s+|almost\s+|just\s+|only\s+)?$",
    re.IGNORECASE,
)


def _premiums(sentence: str, items: list[_Item]) -> None:
    if sentence.find("price") < 0 and sentence.find("premium") < 0:
        return
    for it in items:
        if it.role == "change" and it.fig.kind == "percent" and _PREMIUM_AFTER_RE.match(sentence, it.end):
            it.role = "skip"


# "laid off more than 60 employees", "cut 500 staff", "will shed 200 workers": a cut of staff
_STAFF_CUT_BEFORE_RE: Final = re.compile(
    r"\b(?:cut|cuts|cutting|shed|sheds|shedding|axe[sd]?|axing|slash(?:ed|es|ing)?|eliminat(?:e|ed|es|ing)|"
    r"la(?:y|ys|id|ying)[ \t]+off|fire[sd]?|firing)[ \t]+"
    r"(?:(?:about|around|some|nearly|almost|roughly|more[ \t]+than|over|up[ \t]+to|another|"
    r"a[ \t]+further)[ \t]+)?$",
    re.IGNORECASE,
)
_STAFF_CUT_NOUNS: Final = frozenset(
    ("employees", "staff", "workers", "people", "managers", "engineers", "jobs")
)


def _staff_cut_before(before: str, noun: str) -> bool:
    """Is the staff count the object of a cutting verb right before it ("laid off 60 employees")?"""
    return noun.split()[-1] in _STAFF_CUT_NOUNS and _STAFF_CUT_BEFORE_RE.search(before[-40:]) is not None


def _change_was(sentence: str, it: _Item) -> str | None:
    """The change noun phrase of "growth at ... was 0.5%", or None."""
    if it.fig.kind != "percent" or not sentence.endswith((" ", "\t"), 0, it.start):
        return None
    lo = max(0, it.start - 120)
    if not any(
        sentence.find(w, lo, it.start) >= 0 for w in ("was", "were", "stood", "came", "will be", "would be")
    ):
        return None
    m = _CHANGE_WAS_RE.search(sentence, lo, it.start)
    return m.group(0) if m else None


# "the number of elderly will have almost doubled": the change's subject is a count of something
_NUMBER_OF_RE: Final = re.compile(
    r"\bthe\s+(?:number|proportion|amount)\s+of\s+(?P<n>[a-z][\w-]*)(?:\s+[a-z][\w-]*){0,4}?\s+$"
)
_COUNTED_METRIC_RE: Final = re.compile(rf"(?:{_USER_NOUNS}|{_STAFF_NOUNS}|shares|stores|shops|outlets)$")


def _counted_thing(sentence: str, start: int) -> bool:
    """The change is of "the number of X" for an X that no metric counts (people aged over 65, cars)."""
    if sentence.find("of ", max(0, start - 70), start) < 0:
        return False
    m = _NUMBER_OF_RE.search(sentence, max(0, start - 70), start)
    return m is not None and _COUNTED_METRIC_RE.match(m.group("n")) is None


def _bare_job_change(sentence: str, items: list[_Item], k: int, job_context: bool) -> bool:
    """A count with no noun that is a job cut: "Another 800 will go" after jobs were told, or a
    count listed after a job cut ("800 will go from retail, 500 from logistics")."""
    it = items[k]
    f = it.fig
    if (f.value or 0.0) < 10 or f.scale != 1.0 and f.scale < 1000:
        return False
    if _GO_AFTER_RE.match(sentence, it.end) and (job_context or _STAFF_WORD_RE.search(sentence)):
        sign = -1.0
    else:
        prev = next(
            (
                p
                for p in reversed(items[:k])
                if p.role == "change" and p.unit == "count" and p.change and p.change["kind"] == "absolute"
            ),
            None,
        )
        if (
            prev is None
            or not _LISTED_COUNT_RE.match(sentence, it.end)
            or not _LIST_BEFORE_RE.search(sentence, max(0, it.start - 6), it.start)
            or any(q.fig.kind != "number" for q in items[items.index(prev) + 1 : k])
        ):
            return False
        it.same_as = prev
        sign = -1.0 if prev.change is not None and prev.change["value"] < 0 else 1.0
    it.unit = "count"
    it.noun = "jobs"
    it.noun_end = it.end
    it.role = "change"
    it.change = {"kind": "absolute", "value": sign * (f.value or 0.0)}
    return True


_LISTED_AT_RE: Final = re.compile(r"^\s+at\s+[^,;%]{1,80}?(?:,\s*|\s+)(?:and|while|with)\s+$")
_AT_AFTER_RE: Final = re.compile(r"^\s+at\s")


def _index_of(items: list[_Item], it: _Item) -> int:
    """``items.index(it)`` by identity: ``list.index`` compares the items before ``it`` field by field."""
    for k, x in enumerate(items):
        if x is it:
            return k
    raise ValueError("item not in list")


def _listed_change(sentence: str, items: list[_Item], it: _Item) -> _Item | None:
    """'up 28% at Acme and 32% at Bexco': the change before, when both are told "at" a name."""
    k = _index_of(items, it)
    prev = items[k - 1] if k else None
    if (
        prev is None
        or prev.role != "change"
        or prev.fig.kind != "percent"
        or prev.change is None
        or not _AT_AFTER_RE.match(sentence[it.end :])
        or not _LISTED_AT_RE.match(sentence[prev.end : it.start])
    ):
        return None
    return prev


def _money_move(before: str) -> bool:
    """``_MONEY_MOVE_RE.search(before) is not None`` ("shares fell ", "rose by "), read from the last
    words instead of trying the regex at every offset: ``before`` ends in whitespace, and its last
    word, or the one before a last "by", ends in a verb (``str.split`` splits where ``\\s`` matches)."""
    if not before[-1:].isspace():
        return False
    words = before.split()
    if words and words[-1].lower() == "by":  # no other character matches "b" or "y" under IGNORECASE
        words.pop()
    return bool(words) and _MONEY_MOVE_WORD_RE.fullmatch(words[-1]) is not None


def _money_moves(sentence: str, items: list[_Item]) -> None:
    """A money amount right after a rise/fall verb is the size of a move, not a level.

    Told again as a percent ("rose 15 cents - 1.1%") the percent is the change; followed by
    the level ("fell $2 to $43") the level carries the claim. Either way the amount is no claim.
    """
    for i, it in enumerate(items):
        if it.fig.kind != "money" or it.role != "value":
            continue
        prev = items[i - 1] if i else None
        if (
            prev is not None
            and prev.role == "change"
            and _RESTATED_MOVE_RE.search(sentence, prev.end, it.start)
        ):
            it.role = "skip"  # "sank 10% - or $1 - to close at $9": the move told again in money
            continue
        if not _money_move(sentence[max(0, it.start - 30) : it.start]):
            continue
        nxt = items[i + 1] if i + 1 < len(items) else None
        if nxt is None:
            continue
        gap = sentence[it.end : nxt.start]
        if nxt.fig.kind == "percent" and _PERCENT_RESTATED_RE.match(gap):
            it.role = "skip"
            nxt.role = "change"
            nxt.unit = None
            value = nxt.fig.value or 0.0
            nxt.change = {"kind": "percent", "value": -value if is_fall(sentence[: it.start]) else value}
            nxt.cue_at = it.start
        elif nxt.fig.kind == "money" and _LEVEL_FOLLOWS_RE.match(gap):
            it.role = "skip"


# "fell $2 on Tuesday to close at $40", "rose 5p to a new high of 583p": a time phrase and a closing
# verb may stand between the size of a move and the level it moved to
_MOVE_TO_LEVEL_GAP_RE: Final = re.compile(
    r"\)?\s+(?:(?:on|in|by|at)\s+(?:the\s+)?[\w-]+(?:\s+(?:trade|trading))?\s+)?(?:to|at)\s+"
    r"(?:(?:close|end|finish|settle|stand)\s+(?:the\s+day\s+)?at\s+|"
    r"an?\s+(?:new\s+|record\s+|[\w-]+-(?:year|month|week)\s+)?(?:high|low|peak)\s+of\s+)?$",
    re.IGNORECASE,
)
# "closed at 270p on Friday, down 3p": the level, then the size of its move
_LEVEL_THEN_MOVE_RE: Final = re.compile(
    r"\)?(?:\s+(?:on|in|by|at)\s+(?:the\s+)?[\w-]+(?:\s+(?:trade|trading))?)?,\s+(?:up|down)\s+(?:by\s+)?$",
    re.IGNORECASE,
)
# "boost net income by 400m euros", "sales will dip by at least $30m": a verb of change, then "by"
_BY_BEFORE_RE: Final = re.compile(r"\bby\s+$")
_MOVE_VERB_BY_RE: Final = re.compile(
    r"(?<![\w-])(?:lift(?:s|ed|ing)?|rais(?:e|es|ed|ing))(?![\w-])", re.IGNORECASE
)


def _money_move_levels(sentence: str, items: list[_Item]) -> None:
    """The size of a move in money is no level of its own (CLAIMS.md ``change.absolute``).

    Beside its level ("fell $2 on Tuesday to close at $40", "closed at 270p, down 3p", "boost
    profit by €4m to €25m") the level carries the claim; alone after a verb of change and "by"
    ("sales will dip by $30m") the move is a change with a null value.
    """
    for i, it in enumerate(items):
        if it.fig.kind != "money" or it.role != "value":
            continue
        nxt = items[i + 1] if i + 1 < len(items) else None
        prev = items[i - 1] if i else None
        before = sentence[max(0, it.start - 50) : it.start]
        moved = _money_move(before[-30:])
        by = _by_before(before) and _move_verb_before_by(before)
        if not (moved or by):
            continue
        value = it.fig.value or 0.0
        change = {"kind": "absolute", "value": -value if is_fall(before) else value}
        level = None
        if (
            nxt is not None
            and _same_money(it, nxt)
            and _MOVE_TO_LEVEL_GAP_RE.match(sentence, it.cue_end, nxt.start)
        ):
            level = nxt
        elif (
            prev is not None
            and prev.role == "value"
            and _same_money(prev, it)
            and (prev.fig.value or 0.0) > value
            and _LEVEL_THEN_MOVE_RE.match(sentence, prev.cue_end, it.start)
        ):
            level = prev
        elif by and (nxt is None or nxt.fig.kind != "money"):
            it.role = "change"
            it.change = change
            continue
        if level is not None:
            it.role = "skip"
            if level.change is None:
                level.change = change


def _by_before(before: str) -> bool:
    """``_BY_BEFORE_RE.search(before) is not None`` ("by", then whitespace to the end), read from the
    end: ``str.rstrip`` strips what ``\\s`` matches, and ``\\b`` before "b" is no word character
    (``str.isalnum`` or "_") before it."""
    stripped = before.rstrip()
    if len(stripped) == len(before) or not stripped.endswith("by"):
        return False
    k = len(stripped) - 2
    return k == 0 or not (stripped[k - 1].isalnum() or stripped[k - 1] == "_")


def _move_verb_before_by(before: str) -> bool:
    """A verb of change in the words before the "by" that ends ``before``."""
    return bool(RISE_RE.search(before) or FALL_RE.search(before) or _MOVE_VERB_BY_RE.search(before))


def _same_money(a: _Item, b: _Item) -> bool:
    return a.fig.kind == b.fig.kind == "money" and a.unit == b.unit and a.unit is not None


def _drop_non_claims(
    sentence: str, items: list[_Item], clauses: Clauses, mentions: Callable[[], list[tuple[int, int]]]
) -> None:
    """Figures that carry a metric cue but are no claim of a company (CLAIMS.md, rules of thumb)."""
    low = lower_for_words(sentence)  # once for the literal gates of every item's drop rules
    for it in items:
        if it.role not in ("value", "change") or it.metric in (None, "skip"):
            continue
        rs, _ = clauses.region(it.start)
        cs, _ = clauses.clause(it.start)
        if it.role == "value" and it.fig.kind == "money":
            m = _PER_UNIT_RE.match(sentence, it.cue_end)
            per_share = (m.group("a") or m.group("per") or "").lower() == "share" if m else False
            if m and not (per_share and not _DEAL_CONTEXT_RE.search(sentence)):
                it.metric = "skip"
                continue
            if _FOR_EACH_SHARE_RE.match(sentence, it.cue_end):
                it.metric = "skip"  # "$1.50 in cash for each Acme share": an offer's terms per share
                continue
            if per_share and _PER_SHARE_CUE_RE.search(sentence, max(0, it.start - 40), it.start):
                it.metric = "skip"  # earnings or a dividend per share: not in the taxonomy
                continue
            if _SHARES_VALUED_RE.search(sentence, max(0, it.start - 60), it.start):
                it.metric = "skip"  # a value per share ("values Acme shares at $7")
                for nxt in items:  # "... at $7 to $8": the range's other end too
                    if nxt.start >= it.cue_end and _TO_GAP_RE.match(sentence[it.cue_end : nxt.start]):
                        nxt.metric = "skip"
                continue
            if _OFF_AFTER_RE.match(sentence, it.cue_end):
                it.metric = "skip"  # "knock $2bn off its profits": the size of a cut
                continue
            if _LAWSUIT_AFTER_RE.match(sentence, it.cue_end) or _SUED_FOR_RE.search(
                sentence, max(0, it.start - 60), it.start
            ):
                it.metric = "skip"  # "her £3m discrimination case", "sued for $5m": a sum in a lawsuit
                continue
            if _FX_BEFORE_RE.search(sentence, max(0, it.start - 40), it.start) or _FX_AFTER_RE.match(
                sentence, it.cue_end
            ):
                it.metric = "skip"  # an exchange rate
                continue
            if _unit_priced(sentence, it):
                it.metric = "skip"  # "$9.99 a month", "$2.53 in per-share earnings": no company's total
                continue
            if _GOODS_PRICE_BEFORE_RE.search(sentence, max(0, it.start - 40), it.start):
                it.metric = "skip"  # "homes worth over £1m", "cars costing $50,000": a price of goods
                continue
            if (
                sentence.find("mum", max(0, it.start - 60), it.start) >= 0
                or sentence.find("multiples", max(0, it.start - 20), it.start) >= 0
            ) and _PRODUCT_TERMS_BEFORE_RE.search(sentence, max(0, it.start - 60), it.start):
                it.metric = "skip"  # "a minimum investment of £100": a savings product's terms
                continue
        if it.metric == "market_share" and _STATS_OWNER_RE.match(sentence, rs, it.start):
            it.metric = "skip"  # "the figures represent less than 1% of Utopia's exports": no company's share
            continue
        if it.metric == "share_price":
            owner = sentence[cs : it.start]
            if _DIVIDEND_RE.search(owner):
                it.metric = "skip"  # "cut its dividend to 17 cents a share from 34 cents": no share price
                continue
            if _INDEX_OWNER_RE.search(owner) and not _SHARES_WORD_RE.search(owner):
                it.metric = "skip"
                continue
        if it.metric == "capex" and it.role == "value":
            after = sentence[it.cue_end : it.cue_end + 60]
            if _FOREIGN_INVESTMENT_RE.match(after):
                it.metric = "skip"  # "to attract $15bn of foreign investment": a country's inflow
                continue
            if _BUYBACK_RE.search(after):
                it.metric = "skip"  # a share buy-back is no investment in the company's own assets
                continue
            if _TO_BUY_RE.match(after) and not _GOODS_RE.search(after):
                it.metric = "deal_value"  # "will spend $3bn to buy a rival": an acquisition
            elif (inv := _INVESTED_IN_RE.match(after)) is None:
                pass
            elif any(a == it.cue_end + inv.end() for a, _ in mentions()):
                it.metric = "deal_value"  # "a £1bn investment in Acme": buying into a company
        if (
            it.role == "value"
            and it.fig.kind == "money"
            and it.metric in ("deal_value", "revenue")
            and _NEW_SHARES_AFTER_RE.match(sentence, it.cue_end)
        ):
            it.metric = "funding"  # "will sell €250m of new shares": a company raising money for itself
        if it.role == "change" and it.metric == "revenue" and _VOLUME_LEVEL_RE.match(sentence, it.end):
            it.metric = "skip"
            continue
        if _market_or_trade(sentence, it):
            it.metric = "skip"
            continue
        if _macro_owner(sentence, low, rs, it.start, mentions) or _public_figure(
            sentence, low, cs, rs, it, mentions
        ):
            it.metric = "skip"


# "$9.99 monthly", "$2.53 in per-share earnings", "$129.99 edition": a price of one thing or a per-share
# figure, told as a small bare sum (no scale word); "sold it for £10" stays a (nominal) deal
_PER_PERIOD_AFTER_RE: Final = re.compile(
    r"\)?[\s-]+(?:(?:a|per)[\s-]+(?:month|week)|monthly|weekly|in[\s-]+(?:[a-z]+[\s-]+)?(?:per[\s-]share|EPS)\b)",
    re.IGNORECASE,
)
_SOLD_FOR_BEFORE_RE: Final = re.compile(
    r"\b(?:sold|bought|acquired|purchased|buy|sell)\b[^.;]{0,60}?\bfor\s+$", re.I
)
# "the average retail price of a new car was $39,014, up from $38,373": prices of goods, no company's
# figure (a bare sum after the price words, in the same sentence)
_AVERAGE_PRICE_BEFORE_RE: Final = re.compile(
    r"\b(?:average|typical|median|retail|starting|sticker)\s+(?:[a-z]+\s+)?prices?\b[^.;]{0,150}$", re.I
)
# "with prices as low as $1,299", "prices starting at $24,000", "prices from £899": what goods cost
# (a sum written out in full; a share, offer or purchase price is no price of goods)
_PRICES_FROM_BEFORE_RE: Final = re.compile(
    r"(?<!share )(?<!stock )(?<!offer )(?<!purchase )(?<!asking )(?<!sale )(?<!bid )(?<!issue )"
    r"\bprices?\s+(?:as\s+(?:low|high)\s+as|(?:starting|start|ranging|range)\s+(?:at|from)|from)\s+$",
    re.I,
)
_EXPECTED_PER_SHARE_RE: Final = re.compile(r"\b(?:expect\w*|predict\w*|forecast\w*|estimat\w*)\s+$", re.I)
_COMPANY_MONEY: Final = frozenset(
    ("revenue", "profit", "loss", "deal_value", "valuation", "funding", "capex", "debt", "market_cap", "arr")
)


def _unit_priced(sentence: str, it: _Item) -> bool:
    """A money value that is a price of goods or a per-share or per-period figure, no company total."""
    small = it.fig.scale == 1.0 and (it.fig.value or 0.0) < 1000
    if small and _PER_PERIOD_AFTER_RE.match(sentence, it.cue_end):
        return True
    if it.metric == "share_price":
        # "analysts were expecting $2.52 a share": earnings per share expected, not a share price
        return (
            small
            and _EXPECTED_PER_SHARE_RE.search(sentence, max(0, it.start - 30), it.start) is not None
            and _PER_UNIT_RE.match(sentence, it.cue_end) is not None
            and _SHARES_WORD_RE.search(sentence, 0, it.start) is None
        )
    if it.metric not in _COMPANY_MONEY or it.fig.scale != 1.0:
        return False
    if _AVERAGE_PRICE_BEFORE_RE.search(sentence, max(0, it.start - 170), it.start):
        return True
    if _PRICES_FROM_BEFORE_RE.search(sentence, max(0, it.start - 60), it.start):
        return True
    return small and not _SOLD_FOR_BEFORE_RE.search(sentence, max(0, it.start - 80), it.start)


# "a gauge of world stocks gained 0.2%", "an index of Asian shares closed 0.7% higher": an index's move
_INDEX_OF_SHARES_RE: Final = re.compile(
    r"\b(?:gauges?|ind(?:ex|ices)|benchmarks?)\s+of\s+(?:[\w-]+\s+){0,3}?(?:shares|stocks|equities)\b", re.I
)
# "Copper rose 0.9% to $5,880 a tonne": a commodity's price move
_COMMODITY_MOVE_RE: Final = re.compile(
    r"\s+(?:higher\s+|lower\s+)?(?:to|at)\s+\S{0,4}[\d.,]+\s*(?:a|per|an)\s+"
    r"(?:tonne|ton|barrel|ounce|pound|bushel|gallon|troy ounce)\b",
    re.I,
)
# "$20bn of Utopian farm goods", "$45bn in annual Utopian purchases of ...": a country's trade
_TRADE_GOODS_AFTER_RE: Final = re.compile(
    r"\)?\s+(?:worth\s+)?(?:of|in)\s+(?:[a-z]+\s+){0,2}(?P<place>[A-Z][\w-]+)\s+(?:[a-z]+\s+){0,2}?"
    r"(?:goods|products|purchases|exports|imports|produce)\b"
)


def _market_or_trade(sentence: str, it: _Item) -> bool:
    """An index's or a commodity's move, or a country's trade in goods: no company's figure."""
    if it.metric == "share_price" and it.role == "change":
        if _COMMODITY_MOVE_RE.match(sentence, it.end):
            return True
        cs = max(0, sentence.rfind(",", 0, it.start) + 1)
        return _INDEX_OF_SHARES_RE.search(sentence, cs, it.start) is not None
    if it.role != "value" or it.fig.kind != "money" or it.metric not in ("deal_value", "capex", "revenue"):
        return False
    m = _TRADE_GOODS_AFTER_RE.match(sentence, it.cue_end)
    return m is not None and is_country(m.group("place"))


# "15% lower than analysts had expected", "10% above forecasts": a gap to expectations, no change
_EXPECTATION_GAP_RE: Final = re.compile(
    r"\s+(?:lower|higher|more|less|better|worse|below|above|short\s+of|ahead\s+of)\s+(?:than\s+)?"
    r"(?:(?:the\s+)?(?:analysts['’]?|market|city|consensus|previous|earlier|its\s+own)\s+)?(?:had\s+|were\s+)?"
    r"(?:expect\w*|forecast\w*|estimat\w*|predict\w*|consensus|guidance)\b",
    re.IGNORECASE,
)


def _drop_terms_and_gaps(sentence: str, items: list[_Item]) -> None:
    """A deal "at just over 300p" (a price per share in pence or cents is a deal's term, not its value)
    and a change that is only a gap to expectations ("15% lower than analysts had expected")."""
    for it in items:
        if it.metric in (None, "skip") or it.role not in ("value", "change"):
            continue
        per_share = it.metric in ("deal_value", "valuation") and it.fig.kind == "money" and it.fig.scale < 1.0
        gap = it.fig.kind == "percent" and it.role == "change" and _EXPECTATION_GAP_RE.match(sentence, it.end)
        if per_share or gap:
            it.metric = "skip"


# "offer 22.5bn yuan worth of shares to investors": a company selling its shares raises money for itself
_SHARES_TO_INVESTORS_RE: Final = re.compile(
    r"\)?\s+(?:worth\s+)?of\s+(?:new\s+|its\s+|their\s+)?(?:shares|stock)\s+to\s+"
    r"(?:the\s+public|(?:[\w-]+\s+)?investors)\b",
    re.IGNORECASE,
)
# "a $3bn deal to build a network": a deal for building the company's own assets is its investment
_DEAL_TO_BUILD_RE: Final = re.compile(
    r"\)?\s+(?:deal|project|venture|agreement|plan)\s+to\s+(?:build|construct|set\s+up|develop)\b",
    re.IGNORECASE,
)
# a contract won, awarded or a tender: building for a client, not for itself (no claim in v1)
_CONTRACT_WORDS_RE: Final = re.compile(r"\b(?:won|wins|win|awarded|secured|contracts?|tenders?|bid)\b", re.I)


def _own_build_or_share_sale(sentence: str, items: list[_Item]) -> None:
    """Money for shares sold to investors is funding; a deal to build the company's assets is capex."""
    for it in items:
        if it.role != "value" or it.fig.kind != "money":
            continue
        if it.metric in (None, "deal_value", "revenue") and _SHARES_TO_INVESTORS_RE.match(
            sentence, it.cue_end
        ):
            it.metric = "funding"
        elif (
            it.metric == "deal_value"
            and _DEAL_TO_BUILD_RE.match(sentence, it.cue_end)
            and not _CONTRACT_WORDS_RE.search(sentence)
        ):
            it.metric = "capex"


# "the state's provision of a 400m euro loan to the carrier", "the $6bn which Quanta Bank lent Zorbel":
# a loan given to a company is money it raised from a lender (funding); one to repay is its debt
_LOAN_GIVEN_BEFORE_RE: Final = re.compile(
    r"\b(?:provision\s+of|provided?|providing|granted|grants?|granting|gave|give|giving|extended|"
    r"lent|lends?|lending|received|receives?|receiving)\b(?:\s+[\w-]+){0,3}\s+$",
    re.IGNORECASE,
)
_LOAN_TO_AFTER_RE: Final = re.compile(r"\)?(?:\s+[\w-]+)?\s+loans?\s+to\s+(?:the\s+)?(?:[A-Z]|[a-z]+\b)")
_LENT_AFTER_RE: Final = re.compile(r"\)?\s+(?:which|that)\s+(?:[\w-]+\s+){0,4}?(?:lent|loaned|gave)\b")
_REPAID_RE: Final = re.compile(
    r"\b(?:repa(?:y|id|ying|yment)|pa(?:y|id|ying)\s+(?:back|off))\b", re.IGNORECASE
)


def _loan_provided(sentence: str, items: list[_Item]) -> None:
    """A loan told as given to a company (not one it must repay) is funding."""
    if "lo" not in sentence and "lent" not in sentence:
        return
    for it in items:
        if it.role != "value" or it.fig.kind != "money" or it.metric not in ("debt", "deal_value", None):
            continue
        given = (
            it.metric == "debt"
            and (
                _LOAN_GIVEN_BEFORE_RE.search(sentence, max(0, it.start - 40), it.start)
                or _LOAN_TO_AFTER_RE.match(sentence, it.cue_end)
            )
        ) or _LENT_AFTER_RE.match(sentence, it.cue_end)
        if given and not _REPAID_RE.search(sentence):
            it.metric = "funding"


# every rule above that gives a money value a metric of its own, with no cue of it, needs one of the
# words of its regex (``_no_metric_possible``)
_MONEY_RULES_GATE: Final = LiteralGate.any_of(
    LiteralGate(rx.pattern, rx.flags)
    for rx in (
        _STAKE_BOUGHT_RE,  # _stake_bought
        _RELATIVE_LOST_RE,  # _relative_loss
        _VALUED_ASIDE_RE,  # _valued_past_aside
        _PASSIVE_SALE_RE,  # _sold_for
        _PAY_BEFORE_RE,  # _paid_in_deal
        _SHARES_TO_INVESTORS_RE,  # _own_build_or_share_sale
        _LENT_AFTER_RE,  # _loan_provided
    )
)


# "436 homes over £1m", "flats worth more than £2m", "cars costing $50,000": goods told by their price
_GOODS_PRICE_BEFORE_RE: Final = re.compile(
    r"\b(?:propert(?:y|ies)|homes?|houses?|flats?|apartments?|cars?|vehicles?)\s+"
    r"(?:(?:worth|costing|priced|valued|selling|sold|going)\s+(?:(?:at|for)\s+)?)?"
    r"(?:(?:over|under|above|below|more than|less than|of more than|of over|at least|up to)\s+)?$",
    re.IGNORECASE,
)
# "the minimum for each purchase is £100", "a maximum balance of £3,000", "in multiples of £10"
_PRODUCT_TERMS_BEFORE_RE: Final = re.compile(
    r"\b(?:minimum|maximum)\s+(?:(?:for|per|on)\s+(?:each|every|a|an|one)\s+)?"
    r"(?:investment|balance|deposit|purchase|holding|contribution|subscription|premium|payment|order|"
    r"amount|spend|top-up)s?\b[^,;]{0,20}$|\b(?:multiples|increments)\s+of\s+$",
    re.IGNORECASE,
)
_FOREIGN_INVESTMENT_RE: Final = re.compile(
    r"\)?\s+(?:of|in)\s+(?:new\s+)?(?:foreign|overseas|inward|outside)\s+(?:direct\s+)?investments?\b", re.I
)


def _from_to(sentence: str, items: list[_Item]) -> None:
    """ "cut its losses from £20m to £1m after selling players": both ends are one figure's levels.

    The later end takes the earlier end's metric (a cue after it reads another clause); a price
    per item after the later end ("from £2.50 to £4 a leg") is a price of goods at both ends.
    """
    vals = [it for it in items if it.role == "value" and it.fig.kind == "money"]
    for a, b in zip(vals, vals[1:], strict=False):
        if not (
            _FROM_BEFORE_RE.search(sentence, max(0, a.start - 10), a.start)
            and _TO_GAP_RE.match(sentence[a.cue_end : b.start])
        ):
            continue
        m = _PER_UNIT_RE.match(sentence, b.cue_end)
        if m and (m.group("a") or m.group("per") or "").lower() != "share":
            a.metric = b.metric = "skip"
        elif a.metric not in (None, "skip") and b.metric != "skip":
            b.metric = a.metric


# cheap tests before the regexes of the drop rules: each needs one of a few words (scan.LiteralGate)
_MARKET_SALES_GATE: Final = LiteralGate(_MARKET_SALES_RE.pattern, _MARKET_SALES_RE.flags)
_PLEDGE_GATE: Final = LiteralGate(_PLEDGE_RE.pattern, _PLEDGE_RE.flags)
_COUNTRY_POSSESSOR_GATE: Final = LiteralGate(_COUNTRY_POSSESSOR_RE.pattern, _COUNTRY_POSSESSOR_RE.flags)
_PUBLIC_GATE: Final = LiteralGate(_PUBLIC_RE.pattern, _PUBLIC_RE.flags)
_MACRO_OWNER_GATE: Final = LiteralGate(_MACRO_OWNER_RE.pattern, _MACRO_OWNER_RE.flags)


def _public_figure(
    sentence: str,
    low: str | None,
    cs: int,
    rs: int,
    it: _Item,
    mentions: Callable[[], list[tuple[int, int]]],
) -> bool:
    """A market's, a country's or the public sector's figure: retail sales, budgets, jobless counts
    (``low`` is ``lower_for_words(sentence)``, for the literal gates)."""
    window = sentence[rs : it.start]
    # "Acme store sales rose 3%" opening the sentence: a company's name, not a kind of store
    if (
        it.metric == "revenue"
        and _MARKET_SALES_GATE.may_match_lowered(low, sentence, rs, it.start)
        and (ms := _MARKET_SALES_RE.search(window))
        and (ms.group("cap") is None or not any(a == rs + ms.start("cap") for a, _ in mentions()))
    ):
        return True
    if it.noun == "people" and _POPULATION_RE.search(sentence):
        return True
    if _PLEDGE_GATE.may_match_lowered(low, sentence, it.end) and _PLEDGE_RE.search(sentence, it.end):
        return True
    possessors = it.metric != "market_share" and _COUNTRY_POSSESSOR_GATE.may_match_lowered(
        low, sentence, rs, it.start
    )
    for m in _COUNTRY_POSSESSOR_RE.finditer(window if possessors else ""):
        if all(is_country(w) for w in m.group("p").split()) and not any(
            m.end() <= ms and me <= it.start for ms, me in mentions()
        ):
            return True
    if (
        it.metric == "debt"
        and (cp := _COUNTRY_POSS_BEFORE_RE.search(window))
        and all(is_country(w) for w in cp.group("p").split())
    ):
        return True  # "Utopia's $8bn loan from the IMF": a country's debt
    return (
        _PUBLIC_GATE.may_match_lowered(low, sentence, cs, it.start)
        and _PUBLIC_RE.search(sentence, cs, it.start) is not None
    )


_COUNTRY_POSS_BEFORE_RE: Final = re.compile(r"(?P<p>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)['’]s?\s+(?:[a-z]+\s+)?$")


def _macro_owner(
    sentence: str, low: str | None, rs: int, start: int, mentions: Callable[[], list[tuple[int, int]]]
) -> bool:
    """The nearest owner before the figure is an industry, economy or place, with no company after it
    (``low`` is ``lower_for_words(sentence)``, for the literal gate)."""
    window = sentence[rs:start]
    ends = [
        m.end()
        for m in (
            _MACRO_OWNER_RE.finditer(window)
            if _MACRO_OWNER_GATE.may_match_lowered(low, sentence, rs, start)
            else ()
        )
        if m.group("p") is None or all(is_country(w) for w in m.group("p").split())
    ]
    for m in _place_actors(window):
        if all(is_country(w) for w in m.group("p").split()):
            ends.append(m.end("p"))
    ends.extend(_aggregate_actor_ends(window))
    if not ends:
        return False
    last = rs + max(ends)
    if _OWN_SHARES_RE.search(sentence, last, start):
        return False  # "after the government's action, its shares have fallen 97%": a company's shares
    return not any(last <= ms and me <= start for ms, me in mentions())


_OWN_SHARES_RE: Final = re.compile(r"\b(?:its|their)\s+(?:[a-z]+\s+)?(?:shares|share price|stock)\b")
# "the market was enjoying steady growth, making ...", "US firms created 337,000 jobs", "with non-store
# retailers seeing sales rise": a market, an industry or a kind of firm in general is the actor
_AGGREGATE_ACTOR_RE: Final = re.compile(
    r"(?:\b(?-i:[Tt]he)\s+(?:(?-i:[a-z][\w-]*)\s+){0,2}?(?P<m>market|industry|sector)|"
    r"(?<![\w'’])(?P<q>(?-i:[a-z][\w-]*)|[A-Z][\w-]*)\s+(?P<g>firms|companies|businesses|employers|retailers|"
    r"manufacturers))\s+(?:(?-i:[a-z]+)\s+)?(?:created|added|cut|shed|spent|spends|saw|sees|seeing|made|makes|"
    r"making|was|were|is|are|has|have|had|grew|grows|earned|earns|posted|enjoy(?:s|ed|ing)?|generated)\b"
)
_AGGREGATE_WORDS: Final = (
    "market", "industry", "sector", "firms", "companies", "businesses", "employers", "retailers"
)  # fmt: skip
# determiners and numbers before a plural: particular firms named before, not firms in general
_PARTICULAR_WORDS: Final = frozenset(
    ("the", "these", "those", "both", "two", "three", "four", "all", "its", "their", "our", "his", "her",
     "rival", "merged", "combined", "partner", "member", "such", "other", "some", "many", "several")
)  # fmt: skip


def _aggregate_actor_ends(window: str) -> list[int]:
    """Ends of a market, an industry or firms in general told as the actor before a figure."""
    low = window.lower()
    if not any(w in low for w in _AGGREGATE_WORDS):
        return []
    ends: list[int] = []
    for m in _AGGREGATE_ACTOR_RE.finditer(window):
        q = m.group("q")
        if q is not None and (q.lower() in _PARTICULAR_WORDS or (q[0].isupper() and not is_country(q))):
            continue
        end = m.end("m") if m.group("m") else m.end("g")
        if not _COMPANY_REFERENCE_RE.search(window, end):
            ends.append(end)  # "the market expected it to make $3bn": the company's own figure
    return ends


_COMPANY_REFERENCE_RE: Final = re.compile(r"\b(?:it|its|the (?:company|firm|group|bank|carrier|airline))\b")


def _count_metric(it: _Item, hits: list[CueHit]) -> str:
    """The noun phrase of a count decides: 'daily active users' -> dau, 'jobs' -> employees."""
    for h in hits:
        if it.end <= h.start < it.noun_end and h.metric in COUNT_METRICS and h.metric != "skip":
            return h.metric
    return "users" if it.unit == "users" else "employees"


def _company_possessor(after: str) -> bool:
    """'60% of Acme's output' is a share of a company's own output, not of a market."""
    if _OWN_OUTPUT_RE.match(after):
        return True
    m = _POSSESSOR_RE.match(after)
    return m is not None and not is_place(m.group(1))


def _link_alternates(sentence: str, items: list[_Item]) -> None:
    primary: _Item | None = None
    prev: _Item | None = None
    for it in items:
        if it.fig.kind == "money" and prev is not None and prev.fig.kind == "money":
            gap = sentence[prev.end : it.start]
            anchor = primary if prev.role == "alt" else prev
            if anchor is not None and (
                _OPEN_BRACKET_RE.fullmatch(gap) or (prev.role == "alt" and _ALT_SEP_RE.fullmatch(gap))
            ):
                it.role = "alt"
                anchor.alternates.append({"value": it.fig.value, "unit": it.fig.unit})
                close = sentence.find(")", it.end)
                anchor.cue_end = close + 1 if close != -1 else it.end
                primary = anchor
        prev = it


# a price paid does not rise or fall by a percent: "after Monday's 4% gain on hopes of a payoff" is a
# share move, not a deal's value; nor does money raised: "shares fell 3% as it raised funds by selling
# new shares" is a share move
_CHANGE_METRICS: Final = ALL_METRICS - PERCENT_VALUE_METRICS - {"deal_value", "funding"} | {"skip"}


def _allowed(it: _Item) -> frozenset[str]:
    if it.role == "change":
        if it.unit in ("users", "count"):
            return COUNT_METRICS
        return _CHANGE_METRICS
    if it.fig.kind == "money":
        return MONEY_METRICS
    if it.unit in ("users", "count"):
        return COUNT_METRICS if it.unit == "users" else frozenset({"employees", "skip"})
    if it.fig.kind == "percent":
        return PERCENT_VALUE_METRICS
    return frozenset()


# "Shares fell 1% to 510p in London, and dropped 1.2% to 7.50 euros in Zedburg": a verb after "and"
# shares the first clause's subject, so its figure shares the first figure's metric
_AND_VERB_RE: Final = re.compile(
    r"[^.;:!?]*?,?[ \t]+and[ \t]+(?:also[ \t]+)?(?:[a-z]+ed|rose|fell|lost|grew|sank|slid|shed|won|ended)\b"
)


def _inherit_metrics(items: list[_Item], clauses: Clauses) -> None:
    last: _Item | None = None
    for it in items:
        if it.role != "value":
            continue
        if (
            it.metric is None
            and last is not None
            and last.fig.kind == it.fig.kind == "money"
            and (
                clauses.region(it.start) == clauses.region(last.start)
                or (last.metric == "share_price" and _AND_VERB_RE.match(clauses.text, last.end, it.start))
            )
        ):
            it.metric = last.metric
        if it.metric is not None:
            last = it


def _attach_changes(sentence: str, items: list[_Item]) -> None:
    values = [it for it in items if it.role == "value" and it.metric not in (None, "skip")]
    for it in items:
        if it.role != "change" or it.fig.kind not in ("percent", "multiple"):
            continue
        target = None
        for v in values:
            if v.start >= it.end and _TO_VALUE_RE.match(sentence[it.end : v.start]):
                target = v
                break
            if v.end <= it.start and _AFTER_VALUE_RE.match(sentence[v.end : it.start]):
                target = v
            elif v.cue_end <= it.start and _change_after_level(sentence, v, it):
                target = v  # "30.6bn yen ($291m), up 31.8%", "$6.2bn in its last year, a 9% increase"
            elif (
                v.cue_end <= it.start
                and _COMMA_GAP_RE.match(sentence[v.cue_end : it.start])
                and _MORE_THAN_RE.match(sentence, it.end)
            ):
                target = v  # "profit was $50m, five times more than in 2003": the level's change
        if target is not None and target.change is None:
            target.change = it.change
            it.role = "attached"


# "$6.2bn in its last financial year, a 9% increase": the level, a time phrase, then its change
_APPOS_CHANGE_GAP_RE: Final = re.compile(
    r"^\)?(?:\s+(?:in|for|during|over)\s+[^,;%$£€¥\d()]{1,40}?)?,\s+(?:a|an)\s+$", re.IGNORECASE
)


def _change_after_level(sentence: str, v: _Item, it: _Item) -> bool:
    """The change told right after a level's bracketed conversions (", up 31.8%") or in an
    apposition after it (", a 9% increase")."""
    gap = sentence[v.cue_end : it.start]
    if v.cue_end != v.end and _AFTER_VALUE_RE.match(gap):
        return True
    return (
        _APPOS_CHANGE_GAP_RE.match(gap) is not None and CHANGE_AFTER_RE.match(sentence[it.end :]) is not None
    )


def _change_spans(sentence: str, items: list[_Item], clauses: Clauses) -> dict[int, tuple[str, str | None]]:
    """Set ``change["over"]`` where the text states the span of a change (CLAIMS.md).

    The span is read in the change's region, between the neighbouring changes: a stated span
    ("in a single year", "over five years", "in three months"), a relative one ("year-on-year",
    "from a year earlier", "annual growth of", "quarter-on-quarter"), or a named base year
    ("up 27% from its 2003 performance" in a full-year result: 1 year). Returns the base years
    found, by ``id`` of the change: (base year, the period it implies: the next year for a
    full-year result, else None).
    """
    # the change's own figure: for an attached change the percent or multiple, not the level
    anchors = [it for it in items if it.change is not None and it.role in ("change", "attached")]
    bases: dict[int, tuple[str, str | None]] = {}
    low = lower_for_words(sentence) if anchors else None
    for n, it in enumerate(anchors):
        change = it.change
        if change is None or "over" in change:
            continue
        rs, re_ = clauses.region(it.start)
        lo = max(rs, anchors[n - 1].end if n else 0)
        hi = min(re_, anchors[n + 1].start if n + 1 < len(anchors) else len(sentence))
        over = _stated_span(sentence, lo, hi, it.start, clauses, low)
        if over is None:
            # a base year is written with "19" or "20": without either, no search
            m = (
                _BASE_YEAR_RE.search(sentence, it.end, hi)
                if sentence.find("19", it.end, hi) >= 0 or sentence.find("20", it.end, hi) >= 0
                else None
            )
            base = int(m.group("y")) if m else 0
            later = [int(y) for y in _YEAR_RE.findall(sentence) if int(y) > base] if m else []
            if m and (later or _FULL_YEAR_RE.search(sentence)):
                # "in 2005 from 2003": 2 years; a full-year result against a named year: the next year
                year = min(later) if later else base + 1
                over = f"{year - base} year{'s' if year - base > 1 else ''}"
                bases[id(change)] = (m.group("y"), str(year))
            elif m:
                bases[id(change)] = (m.group("y"), None)
        if over is not None:
            change["over"] = over
    return bases


def _has_word(low: str | None, words: tuple[str, ...], lo: int, hi: int) -> bool:
    """One of ``words`` lies within ``low[lo:hi]`` (always True when ``low`` is None)."""
    return low is None or any(low.find(w, lo, hi) >= 0 for w in words)


def _stated_span(
    sentence: str, lo: int, hi: int, at: int, clauses: Clauses, low: str | None = None
) -> str | None:
    """The span a change is stated over; ``low`` is ``lower_for_words(sentence)`` (regexes whose
    words are not within ``lo:hi`` are skipped) or None (every regex runs)."""
    spans = _SPAN_RE.finditer(sentence, lo, hi) if _has_word(low, _SPAN_WORDS, lo, hi) else ()
    for m in spans:
        if _RECORD_BEFORE_RE.search(sentence, max(lo, m.start() - 40), m.start()):
            continue
        if m.end() <= at and clauses.clause(m.start())[0] != m.start():
            continue  # before the change only as an opening phrase: "In the past year, sales doubled"
        word = (m.group("n") or "one").lower()
        n = int(word) if word.isdigit() else _NUMBER_WORDS[word]
        unit = m.group("u").lower().rstrip("s")
        if unit == "quarter":
            n, unit = 3 * n, "month"
        return f"{n} {unit}{'s' if n != 1 else ''}"
    for (rx, over), words in zip(_RELATIVE_SPANS, _RELATIVE_SPAN_WORDS, strict=True):
        if _has_word(low, words, lo, hi) and rx.search(sentence, lo, hi):
            return over
    return None


def _to_claim(
    text: str, sentence: str, ss: int, idx: int, it: _Item, clauses: Clauses, resolver: SubjectResolver
) -> Claim:
    f = it.fig
    qualifier = f.qualifier
    if qualifier == "exact" and _AT_LEAST_VERB_RE.search(sentence[max(0, it.start - 20) : it.start]):
        qualifier = "at_least"
    elif qualifier == "exact" and (
        bound := _BOUND_BEFORE_RE.search(sentence, max(0, it.start - 20), it.start)
    ):
        # "pay a maximum of £1.5m", "a minimum of 500 staff": a bound told before the figure
        qualifier = "at_most" if bound.group(1).lower() == "maximum" else "at_least"
    is_value = it.role == "value"
    metric = it.metric or "other"
    unit = it.unit if is_value or it.unit in ("users", "count") else None
    if metric == "market_share":
        unit = "percent"
    subject = resolver.resolve(idx, it.start, clauses)
    if metric == "deal_value":
        subject = (
            _relative_bought(sentence, it.start, resolver.mentions(idx))
            or _bought_after(sentence, it.cue_end, resolver.mentions(idx))
            or _bought_before(sentence, it.start, resolver.mentions(idx))
            or _stake_in(sentence, it.start, resolver.mentions(idx))
            or _sold_to(sentence, it.start, resolver.mentions(idx))
            or subject
        )
    # "sales rose 28% at clothing retailer Acme and 32% at Bexco": the name the figure is "at"
    at = _AT_FOLLOWS_RE.match(sentence, it.cue_end)
    if at is not None:
        subject = next(
            (
                m.name
                for m in resolver.mentions(idx)
                if m.start >= at.end() and not _NOT_NAME_GAP_RE.search(sentence, at.end(), m.start)
            ),
            subject,
        )
    if metric == "employees" and it.role == "change":
        subject = _jobs_lost_at(sentence, it, clauses, resolver.mentions(idx)) or subject
    if subject is None:  # "3,000 job losses are expected at Acme": a name after the figure, after "at"
        subject = next(
            (
                m.name
                for m in resolver.mentions(idx)
                if m.start >= it.end and _AT_NAME_RE.search(sentence, 0, m.start)
            ),
            None,
        )
    if (
        metric == "deal_value"
        and _PASSIVE_PRONOUN_RE.match(sentence)
        and _PASSIVE_SALE_RE.search(sentence, 0, it.start)
    ):
        # "It was sold ... to a consortium including Jan Doe ... for $800m": the thing sold, told before
        # ("The unit was sold": the unit named before)
        subject = resolver.unit_named(idx, 0, it.start) or resolver.previous_topic(idx) or subject
    if (
        metric == "deal_value"
        and _REMAINING_SHARES_RE.match(sentence, it.cue_end)
        and not any(x.start >= it.cue_end for x in resolver.mentions(idx))
    ):
        # "expects to pay £1.5m for the remaining shares": the article's company is bought out
        subject = resolver.salient(idx) or subject
    if metric in ("capex", "deal_value") and subject is not None:
        subject = _buyer_not_seller(sentence, it.start, subject, resolver.mentions(idx))
    if metric == "capex" and (inv := _INVEST_IN_SHARES_RE.match(sentence, it.cue_end)) is not None:
        # "to invest $50m in Acme through preference shares": securities Acme issues, its funding;
        # "to invest $50m in Acme's shares": a stake bought, a deal value
        named = [x.name for x in resolver.mentions(idx) if x.start == inv.start("name")]
        if named:
            subject = named[0]
            metric = "funding" if inv.group("via") else "deal_value"
    if metric == "capex":
        # "a $1bn deal for Bexco to sell 10 jets to Acme Air": the buyer spends
        subject = next(
            (
                str(x.name)
                for x in resolver.mentions(idx)
                if x.start > it.end and _SELL_GOODS_TO_RE.search(sentence, max(it.end, x.start - 80), x.start)
            ),
            subject,
        )
    if metric == "capex" and subject is not None and "order" in sentence and _goods_maker(text, subject):
        # "it announced an order of 50 Bexco jets at a value of $16bn", "The order is valued at $9bn"
        # after a sentence on "Bexco's new jet": the maker of the goods is no buyer
        subject = _goods_buyer(resolver, idx, it.start, text) or subject
    if metric == "debt" and (owed := _LOAN_THAT_RE.match(sentence, it.cue_end)) is not None:
        # "repay a $900m loan that Acme had secured": the borrower the relative clause names
        named = [x.name for x in resolver.mentions(idx) if x.start == owed.end()]
        subject = named[0] if named else subject
    if metric == "users" and (use := _PEOPLE_USE_RE.match(sentence, it.noun_end)) is not None:
        # "4 million people use Acme's cards": the company whose products they use
        gap_end = use.end() + 6
        named = [x.name for x in resolver.mentions(idx) if use.end() <= x.start <= gap_end]
        subject = named[0] if named else subject
    if metric == "funding":
        # "a $2bn bail-out of Acme Bank": the company rescued, named after the rescue
        rescue = _RESCUE_OF_RE.match(sentence, it.cue_end)
        named = [x.name for x in resolver.mentions(idx) if rescue and x.start == rescue.end()]
        subject = named[0] if named else subject
        # "lenders have each put up $480m to stabilise the firm": the company helped, not the lenders
        helped = _TO_HELP_RE.match(sentence, it.cue_end) or _help_after_rescue(sentence, it.cue_end)
        if helped is not None:
            named = [x.name for x in resolver.mentions(idx) if x.start == helped.end()]
            if named:
                subject = named[0]
            elif helped.group("ref"):
                subject = resolver.previous_topic(idx) or subject
        if subject is not None and _is_rescue_funder(sentence, it.start, subject, resolver.mentions(idx)):
            # "after receiving a lifeline from investor Bexco worth $2bn, Acme is ...": Acme is rescued
            others = [x.name for x in resolver.mentions(idx) if x.name != subject and not is_country(x.name)]
            subject = others[0] if others else resolver.previous_topic(idx) or subject
        if subject is not None and all(is_country(w) for w in subject.split()):
            metric = "other"  # a country's rescue loan is macro finance, no company's funding
    if metric in ("valuation", "deal_value"):
        # "Bexco tabled an offer for Acme, valuing the company at $3bn": the company bid for
        subject = _offer_target(sentence, it.start, resolver.mentions(idx)) or subject
    if metric == "valuation":
        # "advisers have valued its Zeta Film unit at £300m": the thing valued, not the valuer
        subject = _valued_object(sentence, it.start, resolver.mentions(idx)) or subject
    if it.role == "change":
        # "a 13% fall in Acme's shares": the name the change is "in"
        m = _CHANGE_IN_NAME_RE.match(sentence, it.end)
        named = [x.name for x in resolver.mentions(idx) if m and x.start == m.end()]
        subject = named[0] if named else subject
    if (
        metric == "share_price"
        and subject is not None
        and _INDEX_NAME_RE.search(subject)
        and not _SHARES_WORD_RE.search(sentence)
    ):
        metric = "other"  # "the Acmeland Stock Exchange surged 3.5%": an index, no company's share
    if (
        metric == "share_price"
        and (subject is None or is_country(subject) or all(x.name != subject for x in resolver.mentions(idx)))
        and not any(x.end <= it.start and not is_country(x.name) for x in resolver.mentions(idx))
    ):
        # "The shares closed down 5%", "The retailer, which dominates Utopia's stock market, ended at
        # $8": a share price told with no company's name is the article's company's
        subject = resolver.described(idx, 0, it.start) or resolver.salient(idx) or subject
    if (
        metric == "share_price"
        and (held := _HOLDING_RE.search(sentence)) is not None
        and _PRONOUN_SHARES_RE.search(sentence, max(0, it.start - 40), it.start)
    ):
        # "the value of its Acme shareholding has gone ..., as its shares have fallen 97%": the shares
        # of the company held, not the holder's
        named = [x.name for x in resolver.mentions(idx) if x.start == held.start("name")]
        subject = named[0] if named else subject
    if subject is not None and _MARKET_INDEX_RE.search(subject):
        metric = "other"  # "the Nikkei fell 1%", "the FTSE 100 rose": a stock index, never a company
    if metric not in ("deal_value", "valuation") and (
        owner := _own_noun_owner(text, sentence, it.start, it.cue_end, metric, resolver.mentions(idx))
    ):
        subject = owner
    if metric == "employees" and (place := _JOBS_IN_PLACE_RE.match(sentence, it.noun_end or it.end)):
        cs, _ = clauses.clause(it.start)
        owned = _COMPANY_REF_RE.search(sentence, cs, it.start) or any(
            cs <= x.start and x.end <= it.start and not is_country(x.name) for x in resolver.mentions(idx)
        )
        if not owned and (place.group("p") is None or all(is_country(w) for w in place.group("p").split())):
            metric = "other"  # jobs made or lost in a country, told with no company: a macro figure
    if metric == "employees" and subject is not None and _is_country_name(subject):
        metric = "other"  # "1.5 million posts disappeared" told of a country: jobs in an economy
    if is_institution(subject) or subject is None:
        # a statistics office's or trade body's figure is a market figure; a figure the article
        # gives to no name at all is a market's or an economy's
        metric = "other"
    change = it.change
    mod = modality(sentence, clauses, it.start, it.end, metric)
    if (
        metric == "employees"
        and mod == "actual"
        and _CUTTING_NOW_RE.search(sentence, max(0, it.start - 40), it.start)
    ):
        mod = "forecast"  # "is cutting 5,000 jobs": an announced cut still to come
    elif (
        metric == "employees"
        and it.role == "change"
        and mod == "actual"
        and _MAY_BE_LOST_RE.search(sentence, it.end)
    ):
        mod = "forecast"  # "2,000 jobs - a third of its staff - could be lost": a cut that may come
    elif (
        metric == "employees"
        and is_value
        and mod == "forecast"
        and _DEFINITE_COUNT_RE.search(sentence, max(0, it.start - 12), it.start)
    ):
        mod = "actual"  # "the cuts will affect 9% of the 55,000 staff": the staff are there now
    if metric == "debt" and mod == "forecast" and _OWNED_DEBT_RE.match(sentence, it.cue_end):
        mod = "actual"  # "will assume $2bn of Acme's debt": the debt is there now
    elif (
        metric == "debt"
        and mod in ("target", "forecast")
        and _WORK_ON_DEBT_RE.search(sentence, max(0, it.start - 40), it.start)
    ):
        mod = "actual"  # "a plan to restructure €2bn of debts": the debt to be worked on is there now
    if (
        mod == "forecast"
        and is_value
        and sentence.find("from", max(0, it.start - 12), it.start) >= 0
        and _TO_FROM_BASE_RE.search(sentence, max(0, it.start - 80), it.start)
    ):
        mod = "actual"  # "expected to fall to $2bn from $3bn last year": the base level is there now
    if metric == "funding" and mod == "forecast" and _NEW_SHARES_AFTER_RE.match(sentence, it.cue_end):
        mod = "target"  # "will sell €250m of new shares": money the company seeks
    if metric == "deal_value" and mod == "actual" and _DEAL_FAILED_RE.search(sentence):
        mod = "target"  # "came close to buying it in a £300m deal", "the bid failed": a price never paid
    if (
        metric == "deal_value"
        and mod == "forecast"
        and (
            _AGREED_PRICE_RE.search(sentence, max(0, it.start - 40), it.start)
            or _IS_TO_BUY_RE.search(sentence, max(0, it.start - 120), it.start)
        )
    ):
        mod = "actual"  # "Bexco will pay $2bn for Acme", "Bexco is to buy Acme for $2bn": an agreed deal
    elif (
        metric == "deal_value"
        and mod == "forecast"
        and _WOULD_SPEND_RE.search(sentence, max(0, it.start - 40), it.start)
        and not _IF_RE.search(sentence, 0, it.start)
        and _agreed_nearby(text, idx, resolver)
    ):
        mod = "actual"  # "said it would spend $3bn to buy Acme" when the article says the deal is sealed
    if (
        is_value
        and mod in ("forecast", "target")
        and _FROM_BEFORE_RE.search(sentence, max(0, it.start - 10), it.start)
        and _TO_LEVEL_AFTER_RE.match(sentence, it.cue_end)
        and not _MOVED_FORECAST_RE.search(sentence, 0, it.start)
    ):
        mod = "actual"  # "could be trimmed from 155,000 to 110,000": the move starts from today's level
        # (unless a forecast itself moves: "raised its target from £35 to £36")
    if (
        it.role == "change"
        and mod != "actual"
        and _UNDONE_BEFORE_RE.search(sentence, max(0, it.start - 40), it.start)
    ):
        mod = "actual"  # "hopes the move will reverse a 13% fall": the fall to be undone has happened
    return Claim(
        subject=subject,
        metric=metric,
        value=f.value if is_value else None,
        unit=unit,
        qualifier=qualifier,
        modality=mod,
        period=period(sentence, clauses, it.start, it.end),
        change=change,
        surface=text[f.start : f.end],
        span=(f.start, f.end),
        sentence=sentence.strip(),
        value_low=f.value_low if is_value else None,
        value_high=f.value_high if is_value else None,
        alternates=it.alternates,
    )


# "... while 300 jobs will be lost at Bexco": the jobs' company is named after the cut, in its own clause
_LOST_AT_RE: Final = re.compile(
    r"\b(?:lost|go|gone|going|cut|axed|shed|disappear|vanish)\s+at\s+(?:the\s+)?(?=[A-Z])"
)


def _jobs_lost_at(sentence: str, it: _Item, clauses: Clauses, mentions: list[Mention]) -> str | None:
    """The name a job cut is "lost at" after the figure, when its clause names nothing before it."""
    cs, ce = clauses.clause(it.start)
    if " at " not in sentence[it.end : ce] or any(cs <= m.start < it.start for m in mentions):
        return None
    at = _LOST_AT_RE.search(sentence, it.end, ce)
    if at is None:
        return None
    return next((str(m.name) for m in mentions if m.start == at.end()), None)


# CLAIMS.md: the owner named on the figure's own noun phrase is its subject, whoever the clause's actor
# is: "Bexco will assume $2bn of Acme's debt", "Acme's yearly sales are $4bn", "the debt of Acme"
_OWN_NOUNS: Final = {
    "revenue": r"sales|revenues?|turnover",
    "profit": r"profits?|earnings|net income",
    "loss": r"loss(?:es)?",
    "debt": r"debts?|borrowings|liabilities",
    "employees": r"workforce|staff|employees|headcount",
    "users": r"customers|subscribers|users|members",
    "market_cap": r"market (?:value|capitali[sz]ation)",
    "arr": r"annual recurring revenues?|run[- ]rate",
}
_OWNER_NAME: Final = r"(?P<name>[A-Z][\w&.-]*(?:[ \t]+(?:of[ \t]+|&[ \t]+)?[A-Z][\w&.-]*)*)"
_OWN_BEFORE_RES: Final = {
    m: re.compile(
        rf"(?<![\w'’]){_OWNER_NAME}['’]s?[ \t]+(?:[a-z][\w-]*[ \t]+){{0,3}}?(?:{n})\b"
        r"(?:[ \t]+(?:of|are|is|were|was|stood at|totall?ed|reached|at|to|"
        r"of about|of around|of some))?"
        r"[ \t]+(?:(?:about|around|some|nearly|almost|more than|over)[ \t]+)?$"
    )
    for m, n in _OWN_NOUNS.items()
}
_OWN_AFTER_RES: Final = {
    m: re.compile(
        rf"\)?[ \t]+of[ \t]+(?:the[ \t]+)?{_OWNER_NAME}['’]s?[ \t]+(?:[a-z][\w-]*[ \t]+){{0,2}}?(?:{n})\b"
    )
    for m, n in _OWN_NOUNS.items()
}
_NAME_PART_RE: Final = re.compile(r"[ \t]+[A-Z][a-z]")
_NAME_WORD_RE: Final = re.compile(r"[A-Z][A-Za-z]*")


def _own_noun_owner(
    text: str, sentence: str, start: int, cue_end: int, metric: str, mentions: list[Mention]
) -> str | None:
    """The name of "NAME's [adj] NOUN <figure>" or "<figure> of NAME's NOUN" for the metric's noun."""
    before_rx, after_rx = _OWN_BEFORE_RES.get(metric), _OWN_AFTER_RES.get(metric)
    if before_rx is None or after_rx is None:
        return None
    m = before_rx.search(sentence, max(0, start - 80), start) or after_rx.match(sentence, cue_end)
    if m is None:
        return None
    a, b = m.span("name")
    for x in mentions:
        if x.start < b and a < x.end:
            return None if is_country(x.name) else str(x.name)
    name = m.group("name")
    # "May's sales" where the article also writes "May Department Stores": a name, not a month
    if " " not in name and name in _MONTHS:
        i = text.find(name + " ")
        while i >= 0:
            if (
                _NAME_PART_RE.match(text, i + len(name))
                and text[i + len(name) + 1 : i + len(name) + 2] != "'"
            ):
                nxt = _NAME_WORD_RE.match(text, i + len(name) + 1)
                if nxt is not None and nxt.group(0) not in _MONTHS:
                    return name
            i = text.find(name + " ", i + 1)
    return None


_MONTHS: Final = frozenset(
    ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October")
    + ("November", "December")
)


# "to $2bn ($1bn) from ": the figure is the base a predicted move starts from
_TO_FROM_BASE_RE: Final = re.compile(
    r"\bto\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?(?:[A-Z]{0,3}[$£€¥])?\d[\d.,]*"
    r"(?:\s*[a-z]+){0,2}?(?:\s*\([^()]{0,40}\))?\s+from\s+(?:about\s+|around\s+|some\s+)?$"
)
_CUTTING_NOW_RE: Final = re.compile(
    r"\b(?:is|are|'s)\s+(?:\w+ly\s+)?(?:cutting|axing|shedding|slashing|creating|adding|hiring)\s+"
    r"(?:(?:about|around|some|nearly|almost|up to|more than|over|roughly|another|a further)\s+)?$",
    re.I,
)
# "to restructure €2bn of debts", "refinance $500m of loans": work on a debt that is there now
_WORK_ON_DEBT_RE: Final = re.compile(
    r"\b(?:restructur\w*|refinanc\w*|repay(?:s|ing)?|reschedul\w*|renegotiat\w*|pay(?:s|ing)? (?:back|off)|"
    r"servic(?:e|es|ing))\s+(?:(?:the|its|their|some|about|around|nearly|almost|roughly)\s+)?$",
    re.IGNORECASE,
)
# a takeover that did not go through: the price was only sought
_DEAL_FAILED_RE: Final = re.compile(
    r"\b(?:came|come|comes|coming) close to (?:buying|acquiring|taking over|a takeover|a deal|a merger)|"
    r"\b(?:bid|offer|approach|deal|takeover|talks|merger)\s+(?:later\s+|eventually\s+|ultimately\s+)?"
    r"(?:failed|collapsed|fell through|was (?:rejected|blocked|abandoned|withdrawn|called off))\b",
    re.IGNORECASE,
)
_OWNED_DEBT_RE: Final = re.compile(
    r"\)?\s+of\s+(?:the\s+)?(?:its|their|[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*['’]s?)\s+(?:[a-z][\w-]*\s+){0,2}?"
    r"(?:debts?|borrowings|liabilities)\b"
)
# "Bexco is to buy rival Acme for $2bn": "is to" with a purchase verb tells an agreed deal (not "is to
# cut N jobs", which stays a forecast)
_IS_TO_BUY_RE: Final = re.compile(
    r"\b(?:is|are)\s+to\s+(?:buy|acquire|take over|purchase|pay)\b[^;:.]{0,100}?\b(?:for|worth|valued at)\s+"
    r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|up to\s+|more than\s+)?(?:\w+\s+)?$"
)
_AGREED_PRICE_RE: Final = re.compile(r"\b(?:will|would|is to|are to)\s+pay\s+(?:[A-Z][\w&-]*\s+){0,3}$")
_WOULD_SPEND_RE: Final = re.compile(
    r"\b(?:will|would)\s+(?:spend|invest)\s+"
    r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|up to\s+)?$",
    re.I,
)
_IF_RE: Final = re.compile(r"\b(?:if|unless|should it|were it)\b", re.I)
_AGREED_RE: Final = re.compile(
    r"\b(?:agree[sd]?|seal(?:s|ed)?|sign(?:s|ed)|clinch(?:es|ed)?|str(?:ikes|uck)|complete[sd]|finali[sz]e[sd]|"
    r"confirm(?:s|ed))\b",
    re.I,
)


def _agreed_nearby(text: str, idx: int, resolver: SubjectResolver) -> bool:
    """An agreement word in the headline, the sentence or the sentences next to it."""
    if resolver.title and _AGREED_RE.search(resolver.title):
        return True
    sents = resolver.sentences
    lo = sents[max(0, idx - 1)][0]
    hi = sents[min(len(sents) - 1, idx + 1)][1]
    return _AGREED_RE.search(text, lo, hi) is not None


_UNDONE_BEFORE_RE: Final = re.compile(
    r"\b(?:revers\w*|halt\w*|stem\w*|arrest\w*|offset\w*|recoup\w*|undo\w*|erase\w*|make up for|"
    r"made up for|wipe out)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+|some of\s+)?$",
    re.I,
)
_MAY_BE_LOST_RE: Final = re.compile(
    r"\b(?:will|would|could|may|might)\s+be\s+(?:lost|cut|axed|shed|scrapped)\b", re.I
)
# "of the 55,000 staff": a headcount the sentence takes as given
_DEFINITE_COUNT_RE: Final = re.compile(r"\b(?:of|among|for)\s+(?:the|its|their)\s+$", re.I)
_OFFER_FOR_RE: Final = re.compile(
    r"\b(?:offer|bid|approach|proposal)s?\s+for\s+(?:the\s+|its\s+)?(?:[a-z][\w-]*\s+){0,2}$", re.I
)
_CHANGE_IN_NAME_RE: Final = re.compile(
    r"\s+(?:fall|drop|decline|slump|slide|rise|gain|jump|increase|surge)\s+in\s+(?:the\s+)?", re.I
)
_INDEX_NAME_RE: Final = re.compile(r"\b(?:Stock Exchange|Exchange|Index|Bourse|Stock Market)\b")
_MARKET_INDEX_RE: Final = re.compile(
    r"^(?:Nikkei|FTSE|Footsie|Dow|Dow Jones|Dax|DAX|Cac|CAC|Nasdaq|S&P|Hang Seng|Sensex|Kospi|Topix|Stoxx|"
    r"Euro Stoxx|Ibex|IBEX|Mib|MIB|ASX|Straits Times|Bovespa|Merval|Nifty)"
    r"(?:\s+\d+)?(?:\s+(?:index|average))?$",
    re.IGNORECASE,
)


def _offer_target(sentence: str, start: int, mentions: list[Mention]) -> str | None:
    """'tabled an offer for Acme, valuing the company at $3bn': the company bid for, before the figure."""
    for x in mentions:
        if x.end <= start and _OFFER_FOR_RE.search(sentence, max(0, x.start - 50), x.start):
            return str(x.name)
    return None


_VALUED_BEFORE_RE: Final = re.compile(
    r"\bvalu(?:e|es|ed|ing)\s+(?:(?:its|their|the|a|an|[a-z][\w-]*)\s+){0,3}$"
)
_VALUED_GAP_RE: Final = re.compile(
    r"(?:\s+[a-z][\w-]*){0,2}\s+at\s+"
    r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|roughly\s+|up to\s+|more than\s+)?"
)


def _valued_object(sentence: str, start: int, mentions: list[Mention]) -> str | None:
    """'valued its demerged Zeta Film unit at £300m': the name between "valued" and "at"."""
    for x in reversed(mentions):
        if x.end > start:
            continue
        if _VALUED_GAP_RE.fullmatch(sentence, x.end, start) and _VALUED_BEFORE_RE.search(
            sentence, max(0, x.start - 60), x.start
        ):
            return str(x.name)
        return None
    return None


def _bought_after(sentence: str, end: int, mentions: list[Mention]) -> str | None:
    """'paid $1bn for Acme', 'paid $1bn for US toolmaker Acme': the company bought is the subject."""
    m = _FOR_NAME_RE.match(sentence, end)
    if not m:
        # "a £1bn investment in Acme", "$2bn on buying out minority shareholders in Acme"
        for x in mentions:
            if x.start > end and x.start - end <= 90:
                gap = sentence[end : x.start]
                if _INVESTED_IN_RE.fullmatch(gap) or _BOUGHT_GAP_RE.match(gap):
                    return str(x.name)
        return None
    named = [
        x
        for x in mentions
        if m.end() <= x.start <= m.end() + 40 and not _WORDS_RE.search(sentence[m.end() : x.start])
    ]
    if not named:
        return None
    # "a bid for Acme unit Bexco": the unit named after its owner is the one bought
    unit = _UNIT_OF_RE.match(sentence, named[0].end)
    later = [x for x in mentions if unit is not None and x.start == unit.end()]
    return str((later or named)[0].name)


_INVEST_IN_SHARES_RE: Final = re.compile(
    r"\)?\s+(?:of\s+(?:new\s+)?capital\s+)?in(?:to)?\s+(?:the\s+)?(?P<name>[A-Z][\w&.-]*)(?:[\s\w&.-]*?)"
    r"(?:(?P<via>\s+(?:through|via|by (?:buying|subscribing to|taking up))\s+(?:[\w-]+\s+){0,4}?"
    r"(?:shares|stock|bonds|notes|equity|securities))|['’]s?\s+(?:[\w-]+\s+){0,2}?(?:shares|stock))\b"
)
_TO_HELP_RE: Final = re.compile(
    r"\)?\s+(?:(?:in order\s+)?to|that will|which will)\s+(?:help\s+)?"
    r"(?:stabili[sz]e|rescue|save|support|shore up|prop up|recapitali[sz]e|bail out|keep afloat)\s+"
    r"(?:(?P<ref>(?:the\s+(?:firm|company|group|bank|business|lender|carrier|airline|operator|insurer)|it)\b)|"
    r"(?:the\s+)?)"
)
# "a $4bn lifeline to bail out the company": the rescue noun between the figure and its purpose
_RESCUE_NOUN_AFTER_RE: Final = re.compile(
    r"\)?\s+(?:rescue\s+(?:package|plan|deal|loan)|bail-?out|rescue|lifeline|injection|loan)(?=\s)"
)
# "a lifeline from investor Bexco worth $2bn": the name after "from" funds the rescue
_FROM_FUNDER_RE: Final = re.compile(
    r"\b(?:rescue(?:\s+(?:package|plan|deal|loan))?|bail-?out|lifeline)\s+from\s+"
    r"(?:(?:its|their|the)\s+)?(?:[a-z][\w-]*\s+){0,2}$"
)


def _help_after_rescue(sentence: str, end: int) -> re.Match[str] | None:
    """``_TO_HELP_RE`` after a rescue noun that follows the figure ("$4bn lifeline to save it")."""
    noun = _RESCUE_NOUN_AFTER_RE.match(sentence, end)
    return _TO_HELP_RE.match(sentence, noun.end()) if noun is not None else None


def _is_rescue_funder(sentence: str, start: int, subject: str, mentions: list[Mention]) -> bool:
    """Is ``subject`` named as the one a rescue comes from, before the figure?"""
    return any(
        x.name == subject
        and x.end <= start
        and _FROM_FUNDER_RE.search(sentence, max(0, x.start - 80), x.start) is not None
        for x in mentions
    )


_HOLDING_RE: Final = re.compile(
    r"\b(?:its|their|his|her)\s+(?P<name>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)['’]?s?\s+"
    r"(?:shareholding|stake|holding|shares)\b"
)
_PRONOUN_SHARES_RE: Final = re.compile(r"\b(?:its|their)\s+(?:shares|share price|stock)\b[^,;]*$")
_REMAINING_SHARES_RE: Final = re.compile(
    r"\)?\s+for\s+(?:the\s+)?(?:remaining|outstanding|rest of the|other)\s+(?:[\d.]+%\s+(?:of\s+the\s+)?)?"
    r"(?:shares|stock|equity)\b"
)
_LOAN_THAT_RE: Final = re.compile(
    r"\)?\s+(?:[a-z][\w-]*\s+)?(?:loans?|debts?|borrowings|bonds?|credit line|credit facility)\s+"
    r"(?:that|which)\s+(?:the\s+)?"
)
_RESCUE_OF_RE: Final = re.compile(
    r"\)?\s+(?:rescue\s+(?:package|plan|deal|loan)|bail-?out|rescue)\s+(?:of|for)\s+(?:the\s+)?", re.I
)
_UNIT_OF_RE: Final = re.compile(r"\s+(?:unit|subsidiary|division|arm|affiliate)\s+")
_BUY_NAME_RE: Final = re.compile(
    r"\b(?:buy|bought|buying|acquire[sd]?|acquiring|take over|took over|taking over|purchase[sd]?)\s+"
    r"(?:(?:the|a|an|[a-z][\w-]*|[A-Z][\w-]*(?=\s+[a-z]))\s+){0,4}$"
)
_FOR_GAP_RE: Final = re.compile(
    r"^\s+for\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|just\s+over\s+)?$"
)


_AT_NAME_RE: Final = re.compile(r"\bat\s+$")
_NOT_NAME_GAP_RE: Final = re.compile(r"[,;.()]|\b[a-z]")  # "at American Acme": only capitalised words between
_AT_FOLLOWS_RE: Final = re.compile(
    r"\)?\s+(?:higher\s+|lower\s+|up\s+|down\s+)?at\s+(?:the\s+)?(?:[a-z][\w'’-]*\s+){0,5}?(?=[A-Z])"
)
# the goods of an order or a sale of goods ("30 Bexco jets", "sells ten ships to")
_ORDER_GOODS: Final = r"(?:planes|aircraft|jets|airliners|ships|vessels|trains|trucks|turbines)"
# "30 Bexco jets", "Bexco's 787-9 Dreamliner jets", "Bexco A350-900 planes": the name makes the goods
_GOODS_AFTER_MAKER: Final = rf"(?:['’]s)?(?:[ \t]+[\w-]+){{0,2}}?[ \t]+{_ORDER_GOODS}\b"


def _goods_maker(text: str, name: str) -> bool:
    """Does the article write ``name`` right before the goods of an order (a plane or ship maker)?"""
    if not any(g in text for g in ("planes", "aircraft", "jets", "airliners", "ships", "vessels", "trains")):
        # the regex below would also take "trucks" and "turbines"; an article whose goods are only
        # those is not read as a maker's (as this rule was measured)
        return False
    return re.search(rf"(?<![\w-]){re.escape(name)}{_GOODS_AFTER_MAKER}", text) is not None


# "Acme inks $9bn order", "Acme Air finalized a deal to purchase 30 jets": the name places an order
_ORDERS_AFTER: Final = (
    r"(?:[ \t]+[A-Z][\w-]*)?[ \t]+(?:has[ \t]+|have[ \t]+|had[ \t]+)?"
    r"(?:inks|inked|signs|signed|places|placed|orders|ordered|finali[sz]ed|agreed|announced)[ \t]+"
    r"(?:[\w$£€.,-]+[ \t]+){0,4}?(?:orders?|deal|to[ \t]+buy|to[ \t]+purchase)\b"
)


def _orders_goods(text: str, name: str) -> bool:
    """Does the article tell ``name`` placing an order (a place word as a buyer's name, "Emirates")?"""
    return re.search(rf"(?<![\w-]){re.escape(name)}{_ORDERS_AFTER}", text) is not None


def _goods_buyer(resolver: Any, idx: int, start: int, text: str) -> str | None:
    """The buyer of an order whose resolved subject makes the goods: a name before the figure that
    makes none, else the article's company, else the nearest earlier topic the article uses as a
    company ("Emirates", a place word too) that makes none."""
    for x in resolver.mentions(idx):
        if x.end <= start and not is_country(x.name) and not _goods_maker(text, x.name):
            return str(x.name)
    cands = [resolver.article_company()] + [resolver.topic(j) for j in range(idx - 1, max(-1, idx - 8), -1)]
    for name in cands:
        if (
            name
            and (resolver.company_like(name) or _orders_goods(text, name))
            and not _goods_maker(text, name)
        ):
            return str(name)
    return None


_SELL_GOODS_TO_RE: Final = re.compile(
    rf"\bsell(?:s|ing)?\s+(?:[\w-]+\s+){{0,4}}{_ORDER_GOODS}\s+to\s+(?:the\s+)?$", re.I
)
_FROM_SELLER_RE: Final = re.compile(
    r"\b(?:buy\w*|bought|order\w*|purchas\w*|acquir\w*|lease\w*)\b[^,;]{0,50}\bfrom\s+(?:the\s+)?$", re.I
)


def _buyer_not_seller(sentence: str, start: int, subject: str, mentions: list[Mention]) -> str:
    """'Acme is to buy 10 jets from Bexco in a deal worth $1bn': Bexco sells; the buyer spends."""
    before = [m for m in mentions if m.end <= start]
    for k, m in enumerate(before):
        if m.name == subject and _FROM_SELLER_RE.search(sentence, max(0, m.start - 80), m.start):
            earlier = before[:k]
            return str(earlier[-1].name) if earlier else subject
    return subject


_STAKE_IN_RE: Final = re.compile(r"\bstakes?\s+in\s+(?:the\s+)?$", re.I)


def _stake_in(sentence: str, start: int, mentions: list[Mention]) -> str | None:
    """'bought Bexco's 40% stake in Acme, a brewer, for $1bn': the company the stake is in."""
    for x in mentions:
        if (
            start - 160 <= x.start
            and x.end <= start
            and _STAKE_IN_RE.search(sentence, max(0, x.start - 20), x.start)
        ):
            return str(x.name)
    return None


# "sold Acme's oil arm, Bexco, to Zedco for $9bn": the verb of the sale, then what is sold, then the buyer
_SELL_VERB_RE: Final = re.compile(r"\b(?:sold|sell|sells|selling)\s+")
_SOLD_THING_RE: Final = re.compile(
    r"\s+(?:[a-z][\w-]*\s+){0,3}?(?:business|unit|arm|division|subsidiary|operations?)\b"
)
_TO_BUYER_FOR_RE: Final = re.compile(
    r"\s*,?\s+to\s+[^;:]{0,80}?\bfor\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?$"
)


def _sold_to(sentence: str, start: int, mentions: list[Mention]) -> str | None:
    """'sold its Bexco unit to Zedco for $2bn': the company or unit sold, named between the verb and "to"."""
    if sentence.find(" to ", 0, start) < 0:
        return None
    verbs = list(_SELL_VERB_RE.finditer(sentence, max(0, start - 160), start))
    if not verbs:
        return None
    v = verbs[-1].end()
    for x in mentions:
        if x.start < v or x.end > start:
            continue
        if sentence.startswith(("'", "’"), x.end):
            continue  # "Acme's oil arm": the owner of what is sold
        gap = sentence[x.end : start]
        thing = _SOLD_THING_RE.match(gap)
        if _TO_BUYER_FOR_RE.match(gap, thing.end() if thing else 0):
            return str(x.name)
        return None
    return None


# "Kintal, which Zorbel bought for $150m": a relative clause of a named buyer buying for the figure
_RELATIVE_BOUGHT_RE: Final = re.compile(
    r"[ \t]*,[ \t]*(?:which|that)[ \t]+(?:(?:[A-Z][\w&.'’-]*[ \t]+){1,4}|it[ \t]+|they[ \t]+)"
    r"(?:had[ \t]+|has[ \t]+)?"
    r"(?:bought|acquired|purchased|snapped[ \t]+up|took[ \t]+over)[ \t]+(?:[\w-]+[ \t]+){0,3}?for[ \t]+"
    r"(?:about[ \t]+|around[ \t]+|nearly[ \t]+|some[ \t]+|more[ \t]+than[ \t]+|roughly[ \t]+)?$"
)

_RELATIVE_BOUGHT_NAME_RE: Final = re.compile(
    r"(?<![\w'’&.-])(?P<name>[A-Z][\w&.-]*(?:[ \t]+[A-Z][\w&.-]*){0,3})" + _RELATIVE_BOUGHT_RE.pattern
)


def _relative_bought(sentence: str, start: int, mentions: list[Mention]) -> str | None:
    """'layoffs at Kintal, which Zorbel bought for $150m in 2016': the company bought is the name the
    relative clause tells of, not the buyer it names."""
    for x in mentions:
        if x.end < start and _RELATIVE_BOUGHT_RE.fullmatch(sentence, x.end, start):
            return str(x.name)
    # a name told as an example ("layoffs at Kintal, which ...") is no mention, but is the one bought
    lo = max(0, start - 120)
    m = _RELATIVE_BOUGHT_NAME_RE.search(sentence[lo:start])
    return m.group("name") if m is not None else None


def _bought_before(sentence: str, start: int, mentions: list[Mention]) -> str | None:
    """'agreed to buy US toolmaker Acme for $1bn': the company bought, named before "for"."""
    for x in reversed(mentions):
        if x.end > start:
            continue
        if _FOR_GAP_RE.match(sentence[x.end : start]) and _BUY_NAME_RE.search(
            sentence, max(0, x.start - 60), x.start
        ):
            return str(x.name)
        return None
    return None


_MULTIWORD_COUNTRIES: Final = frozenset(
    ("United States", "United Kingdom", "United Arab Emirates", "European Union", "Soviet Union")
)


def _is_country_name(name: str) -> bool:
    """A country, region or nationality, in one or several words ("United States")."""
    return name in _MULTIWORD_COUNTRIES or all(is_country(w) for w in name.split())


def _dedupe(claims: list[Claim]) -> list[Claim]:
    seen: set[tuple[Any, ...]] = set()
    out: list[Claim] = []
    for c in claims:
        v = float(f"{c.value:.3g}") if c.value is not None else None
        ch = (c.change or {}).get("value") if c.value is None else None
        key = (c.metric, c.unit, v, ch, (c.subject or "").lower())
        if key in seen:
            continue
        seen.add(key)
        out.append(c)
    return out
