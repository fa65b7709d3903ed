"""Subject attribution: names, possessives, appositions, relative clauses, salience (own examples)."""

from __future__ import annotations

import pytest

from extractors.claims import extract_claims_from_doc
from extractors.nlp import get_nlp
from extractors.subjects import apposition, find_mentions

MENTIONS = [
    ("Shares in German chipmaker Infineon rose.", ["Infineon"]),
    ("Quarterly sales at US retailer BigMart fell.", ["BigMart"]),
    ("State-owned Gazprom bought the field.", ["Gazprom"]),
    ("Mr Jones, chief executive of Acme Holdings, said so.", ["Acme Holdings"]),
    ("The firm ordered 20 Airbus jets.", []),
    ("Firms including Russia's Lukoil sold assets.", []),
]


@pytest.mark.parametrize(("sentence", "names"), MENTIONS)
def test_mentions(sentence: str, names: list[str]) -> None:
    assert [m.name for m in find_mentions(sentence, sentence)] == names


def test_apposition() -> None:
    assert apposition("Zenco said its fast-growing payments unit, PayFlow, was thriving.") == "PayFlow"


# (article, expected subject of the first claim)
ARTICLES = [
    ("Norvik's capital spending is projected to reach $2bn in 2027.", "Norvik"),
    (
        "Investors cheered Lumo and its chat app, Chatterly, which has passed 50 million daily active users.",
        "Chatterly",
    ),
    (
        "Brightway Foods said trading was strong.\n\nThe company said sales rose 4% to £1.1bn.",
        "Brightway Foods",
    ),
    ("Helix Motors is cutting costs. It made a net loss of $300m in the quarter.", "Helix Motors"),
    ("Tarco has a market value of $5bn, compared with Verlin's $9bn.", "Tarco"),
]


@pytest.mark.parametrize(("text", "subject"), ARTICLES)
def test_subject_resolution(text: str, subject: str) -> None:
    claims = extract_claims_from_doc(get_nlp()(text))
    assert claims and claims[0].subject == subject


def test_possessive_after_comparison() -> None:
    claims = extract_claims_from_doc(
        get_nlp()("Tarco has a market value of $5bn, compared with Verlin's $9bn.")
    )
    assert [(c.subject, c.value) for c in claims] == [("Tarco", 5e9), ("Verlin", 9e9)]


def test_headline_fallback() -> None:
    text = "Orbix doubles cloud sales\n\nRevenue rose 8% to $600m in the year."
    claims = extract_claims_from_doc(get_nlp()(text), title="Orbix doubles cloud sales")
    assert any(c.subject == "Orbix" and c.value == 600e6 for c in claims)


PLACE_NAMES = [
    ("Shares in Portugal Telecom rose.", ["Portugal Telecom"]),  # place + company word
    ("The Bank of Portugal raised rates.", ["Bank of Portugal"]),  # "of" + place ends the name
    ("It sold jets to carrier Air Canada.", ["Air Canada"]),
    ("Chief Executive Anna Berg said Zolto was growing.", ["Zolto"]),  # a titled person is no subject
]


@pytest.mark.parametrize(("sentence", "names"), PLACE_NAMES)
def test_names_with_places_and_titles(sentence: str, names: list[str]) -> None:
    assert [m.name for m in find_mentions(sentence, sentence)] == names


# (text, [(subject, metric)])
ATTRIBUTION = [
    (  # coordinated moves: each figure takes the name of its own half
        "Shares closed higher, with Pavo rising 3% and Kestin gaining 2%.",
        [("Pavo", "share_price"), ("Kestin", "share_price")],
    ),
    (  # a figure shared by a coordinated list ("A, B and C all ..."): one claim per company
        "Airline shares slid, with Delvo, Kestrel and Amber Air all falling by more than 7%.",
        [("Delvo", "share_price"), ("Kestrel", "share_price"), ("Amber Air", "share_price")],
    ),
    (  # deal_value: the company bought, named after "for"
        "Since then, Tarvo has paid $2bn for US toolmaker Brisk Tools.",
        [("Brisk Tools", "deal_value")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ATTRIBUTION)
def test_attribution_patterns(text: str, expected: list[tuple[str, str]]) -> None:
    got = [(c.subject, c.metric) for c in extract_claims_from_doc(get_nlp()(text))]
    assert got == expected


# stop words ("AI", "TV", "IT", "US", "UK", "CEO") inside names: a name tail after a name word
# stays; a sequence of stop words or titles alone is no subject; a title ends a company name
STOP_WORD_NAMES = [
    ("Shares in Torvane AI rose.", ["Torvane AI"]),
    ("Profits at Quill TV fell.", ["Quill TV"]),
    ("Profits at Sky TV fell.", ["Sky TV"]),  # gazetteer word + tail
    ("Profits at Marro IT Services fell.", ["Marro IT Services"]),  # inside a name
    ("Profits at Marro IT fell.", ["Marro IT"]),
    ("The deal was approved by US Airways.", ["US Airways"]),  # place + company word
    ("Quarterly sales at UK retailer Next fell.", ["Next"]),  # a stop word named by a unit noun
    ("The CEO said AI was big.", []),
    ("The US and the UK said so.", []),
    ("Shares in Marro Europe rose.", ["Marro"]),  # a place is no name tail
    ("The board said Marro CEO Jane Holt would stay.", ["Marro"]),
    ("The board said Vice Chairman Jane Holt would stay.", []),
    ("Its AI unit grew.", []),
]


@pytest.mark.parametrize(("sentence", "names"), STOP_WORD_NAMES)
def test_stop_words_in_names(sentence: str, names: list[str]) -> None:
    assert [m.name for m in find_mentions(sentence, sentence)] == names


# (text, [(subject, metric)]): a sentence-initial name with a tail is a name
STOP_WORD_SUBJECTS = [
    (
        "Torvane AI has shown strong growth, with its annual recurring revenue jumping fourfold to "
        "nearly $300 million.",
        [("Torvane AI", "arr")],
    ),
    (
        "Belmar plans to spin off its Torvane AI video unit, valued at $8 billion.",
        [("Torvane AI", "valuation")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), STOP_WORD_SUBJECTS)
def test_stop_word_subjects(text: str, expected: list[tuple[str, str]]) -> None:
    got = [(c.subject, c.metric) for c in extract_claims_from_doc(get_nlp()(text))]
    assert got == expected


# (text, [(subject, metric)]): a sentence-initial modifier ("Total sales", "Retail sales") or the
# place of an "X, Y-based firm" is no subject; the figure falls back to the earlier topic
MODIFIERS_AND_PLACES = [
    (
        "Brontec had a strong quarter. Total sales were 4.2bn rupees, up 9%.",
        [("Brontec", "revenue")],
    ),
    (
        "Vellor reported its results on Monday. Domestic sales rose 3% to £80m.",
        [("Vellor", "revenue")],
    ),
    (
        "US grocer Marlow Foods is in trouble. The Springfield, Ohio-based firm has total debts of $2.1bn.",
        [("Marlow Foods", "debt")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), MODIFIERS_AND_PLACES)
def test_modifiers_and_places_are_no_subjects(text: str, expected: list[tuple[str, str]]) -> None:
    got = [(c.subject, c.metric) for c in extract_claims_from_doc(get_nlp()(text))]
    assert got == expected


# (text, [(subject, metric)]): names that read like common words, titles or products (sweep 3)
NAME_FORMS = [
    (  # a stop word with a possessive, written mid-sentence elsewhere, is a company
        "Analysts said Next had a weak winter. Next's shares fell 4%.",
        [("Next", "share_price")],
    ),
    (  # a possessive inside a name before a company word stays in the name
        "The state-owned Tolland People's Bank made a loss of $20m.",
        [("Tolland People's Bank", "loss")],
    ),
    (  # a title word the article uses as part of a company name ("drugmaker Dr Kumar's")
        "Profits at drugmaker Dr Kumar's fell 20%. The firm said sales rose 5% to 2bn rupees.",
        [("Dr Kumar", "profit"), ("Dr Kumar", "revenue")],
    ),
    (  # a product name in quotes is no company
        'Brenmoor launched a drink called "Zesto" last year. Its profit rose 10% to $50m.',
        [("Brenmoor", "profit")],
    ),
    (  # a plural of initials is a product, no company
        "Halloway makes players for DVDs. Its profit rose 10% to $50m.",
        [("Halloway", "profit")],
    ),
    (  # a person the article calls "Mr Surname" is no subject
        "Rob Tanner said profits at Kestrel Foods rose 5% to £40m. Mr Tanner runs a fund.",
        [("Kestrel Foods", "profit")],
    ),
    (  # "NAME - whose market value is ...": the relative clause takes its antecedent
        "Facing a rebuff from Orvan, Lindqvist - whose market value is more than $2bn - kept its bid.",
        [("Lindqvist", "market_cap")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), NAME_FORMS)
def test_name_forms(text: str, expected: list[tuple[str, str]]) -> None:
    got = [(c.subject, c.metric) for c in extract_claims_from_doc(get_nlp()(text))]
    assert got == expected


# sweep 4: name forms and context words that picked the wrong subject (own sentences)
SWEEP4_SUBJECTS = [
    (  # a rival that reports the figure is its subject, not the article's company
        "Tamsin Oil said output fell. Last week, rival Ostrava reported an annual profit of $9.5bn.",
        [("Ostrava", "profit")],
    ),
    (  # a rival named as a comparison stays no subject
        "Tamsin Oil, which competes with rivals Ostrava and Belmar, made a profit of $2bn.",
        [("Tamsin Oil", "profit")],
    ),
    (  # a name after a year and a comma is still a name
        "In the year to March 2004, Kelvo reported revenues of $81.2m.",
        [("Kelvo", "revenue")],
    ),
    (  # "Sales of NAME's brands": the name, not "of NAME"
        "Sales of Durano's brands fell 3% as demand cooled.",
        [("Durano", "revenue")],
    ),
    (  # the rest of an example list ("brands include A and B") is no subject either
        "Pellam Motors said output rose. "
        "Its unit - whose brands include Voss and Kerry - made a loss of $80m.",
        [("Pellam Motors", "loss")],
    ),
    (  # "the retailer" is the name the article introduced as a retailer, not the last name seen
        "US retailer Harlow Stores said it would close shops. Bexco, its supplier, agreed. "
        "Shares in the retailer fell 8% on Monday.",
        [("Harlow Stores", "share_price")],
    ),
    (  # among several names introduced as a bank, the one the article names most often
        "Profits at Tovar, the third-biggest bank, rose. Tovar said so. Tovar is big. "
        "Analysts said Ponte, the biggest bank, will gain. Profits at the bank fell 2% to $1bn.",
        [("Tovar", "profit")],
    ),
    (  # a plane order: the buyer spends, not the seller named after "from"
        "Meanwhile, Torva's budget arm, Torva Jet, is to buy 12 aircraft from Skyward "
        "in a deal worth up to $900m.",
        [("Torva Jet", "capex")],
    ),
    (  # a regional adjective ("Californian") is no company
        "Norvik has agreed to buy Californian wine maker Lassen for $90m.",
        [("Lassen", "deal_value")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SWEEP4_SUBJECTS)
def test_sweep4_subjects(text: str, expected: list[tuple[str, str]]) -> None:
    got = [(c.subject, c.metric) for c in extract_claims_from_doc(get_nlp()(text))]
    assert got == expected


# sweep 5: subjects (own sentences)
SWEEP5_SUBJECTS = [
    (  # "an offer for X, valuing the company at": the company bid for, not the bidder
        "Bexco, Utopia's third-largest bank, tabled a higher offer for Harvo than its rival, "
        "valuing the company at $35bn.",
        [("Harvo", "valuation"), ("Harvo", "deal_value")],
    ),
    (  # "a 13% fall in X's shares": the name the change is in
        "Harvo said it was consulted. "
        "The board hopes the buy-back will reverse a 13% fall in Bexco's shares.",
        [("Bexco", "share_price")],
    ),
    (  # a role plural before "of" is no part of the name
        "Bosses of Bexco said the firm's profits rose 8% last year.",
        [("Bexco", "profit")],
    ),
    (  # a nationality's plural ("the Germans") is no subject: the name comes from earlier
        "Harvo rejected the approach from Bexco. Rumours say the Germans may lift their bid to £1.5bn.",
        [("Harvo", "deal_value")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SWEEP5_SUBJECTS)
def test_sweep5_subjects(text: str, expected: list[tuple[str, str]]) -> None:
    got = [(c.subject, c.metric) for c in extract_claims_from_doc(get_nlp()(text)) if c.metric != "other"]
    assert got == expected


# sweep 6: descriptor words before a name, sources (own sentences)
SWEEP6_MENTIONS = [
    ("Jeweller Ostra also had a poor December.", ["Ostra"]),
    ("Leading electronics chain Volto, meanwhile, missed its target.", ["Volto"]),
    ("Troubled carmaker Rendo said so.", ["Rendo"]),
    ("Bank of Utopia raised rates.", ["Bank of Utopia"]),
    ("According to a survey by Harbo Bank, Lindt Data and Cress Ratings, sales rose.", []),
    ("Ferro Securities analyst Jo Bloggs said the outlook was poor.", []),
]


@pytest.mark.parametrize(("sentence", "names"), SWEEP6_MENTIONS)
def test_sweep6_mentions(sentence: str, names: list[str]) -> None:
    assert [m.name for m in find_mentions(sentence, sentence)] == names


# (article, subjects of the claims in order)
SWEEP6_ARTICLES = [
    (  # the name a figure is "at", and a list of the same change "at" other names
        "Velma reported a loss. Fashion labels sold well, with sales jumping 21% at teen clothing retailer "
        "Orla Stores and 14.5% at Brisk Outfitters.",
        ["Orla Stores", "Brisk Outfitters"],
    ),
    (  # an analyst quoted in the sentence before is no subject
        'Quenta said it had enough cash. "Worrying," Ferro Securities analyst Jo Bloggs said. '
        "The news is another blow for the one-time star, which has lost 70% of its stock value.",
        ["Quenta"],
    ),
]


@pytest.mark.parametrize(("text", "subjects"), SWEEP6_ARTICLES)
def test_sweep6_subjects(text: str, subjects: list[str]) -> None:
    got = [c.subject for c in extract_claims_from_doc(get_nlp()(text)) if c.metric != "other"]
    assert got == subjects


# sweep 7 (own sentences)
SWEEP7_MENTIONS = [
    ("According to the Courier, the plant could close.", []),  # a newspaper quoted is a source
    ("Bosses told the Gazette that the plan was sound.", []),
    ("Home furnishings store Pier 3 Imports saw its sales sink.", ["Pier 3 Imports"]),  # a number in a name
]


@pytest.mark.parametrize(("sentence", "names"), SWEEP7_MENTIONS)
def test_sweep7_mentions(sentence: str, names: list[str]) -> None:
    assert [m.name for m in find_mentions(sentence, sentence)] == names


SWEEP7_ARTICLES = [
    (  # a place word opening a name the article never writes without it stays in the name
        "Shoe sales fell. Sales jumped 32% at American Crane Outfitters.",
        ["American Crane Outfitters"],
    ),
    (  # a sentence opening on "The group" keeps the topic told before, not the division it names
        "Valdo said its sales rose. The group is to set up a new Retail Services division to run its shops. "
        "The company also unveiled plans to cut prices. "
        "It added that it plans to invest £5bn in the next five years.",
        ["Valdo"],
    ),
    (  # a name the sentence opens on stays the topic
        "Valdo said its sales rose. Retail Services, its new division, will invest £1bn next year.",
        ["Retail Services"],
    ),
]


@pytest.mark.parametrize(("text", "subjects"), SWEEP7_ARTICLES)
def test_sweep7_subjects(text: str, subjects: list[str]) -> None:
    got = [c.subject for c in extract_claims_from_doc(get_nlp()(text)) if c.metric != "other"]
    assert got == subjects


# sweep 8 (own sentences): "which" after a verb phrase is the clause, not the name before it
SWEEP8_SUBJECTS = [
    ("Tarvo said output in Alberta was weak, which sent its shares down 7%.", ["Tarvo"]),
    ("Tarvo owns Belko, which saw its sales rise 4% to $2bn.", ["Belko"]),
]


@pytest.mark.parametrize(("text", "subjects"), SWEEP8_SUBJECTS)
def test_sweep8_subjects(text: str, subjects: list[str]) -> None:
    got = [c.subject for c in extract_claims_from_doc(get_nlp()(text)) if c.metric != "other"]
    assert got == subjects


# sweep 9 (own sentences): names with a common-noun tail, brands a unit is known for, opening
# phrases, headline verbs
SWEEP9_SUBJECTS = [
    (  # the article writes "Tarvo Card": "Tarvo card's" is that name, not "Tarvo"
        "Tarvo Card is a lender. Tarvo card's creditors fear a $2bn debt bill.",
        ["Tarvo Card"],
    ),
    (  # a brand the unit is "best known for" is no subject: the unit told before is
        "Belko is owned by Kessa. The car business, best known for its Zeta Motors marque, is expected "
        "to make a loss of about 800m euros in 2004.",
        ["Belko"],
    ),
    (  # an opening phrase's figure belongs to the name right after its comma
        "Belko is owned by Kessa. Beyond the 5,000 job cuts announced last year at its German plants, "
        "Tarvo is cutting costs.",
        ["Tarvo"],
    ),
    (  # a headline verb after a sentence-initial name: the headline's subject as fallback
        "Tarvotech hit by drug failure\n\nShares in the Anglo-Swedish drugmaker closed down 8% in London. "
        "Tarvotech had hoped to sell the drug.",
        ["Tarvotech"],
    ),
]


@pytest.mark.parametrize(("text", "subjects"), SWEEP9_SUBJECTS)
def test_sweep9_subjects(text: str, subjects: list[str]) -> None:
    title = text.split("\n\n")[0] if "\n\n" in text else None
    got = [c.subject for c in extract_claims_from_doc(get_nlp()(text), title=title) if c.metric != "other"]
    assert got == subjects


# sweep 10 (own sentences): names with "and" spelled out by bracketed initials; products in examples
SWEEP10_MENTIONS = [
    ("Mercantile and Farmers Bank (MFB) said so.", ["Mercantile and Farmers Bank", "MFB"]),
    ("Its owner, Northern and Coastal (N&C), agreed.", ["Northern and Coastal", "N&C"]),
    ("Tarvo and Belko Bank (the lender) agreed.", ["Belko Bank"]),  # no initials: two names
    ("Copies of its drugs, particularly painkillers Zorvax and Quell, hurt.", []),
    ("It sells drinks such as the fizzy Bolto.", []),
    # the brands an owner holds are no subject
    ("As agreed, Tarvo - owner of Zed's and Kip's - will take on the debt.", ["Tarvo"]),
    ("Tarvo, which owns Zed and Kip, said so.", ["Tarvo"]),
]


@pytest.mark.parametrize(("sentence", "names"), SWEEP10_MENTIONS)
def test_sweep10_mentions(sentence: str, names: list[str]) -> None:
    assert [m.name for m in find_mentions(sentence, sentence)] == names


SWEEP10_SUBJECTS = [
    (  # the possessive on the figure's own noun wins over the clause's actor
        "Tarvo Group will assume $3bn of Belko's debt as part of the deal.",
        [("Belko", "debt")],
    ),
    (
        "Tarvo Group has yearly sales of $9bn, while Belko's annual sales are $5bn.",
        [("Tarvo Group", "revenue"), ("Belko", "revenue")],
    ),
    (  # a month word is a name when the article writes it as one
        "Tarvo Group will buy June Stores. Tarvo has sales of $9bn, while June's sales are $4bn.",
        [("Tarvo", "revenue"), ("June", "revenue")],
    ),
    (  # a product named in an example list is no subject: the company told before is
        "Tarvo Pharma said profits fell. Copies of its drugs, notably sleeping pill Zorvax, hurt profits, "
        "but global sales were up 2%.",
        [("Tarvo Pharma", "revenue")],
    ),
    (  # money put up "to stabilise the firm": the firm helped, not the lenders
        "Belko Card nearly collapsed. Its creditors and Tarvo Group have each put up $200m to stabilise "
        "the firm.",
        [("Belko Card", "funding")],
    ),
    (  # a lead sentence describing the company, named only in the next sentence
        "Japan's biggest card firm has been saved by a 900bn yen rescue package.\n\n"
        "Belko Card had been close to collapse.",
        [("Belko Card", "funding")],
    ),
    (  # invested "in" a company through securities it issues: that company's funding
        "Besides the stake, Tarvo is to invest $80m in Belko Foods through convertible preference shares.",
        [("Belko Foods", "funding")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SWEEP10_SUBJECTS)
def test_sweep10_subjects(text: str, expected: list[tuple[str, str]]) -> None:
    got = [(c.subject, c.metric) for c in extract_claims_from_doc(get_nlp()(text)) if c.metric != "other"]
    assert got == expected


# a name told with a person's role after it ("Jane Doe, chief economist at Acme Bank,") is no subject
SWEEP11_MENTIONS = [
    ("Jane Rook, US chief economist at Tarvo Bank, said the figures were decent.", []),
    ("Tom Rix, a spokesman for Belko, said so.", ["Belko"]),
    ("Belko Foods, the maker of crisps, said so.", ["Belko Foods"]),
    ("Kessa Bank, whose chief executive quit, said so.", ["Kessa Bank"]),
]


@pytest.mark.parametrize(("sentence", "names"), SWEEP11_MENTIONS)
def test_sweep11_role_people(sentence: str, names: list[str]) -> None:
    assert [m.name for m in find_mentions(sentence, sentence)] == names


# the unit or plant the text names as a figure's owner; an office holder is no subject
SWEEP11_SUBJECTS = [
    (
        "Tarvo Group said so. Cuts will focus on its brokerage unit, which employs 30,000 staff.",
        [("brokerage unit", "employees")],
    ),
    ("Tarvo Group said its brokerage unit saw revenues fall 10%.", [("brokerage unit", "revenue")]),
    (
        "Tarvo Group said so. But its film division saw profits slump 20% to $200m.",
        [("film division", "profit")],
    ),
    ("The Belko plant at Zedburg makes phones and employs 1,500 staff.", [("Belko plant", "employees")]),
    (
        'Kessa Air has debts of $400m. "We back the airline," said Finance Minister Jane Rook. '
        "The 30-year-old airline carries about 45% of all passengers to the islands.",
        [("Kessa Air", "debt"), ("Kessa Air", "market_share")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SWEEP11_SUBJECTS)
def test_sweep11_subjects(text: str, expected: list[tuple[str, str]]) -> None:
    got = [(c.subject, c.metric) for c in extract_claims_from_doc(get_nlp()(text)) if c.metric != "other"]
    assert got == expected
