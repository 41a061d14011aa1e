"""Tests of :mod:`geopol.numbers`: numeric claims as the annotation guide, section 4, defines them.

Every sentence here is written for these tests; none comes from the gold files.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from num2words import num2words

from geopol.model import Document, NumericClaim, Sentence, Span, Token
from geopol.numbers import NumberLexicon, extract, parse_number

_ALPHABET = "0123456789 .,-€%$„”‘’\"'()enwtigdrvjfzsahkmlopuëé\n"


def claims(text: str) -> list[tuple[str, int | float, str, str]]:
    """(text, value, kind, hedge) of each claim in *text*."""
    doc = Document(id="t", text=text)
    return [(doc.text_of(c.span), c.value, c.kind, c.hedge) for c in extract(doc)]


def only(text: str) -> tuple[Document, NumericClaim]:
    doc = Document(id="t", text=text)
    found = extract(doc)
    assert len(found) == 1, [doc.text_of(c.span) for c in found]
    return doc, found[0]


def counted(text: str) -> list[str | None]:
    doc = Document(id="t", text=text)
    return [None if c.counts is None else doc.text_of(c.counts) for c in extract(doc)]


# -- parse_number ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("100.000", 100000),
        ("1,5", 1.5),
        ("2.345.678,90", 2345678.9),
        ("1,500,000", 1500000),
        ("2.5", 2.5),
        ("min 5", -5),
        ("-3,2", -3.2),
        ("1,5 miljard", 1500000000),
        ("2,6 mln", 2600000),
        ("50 mld", 50000000000),
        ("3 mrd", 3000000000),
        ("drieëntwintig", 23),
        ("drieentwintig", 23),
        ("drie-en-twintig", 23),
        ("vijftienhonderd", 1500),
        ("tweeduizendvijftien", 2015),
        ("honderdduizend", 100000),
        ("een miljoen vijfhonderdduizend", 1500000),
        ("anderhalf", 1.5),
        ("anderhalf miljoen", 1500000),
        ("een half miljard", 500000000),
        ("twee en een half miljoen", 2500000),
        ("tweeënhalf", 2.5),
        ("een kwart", 0.25),
        ("drie kwart", 0.75),
        ("driekwart", 0.75),
        ("de helft", 0.5),
        ("een op de vier", 0.25),
        ("tweede", 2),
        ("3e", 3),
        ("21ste", 21),
        ("eenentwintigste", 21),
        ("honderdeerste", 101),
        ("tientallen", 20),
        ("een tiental", 10),
    ],
)
def test_parse_number_reads_dutch_numerals(text: str, expected: int | float) -> None:
    assert expected == parse_number(text)


def test_parse_number_gives_two_thirds_for_twee_derde() -> None:
    assert pytest.approx(2 / 3) == parse_number("twee derde")


@pytest.mark.parametrize("text", ["", "Rusland", "tweedrie", "eende", "twintigtwee", "F-16",
                                  "half februari", "12:30"])
def test_parse_number_returns_none_for_what_is_no_numeral(text: str) -> None:
    assert parse_number(text) is None


def test_parse_number_refuses_a_non_string() -> None:
    with pytest.raises(TypeError, match="needs a str"):
        parse_number(12)  # type: ignore[arg-type]  # the wrong type is the point


def test_parse_number_returns_an_int_for_whole_values() -> None:
    assert isinstance(parse_number("1,0 miljoen"), int)


# -- round trips against num2words (an independent oracle) -----------------------------------


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_every_integer_written_in_dutch_words_parses_back(n: int) -> None:
    words = num2words(n, lang="nl")

    assert n == parse_number(words)
    assert n == parse_number(words.replace("ë", "e").replace("é", "e"))


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_every_ordinal_written_in_dutch_words_parses_back(n: int) -> None:
    assert n == parse_number(num2words(n, lang="nl", to="ordinal"))


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=0, max_value=999))
def test_digits_with_dutch_separators_parse_back(n: int, fraction: int) -> None:
    grouped = f"{n:,}".replace(",", ".")
    decimals = str(fraction).rjust(3, "0")

    assert n == parse_number(grouped)
    assert Decimal(f"{n}.{decimals}") == Decimal(str(parse_number(f"{grouped},{decimals}")))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(_ALPHABET)), max_size=80))
def test_extract_never_raises_and_spans_point_into_the_text(text: str) -> None:
    doc = Document(id="h", text=text)
    found = extract(doc)

    assert list(found) == sorted(found, key=lambda c: c.span.start)
    for claim in found:
        assert 0 <= claim.span.start < claim.span.end <= len(text)
        assert claim.rule.startswith("number.")
        if claim.counts is not None:
            assert claim.counts.end <= len(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_extract_never_raises_on_any_string(text: str) -> None:
    extract(Document(id="h", text=text))


# -- digits, words, scales ------------------------------------------------------------------


def test_thousands_dot_and_decimal_comma_are_dutch() -> None:
    assert [("2.345.678,90 euro", 2345678.9, "money", "exact")] == claims(
        "De gemeente betaalde 2.345.678,90 euro voor de opvang.")


def test_a_scale_word_after_digits_multiplies() -> None:
    assert [("1,5 miljard euro", 1500000000, "money", "exact")] == claims(
        "Brussel trekt 1,5 miljard euro uit.")


def test_mln_and_mld_abbreviate_miljoen_and_miljard() -> None:
    assert [("€2,5 mld", 2500000000, "money", "exact"),
            ("12 mln", 12000000, "count", "exact")] == claims(
        "Den Haag reserveert €2,5 mld voor 12 mln inwoners.")


def test_min_before_a_number_makes_it_negative() -> None:
    assert [("min 5 graden", -5, "measure", "exact")] == claims("Het was die nacht min 5 graden.")


def test_a_minus_sign_makes_a_percentage_negative() -> None:
    assert [("-3,2 procent", -3.2, "percent", "exact")] == claims(
        "De economie groeide met -3,2 procent.")


def test_spelled_numbers_with_and_without_diaeresis() -> None:
    assert [("Drieentwintig", 23, "count", "exact"), ("drieëntwintig", 23, "count", "exact")] \
        == claims("Drieentwintig artsen en drieëntwintig verpleegkundigen vertrokken.")


def test_spaced_spelled_number_is_one_claim() -> None:
    assert [("een miljoen vijfhonderdduizend", 1500000, "count", "exact")] == claims(
        "Er zijn een miljoen vijfhonderdduizend kiezers.")


def test_een_half_miljard_is_half_a_billion() -> None:
    assert [("een half miljard euro", 500000000, "money", "exact")] == claims(
        "Het plan kost een half miljard euro.")


# -- what is no claim -----------------------------------------------------------------------


def test_the_article_een_is_no_claim_but_accented_een_is() -> None:
    assert [("één", 1, "count", "exact")] == claims(
        "Een soldaat en een journalist raakten gewond, één burger kwam om.")


@pytest.mark.parametrize(
    "text",
    [
        "De F-16 en de Su-57 vlogen over.",
        "De G7 en de G20 vergaderden over Covid-19.",
        "Artikel 5 en resolutie 2334 kwamen ter sprake.",
        "Het akkoord van Minsk-2 en de top COP28 liepen vast.",
        "De vlucht MH17 werd neergeschoten.",
        "De vergadering begint om 13.45 uur.",
        "Het overleg eindigde om 21:30.",
        "Bel 020-1234567 of +31 6 12345678.",
        "Lees meer op https://www.example.nl/2024/03/nieuws.",
        "De Tweede Kamer debatteerde over de Eerste Wereldoorlog.",
        "Nord Stream 1 en 2 liggen stil.",
        "In de jaren negentig was alles anders.",
        "Rusland vierde de overwinning uitbundig.",
        "Ten eerste is dit geen oorlog.",
        "Half februari komt het kabinet met een besluit.",
    ],
)
def test_names_identifiers_times_and_addresses_are_no_claims(text: str) -> None:
    assert [] == claims(text)


def test_a_score_with_a_hyphen_is_no_range() -> None:
    assert [] == claims("Oekraïne won met 2-1 van Schotland.")


# -- kinds and units ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit", "kind"),
    [
        ("Rusland verdiende 400 miljard roebel.", "RUB", "money"),
        ("Het kost 30 miljoen pond.", "GBP", "money"),
        ("China leende 12 miljard yuan.", "CNY", "money"),
        ("Israël betaalde 40 miljoen shekel.", "ILS", "money"),
        ("De tanker kost $60 per vat.", "USD", "money"),
        ("De grens is 1300 kilometer lang.", "km", "measure"),
        ("Er ligt 20 mln ton graan.", "ton", "measure"),
        ("Het land produceert 9 miljoen vaten per dag.", "bbl", "measure"),
        ("De centrale levert 1000 megawatt.", "MW", "measure"),
        ("Het bestand duurt dertig dagen.", "day", "duration"),
        ("De oorlog duurt al drie jaar.", "year", "duration"),
        ("De inflatie steeg met 2 procentpunt.", "pp", "percent"),
        ("De steun daalde naar 40%.", "%", "percent"),
    ],
)
def test_units_and_currencies_give_kind_and_unit(text: str, unit: str, kind: str) -> None:
    _, claim = only(text)

    assert (unit, kind) == (claim.unit, claim.kind)


def test_an_age_with_jarige_takes_unit_year() -> None:
    _, claim = only("De 81-jarige senator stemde tegen.")

    assert ("age", 81, "year") == (claim.kind, claim.value, claim.unit)


def test_an_age_in_brackets_after_a_name() -> None:
    doc, claim = only("Minister Jansen (58) trad af.")

    assert ("58", "age") == (doc.text_of(claim.span), claim.kind)


def test_a_full_date_is_yyyymmdd() -> None:
    assert [("7 oktober 2023", 20231007, "date", "exact")] == claims(
        "Op 7 oktober 2023 begon de aanval.")


def test_a_year_after_in_is_a_date_and_a_counted_2000_is_not() -> None:
    assert [("2014", 2014, "date", "exact"), ("2000", 2000, "count", "exact")] == claims(
        "In 2014 stuurde Moskou 2000 soldaten naar de Krim.")


def test_a_year_in_words_after_sinds_is_a_date() -> None:
    assert [("tweeduizendveertien", 2014, "date", "exact")] == claims(
        "Sinds tweeduizendveertien is het onrustig.")


def test_ordinals_in_digits_and_words() -> None:
    assert [("3e", 3, "ordinal", "exact"), ("eenentwintigste", 21, "ordinal", "exact")] == claims(
        "De 3e ronde viel op de eenentwintigste dag.")


def test_fractions_are_rounded_to_four_decimals() -> None:
    assert [("twee derde", 0.6667, "fraction", "exact"), ("een kwart", 0.25, "fraction", "exact")
            ] == claims("Volgens de peiling steunt twee derde het plan, een kwart niet.")


def test_een_op_de_vijf_is_a_fraction() -> None:
    assert [("Een op de vijf", 0.2, "fraction", "exact")] == claims(
        "Een op de vijf jongeren heeft geen werk.")


def test_een_derde_before_a_noun_is_an_ordinal_with_an_article() -> None:
    assert [("derde", 3, "ordinal", "exact")] == claims("Hij wil een derde termijn.")


# -- hedges, ranges, vague magnitudes -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("Bijna 300 gezinnen vluchtten.", "under"),
        ("Nog geen 40 procent stemde.", "under"),
        ("Hooguit twintig schepen voeren uit.", "under"),
        ("Maximaal 500 bezoekers mogen binnen.", "under"),
        ("Tot wel 2000 mensen wachten.", "under"),
        ("Ruim 6000 betogers kwamen.", "over"),
        ("Meer dan dertig landen tekenden.", "over"),
        ("Minstens tien journalisten zitten vast.", "over"),
        ("Zeker 15 burgers kwamen om.", "over"),
        ("Ten minste 40 huizen brandden af.", "over"),
        ("Ongeveer 250 agenten waren er.", "approx"),
        ("Zo'n 24 toestellen zijn inzetbaar.", "approx"),
        ("Circa 1340 kilometer grens.", "approx"),
        ("Ca. 15.000 soldaten staan klaar.", "approx"),
        ("Rond de 51 procent ging stemmen.", "approx"),
        ("Precies 74 jaar later.", "exact"),
    ],
)
def test_hedge_words_before_a_quantity(text: str, hedge: str) -> None:
    _, claim = only(text)

    assert hedge == claim.hedge


def test_tot_after_a_rising_verb_is_no_hedge() -> None:
    assert [("7 procent", 7, "percent", "exact")] == claims("De rente steeg tot 7 procent.")


def test_a_decimal_comma_does_not_end_the_clause_of_a_rising_verb() -> None:
    assert ("7 procent", 7, "percent", "exact") == claims(
        "De werkloosheid steeg met 1,5 procentpunt tot 7 procent.")[-1]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Er vielen tussen 50 en 60 doden.", 50, 60),
        ("Er raakten 10 tot 15 mensen gewond.", 10, 15),
        ("Er worden 10-15 boten vermist.", 10, 15),
        ("Het kost tussen 16 en 19 miljard euro.", 16000000000, 19000000000),
    ],
)
def test_ranges_give_low_and_high(text: str, low: int, high: int) -> None:
    _, claim = only(text)

    assert ("range", low, low, high) == (claim.hedge, claim.value, claim.low, claim.high)


@pytest.mark.parametrize(
    ("word", "low", "high"),
    [("tientallen", 20, 99), ("honderden", 200, 999), ("duizenden", 2000, 9999),
     ("tienduizenden", 20000, 99999), ("honderdduizenden", 200000, 999999),
     ("miljoenen", 2000000, 9999999)],
)
def test_vague_magnitudes_give_bounds(word: str, low: int, high: int) -> None:
    _, claim = only(f"Er kwamen {word} vluchtelingen aan.")

    assert ("vague", low, low, high) == (claim.hedge, claim.value, claim.low, claim.high)


def test_honderden_miljoenen_multiplies_the_bounds() -> None:
    _, claim = only("Honderden miljoenen mensen lijden honger.")

    assert (200000000, 999999999) == (claim.low, claim.high)


def test_een_paar_honderd_is_vague() -> None:
    _, claim = only("Een paar honderd agenten hielden de wacht.")

    assert ("vague", 200, 999) == (claim.hedge, claim.low, claim.high)


# -- what is counted ------------------------------------------------------------------------


def test_the_counted_noun_is_the_noun_after_the_quantity() -> None:
    assert ["Russen", "troepen"] == counted("Ruim 100.000 Russen en tienduizenden troepen.")


def test_inflected_adjectives_are_skipped_to_reach_the_noun() -> None:
    assert ["militairen", "functionarissen"] == counted(
        "Zeker 30.000 Russische militairen en 21 Russische en Oekraïense functionarissen.")


def test_both_numbers_of_a_vote_count_the_same_noun() -> None:
    assert ["stemmen", "stemmen"] == counted("De motie haalde het met 75 tegen 74 stemmen.")


def test_an_anaphoric_er_takes_the_noun_of_the_previous_sentence() -> None:
    assert ["drones"] == counted(
        "Het leger zette nieuwe drones in. Volgens de generaal zijn er inmiddels ruim 400.")


def test_er_skips_the_finite_verb_before_it() -> None:
    assert ["gezinnen"] == counted(
        "De stad zoekt opvang voor gezinnen. Elke week komen er tientallen bij.")


def test_a_quantity_with_a_unit_counts_nothing() -> None:
    assert [None] == counted("Het konvooi was 40 kilometer lang.")


def test_a_nummod_relation_from_a_parse_gives_the_counted_noun() -> None:
    text = "Er staan 500 nieuwe tanks klaar."
    doc = Document(id="p", text=text)
    words = [(0, 2), (3, 8), (9, 12), (13, 19), (20, 25), (26, 31), (31, 32)]
    heads = [1, -1, 4, 4, 1, 1, 1]
    rels = ["expl", "root", "nummod", "amod", "nsubj", "compound:prt", "punct"]
    tags = ["ADV", "VERB", "NUM", "ADJ", "NOUN", "ADP", "PUNCT"]
    tokens = [Token(span=Span(*w), head=h, deprel=r, upos=u)
              for w, h, r, u in zip(words, heads, rels, tags, strict=True)]
    sentence = Sentence(span=Span(0, len(text)), tokens=tokens)

    found = extract(doc, sentences=[sentence])

    assert ["tanks"] == [doc.text_of(c.counts) for c in found if c.counts is not None]


# -- the seed and the lexicon ---------------------------------------------------------------


def test_the_seed_article_gives_its_four_claims() -> None:
    from pathlib import Path

    raw = (Path(__file__).resolve().parent.parent / "seeds" / "000_5445485583bac3ad.txt").read_text(
        encoding="utf-8")
    doc = Document(id="seed", text=raw.split(" ", 3)[3])
    expected = [("2015", 2015, "date", "exact", None),
                ("Bijna 100.000", 100000, "count", "under", "Russen"),
                ("2014", 2014, "date", "exact", None),
                ("bijna honderdduizend", 100000, "count", "under", "troepen")]

    found = [(doc.text_of(c.span), c.value, c.kind, c.hedge,
              None if c.counts is None else doc.text_of(c.counts)) for c in extract(doc)]

    assert expected == found


def test_a_currency_added_to_the_lexicon_is_recognised() -> None:
    base = NumberLexicon.from_data()
    lex = NumberLexicon.from_data(currencies={**base.currencies, "dukaat": ("XDU", "after")})
    doc = Document(id="l", text="Het kost 40 dukaat.")

    found = extract(doc, lexicon=lex)

    assert [("40 dukaat", "money", "XDU")] == [(doc.text_of(c.span), c.kind, c.unit)
                                               for c in found]


def test_extract_refuses_a_string() -> None:
    with pytest.raises(TypeError, match="Document"):
        extract("Bijna 100 doden.")  # type: ignore[arg-type]  # the wrong type is the point


def test_claims_come_in_text_order_with_named_rules() -> None:
    doc = Document(id="o", text="In 2022 vielen 300 doden; ruim 40 procent was burger.")

    found = extract(doc)

    assert ["number.year", "number.digits", "number.digits"] == [c.rule for c in found]
    assert sorted(c.span.start for c in found) == [c.span.start for c in found]
