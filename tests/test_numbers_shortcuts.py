"""The numbers extractor's speed shortcuts agree with the full patterns they stand for.

``_Patterns.match_master`` tries a smaller pattern at digits and skips the master
pattern at ASCII letters where a cheap test says it cannot match; ``_Trigger`` tries
its pattern only at positions found by simpler searches. Both are kept in step with
the master and trigger patterns by hand: these tests fail when an edit to the patterns
or the data files lets them drift apart. The texts are built from the lexicon's own
words and the characters the patterns care about.
"""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from geopol.numbers import NumberLexicon, default_lexicon

LEX = default_lexicon()
PATTERNS = LEX.patterns
# the master pattern without the lookaheads that only speed it up (_suffix_guards)
REFERENCE = regex.compile(PATTERNS.reference_source, regex.IGNORECASE)

_WORDS = sorted(w for w in {*LEX.words, *LEX.scales, *LEX.hedges, *LEX.currencies, *LEX.units,
                            *LEX.months, *LEX.names, *LEX.identifier_words, *LEX.year_cues}
                 if w[:1].isprintable())  # internal keys start with a control character
_PIECES = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(_WORDS).map(str.upper),
    st.sampled_from(_WORDS).map(str.title),
    st.from_regex(r"\d{1,4}([.,]\d{1,3}){0,2}", fullmatch=True),
    st.sampled_from([" ", "  ", "\n", "-", "–", "/", ".", ",", ":", "(", ")", "'", "’", "%",
                     "€", "$", "+", "−", "@", "x", "e", "ste", "de", "jaren", "op de",
                     "https://", "www.", "a.b@c.nl", "tussen", "één", "een", "min", "İ", "ß",
                     "ﬁ", "é", "Ä", "jarige", "helft", "zo'n", "tot", "à"]),
)
TEXTS = st.lists(_PIECES, min_size=1, max_size=14).map(" ".join) | st.lists(
    _PIECES, min_size=1, max_size=14).map("".join)
# one word glued from number words, joints and suffixes: tweetal, eenentwintigste, eens
_NUMBER_WORDS = sorted(w for w in LEX.words if w[:1].isprintable())
_NUMBER_WORD = st.sampled_from(_NUMBER_WORDS) | st.sampled_from(_NUMBER_WORDS).map(str.title)
_GLUE_PIECES = ["-", "en", "ën", "-en-", "tal", "jarig", "-jarige", "ste", "de", "s", "er", "e",
                "n", "eerste", "derde", "ſ", "\u212a", "é", " ", "tallen", "ende", "deel", "\u0301",
                "‐", "-x", "jarigen", "jarign", "3"]
_GLUE = st.sampled_from(_GLUE_PIECES)
_GLUED = st.tuples(_NUMBER_WORD, st.lists(_NUMBER_WORD | _GLUE, max_size=3),
                   st.sampled_from(["", " ", ".", "-", "x"])).map(
    lambda parts: parts[0] + "".join(parts[1]) + parts[2])

# digits with what the alternatives other than a quantity need after them: clock times,
# dates, zip codes, phone numbers, 24/7, (43), een op de vier, 3e
_DIGITS = st.lists(st.one_of(
    st.from_regex(r"[0-9]{1,5}", fullmatch=True),
    st.sampled_from(sorted(LEX.months)).map(" ".__add__),
    st.sampled_from(["AB", "ab", "Ab", " AB", " uur", "u", "e", "ste", "de", " op de ", " op ",
                     ".", ":", "-", "/", "x", " ", ",", ")", "(", "@", "+", "0", "a", "\u00a0",
                     "٣", "Jan (", "a@b.nl"])), min_size=1, max_size=8).map("".join)


def _key(match: re.Match[str] | regex.Match[str] | None) -> object:
    """What the extractor reads of a match: its span and the groups that took part
    (the smaller digit pattern lacks the groups of the alternatives it leaves out)."""
    if match is None:
        return None
    taken = {name: value for name, value in match.groupdict().items() if value is not None}
    return match.span(), match.lastgroup, taken


def _assert_match_master_agrees_everywhere(text: str) -> None:
    """match_master (with its shortcuts) matches as the reference pattern at every start."""
    for start in range(len(text)):
        assert _key(REFERENCE.match(text, start)) == _key(
            PATTERNS.match_master(text, start)), (text, start)


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_match_master_agrees_with_the_master_pattern_at_every_position(text: str) -> None:
    _assert_match_master_agrees_everywhere(text)


def test_match_master_agrees_with_the_master_pattern_on_every_number_word_and_glue() -> None:
    joined = [joint + word for joint in ("", "-", "en", "ën", "-en-") for word in _NUMBER_WORDS]
    texts = [word + glue + end for word in _NUMBER_WORDS for glue in [*_GLUE_PIECES, *joined]
             for end in ("", " ")]
    # three and more number words in one word (honderdtweeëntwintigste), and more than
    # the letter test checks
    texts += [f"honderd{unit}{joint}{tens}{end}" for unit in LEX.words_with("unit")
              for tens in LEX.words_with("tens") for joint in ("en", "ën", "-en-", "")
              for end in ("", "ste", "s")]
    long = "zevenhonderdzevenenzeventigduizendzevenhonderdzevenenzeventig"
    texts += [long, long + "ste", long + "s", "achttien" * 9, "achttien" * 9 + "s"]
    # the article before a -tal word, hyphens and marks after a suffix
    texts += ["een tiental", "een  tweetal mensen", "EEN TIENTAL", "een\ntiental-achtig",
              "tiental-achtig", "vijfjarige-x", "vijfde-x", "tiental\u0301", "twee-en-twintigste",
              # fractions: een op de vier, twee derde
              "twee derde", "twee-derde", "twee \n derde deel", "driekwart", "tweederde-x",
              "twee derde\u0301", "een op de vier", "twee-en-twintig op de honderd", "één op\tde 5",
              "drie kwart", "twee-drie derde"]
    for text in texts:
        expected = _key(REFERENCE.match(text))
        assert expected == _key(PATTERNS.match_master(text, 0)), text
        assert expected == _key(PATTERNS.master.match(text)), text


@settings(max_examples=400, deadline=None)
@given(_GLUED)
def test_match_master_agrees_with_the_master_pattern_on_glued_number_words(text: str) -> None:
    _assert_match_master_agrees_everywhere(text)


@pytest.mark.parametrize("text", [
    "Jan (43)", "om 10:30 uur", "om 10.30 uur", "10:30", "9.15-10.45 uur", "12-05-2014",
    "12/5/2014", "2014-05-12", "1234 AB", "1234AB", "3 op de 4", "3e", "21ste", "2de",
    "12 mei", "12 mei 2014", "24/7", "2x4", "06-12345678", "020 123 4567", "a1@b.nl",
    "1@b.nl", "15 mensen", "10.000", "1,5 miljoen", "5%", "3-0",
])
def test_match_master_agrees_with_the_master_pattern_on_each_digit_alternative(
        text: str) -> None:
    for start in range(len(text)):
        expected = _key(REFERENCE.match(text, start))
        assert expected == _key(PATTERNS.match_master(text, start)), (text, start)
        assert expected == _key(PATTERNS.master.match(text, start)), (text, start)


@settings(max_examples=400, deadline=None)
@given(_DIGITS)
def test_match_master_agrees_with_the_master_pattern_on_digits(text: str) -> None:
    _assert_match_master_agrees_everywhere(text)


@settings(max_examples=400, deadline=None)
@given(TEXTS | _GLUED)
def test_master_agrees_with_the_master_without_its_speed_lookaheads(text: str) -> None:
    for start in range(len(text)):
        assert _key(REFERENCE.match(text, start)) == _key(PATTERNS.master.match(text, start)), (
            text, start)


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_trigger_search_agrees_with_a_plain_search(text: str) -> None:
    for trigger, scan in ((PATTERNS.trigger, text.lower()), (PATTERNS.trigger_ci, text)):
        if trigger is PATTERNS.trigger and len(scan) != len(text):
            continue  # the extractor lowers the text only where lengths stay the same
        positions = trigger.positions(scan)
        for pos in range(len(scan) + 1):
            assert _key(trigger.pattern.search(scan, pos)) == _key(
                trigger.search(scan, positions, pos)), (scan, pos)


# the words that end or extend a plain count ('15 mei', '15 mln', '5 tot 10', '3 op de 4',
# '15 miljoenen'), as they are, in upper case after the first letter (15 mLN), and with
# what may follow them
_PLAIN_COUNT_ENDS = sorted({*LEX.scales, *LEX.months, "tot en met", "t/m", "tot", "à", "a",
                            "of", "op de 4", "op", "mensen", "ab", "AB", "uur"})
_PLAIN_COUNT_ENDS += [word[:1] + word[1:].upper() for word in _PLAIN_COUNT_ENDS]


@pytest.mark.parametrize("word", _PLAIN_COUNT_ENDS)
def test_match_master_agrees_with_the_master_pattern_after_a_plain_count(word: str) -> None:
    for number in ("15", "2014", "1", "015", "0201234567", "F-16", "1,5", "12.000", "(43"):
        for after in ("", "x", ".", " 10", "en", "-x"):
            text = f"{number} {word}{after}"
            for start in range(len(text)):
                expected = _key(REFERENCE.match(text, start))
                assert expected == _key(PATTERNS.match_master(text, start)), (text, start)


def test_plain_count_is_a_shortcut_for_the_commonest_number() -> None:
    assert PATTERNS.plain_count is not None
    assert PATTERNS.plain_count.match("15 mensen") is not None


def test_plain_count_is_off_when_a_form_has_a_letter_that_matches_ascii_ignoring_case() -> None:
    kelvin = NumberLexicon.from_data(months={**LEX.months, "\u212aw": 1})

    assert kelvin.patterns.plain_count is None
