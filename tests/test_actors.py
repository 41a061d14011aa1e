"""Tests of :mod:`geopol.actors`: the actor data, phrases, mentions and chains."""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path
from random import Random

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from geopol import _word_answers, actors
from geopol.errors import DataFileError
from geopol.model import Actor, Document, Quote, Span
from geopol.text.plain import PLAIN_CHARS


def _doc(text: str) -> Document:
    return Document(id="t", text=text)


def test_poetin_president_poetin_and_vladimir_poetin_are_one_actor() -> None:
    lexicon = actors.default_lexicon()

    keys = {entry.key for entry in map(lexicon.lookup, ["Poetin", "Vladimir Poetin", "Putin"])
            if entry is not None}

    assert {"poetin"} == keys
    assert "Q7747" == lexicon.by_key["poetin"].qid


def test_zelensky_and_zelenski_are_one_actor() -> None:
    lexicon = actors.default_lexicon()

    assert lexicon.lookup("Zelenski") == lexicon.lookup("Zelensky")


@pytest.mark.parametrize(("metonym", "country"), [
    ("het Kremlin", "Rusland"), ("Moskou", "Rusland"), ("het Witte Huis", "Verenigde Staten"),
    ("Peking", "China"), ("Kyiv", "Oekraïne"),
])
def test_capitals_and_buildings_speak_for_their_country(metonym: str, country: str) -> None:
    lexicon = actors.default_lexicon()
    entry = lexicon.lookup(metonym)

    assert entry is not None
    affiliated = lexicon.affiliation_of(entry)
    assert affiliated is not None and country == affiliated.name


@pytest.mark.parametrize(("adjective", "country"), [
    ("Russische", "Rusland"), ("Oekraïense", "Oekraïne"), ("Amerikaanse", "Verenigde Staten"),
    ("Belarussische", "Belarus"), ("Turks", "Turkije"),
])
def test_adjectives_point_to_their_country(adjective: str, country: str) -> None:
    entry = actors.default_lexicon().country_of_adjective(adjective)

    assert entry is not None and country == entry.name


def test_every_qid_is_a_wikidata_id_and_every_affiliation_a_known_key() -> None:
    lexicon = actors.default_lexicon()

    for entry in lexicon.entries:
        assert entry.qid is None or (entry.qid.startswith("Q") and entry.qid[1:].isdigit())
        assert entry.affiliation is None or entry.affiliation in lexicon.by_key


@pytest.mark.parametrize(("phrase", "name", "affiliation"), [
    ("de Oekraïense president Volodymyr Zelensky zei", "Volodymyr Zelensky", "Oekraïne"),
    ("Kremlinwoordvoerder Dmitri Peskov zei", "Dmitri Peskov", "Kremlin"),
    ("minister Wopke Hoekstra van Buitenlandse Zaken zei", "Wopke Hoekstra", None),
    ("De Amerikaanse minister van Buitenlandse Zaken Anthony Blinken zei", "Anthony Blinken",
     "Verenigde Staten"),
    ("secretaris-generaal Anna Vos van de Raad van Europa zei", "Anna Vos",
     "Raad van Europa"),
    ("een woordvoerder van het Pentagon zei", "Pentagon", None),
    ("staatssecretaris Eric van der Burg (Asiel) zei", "Eric van der Burg", None),
    ("de lokale autoriteiten zeggen", "lokale autoriteiten", None),
    ("Premier Bart De Wever zei", "Bart De Wever", None),
])
def test_titles_and_articles_are_stripped_from_the_name(
    phrase: str, name: str, affiliation: str | None
) -> None:
    found = actors.parse_phrase(phrase, 0)

    assert found is not None
    assert (name, affiliation) == (
        found.name, None if found.affiliation is None else found.affiliation.name)


def test_a_verb_ending_in_e_is_not_read_as_an_adjective() -> None:
    found = actors.parse_phrase("De premier maakte bekend dat", 0)

    assert found is not None and ("description", "premier") == (found.kind, found.name)


def test_find_mentions_gives_names_adjectives_and_pronouns_in_text_order() -> None:
    doc = _doc("Minister Frans Timmermans sprak met Russische diplomaten. Hij was kritisch.")

    mentions = [(m.kind, m.text) for m in actors.find_mentions(doc)]

    assert [("name", "Frans Timmermans"), ("adjective", "Russische"),
            ("pronoun", "Hij")] == mentions


def test_a_surname_resolves_to_the_fullest_name_in_the_document() -> None:
    doc = _doc("Minister Anthony Blinken landde. Daarna sprak Blinken met de pers.")

    actor = actors.resolver(doc).resolve_at(doc.text.index("Blinken met"))

    assert actor is not None and "Anthony Blinken" == actor.name


def test_the_resolver_finds_mentions_only_when_asked_and_then_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    doc = _doc("Minister Anthony Blinken landde in Kyiv. Blinken zei dat hij hulp brengt.")
    calls: list[str] = []
    find = actors._find_mentions

    def counted(*args: object, **kwargs: object) -> list[actors._Found]:
        calls.append(doc.id)
        return find(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(actors, "_find_mentions", counted)
    chains = actors.resolver(doc)
    assert [] == calls  # a document without candidates pays nothing

    actor = chains.resolve_at(doc.text.index("Blinken zei"))
    assert actor is not None and "Anthony Blinken" == actor.name
    assert ["t"] == calls
    assert chains.mentions is chains.mentions  # built once, then kept
    assert ["t"] == calls
    monkeypatch.undo()
    assert actors.find_mentions(doc) == chains.mentions


def test_a_pronoun_resolves_to_the_latest_fitting_person() -> None:
    doc = _doc("Premier Lisa de Groot reisde naar Kyiv. Nederland stuurt hulp. Ze sprak er lang.")

    actor = actors.resolver(doc).resolve_at(doc.text.index("Ze sprak"))

    assert actor is not None and "Lisa de Groot" == actor.name


def test_first_person_inside_a_quote_is_the_quotes_speaker() -> None:
    doc = _doc('"Wij willen vrede", zei Lavrov.')
    quote = Quote(kind="direct", content=Span(1, 17), speaker=Actor(name="Sergej Lavrov"))

    speaker = actors.resolver(doc).first_person(doc.text.index("Wij"), [quote])

    assert speaker is not None and "Sergej Lavrov" == speaker.name


def test_a_users_actor_file_extends_the_packaged_data(tmp_path: Path) -> None:
    extra = tmp_path / "mine.tsv"
    extra.write_text(
        "# my actors\nkey\tname\tkind\tqid\taffiliation\taliases\tadjectives\n"
        "nordgas\tNordgas\torganisation\t\tnederland\tNordgas BV\t\n",
        encoding="utf-8",
    )

    lexicon = actors.load_lexicon(extra)

    entry = lexicon.lookup("Nordgas BV")
    assert entry is not None and "nederland" == entry.affiliation
    assert lexicon.lookup("Poetin") is not None


def test_a_malformed_actor_file_names_the_file(tmp_path: Path) -> None:
    extra = tmp_path / "bad.tsv"
    extra.write_text("key\tname\tkind\nx\tX\tplanet\n", encoding="utf-8")

    with pytest.raises(DataFileError, match=r"bad\.tsv"):
        actors.load_lexicon(extra)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=150))
def test_mentions_of_any_text_point_at_their_own_words(text: str) -> None:
    for mention in actors.find_mentions(_doc(text)):
        assert text[mention.span.start:mention.span.end] == mention.text


def test_resolver_parse_phrase_equals_parse_phrase_at_every_offset() -> None:
    text = ("De Amerikaanse minister van Buitenlandse Zaken Anthony Blinken sprak. "
            "Volgens Kremlinwoordvoerder Dmitri Peskov is zo'n 'besluit' onaanvaardbaar.")
    chains = actors.resolver(_doc(text))

    for start in range(len(text) + 1):
        for end in (None, len(text), start, start + 5, text.find(".", start) + 1):
            if end is not None and end < start:
                continue
            expected = actors.parse_phrase(text, start, end=end)

            assert expected == chains.parse_phrase(start, end=end), (start, end)


def test_the_plain_text_tokenizer_classes_every_plain_character_as_the_full_one() -> None:
    # actors._PLAIN_TOKEN_SPLIT (re) stands in for actors._TOKEN_SPLIT (regex) on plain
    # texts (geopol.text.plain): each plain character must be a word character, a space or
    # another mark alike in both.
    import re

    import regex

    word_full, word_plain = regex.compile(r"[\p{L}\p{M}\p{N}]"), re.compile(actors._PLAIN_WORD)
    space_full, space_plain = regex.compile(r"\s"), re.compile(r"\s")
    plain = PLAIN_CHARS

    assert len(plain) > 300
    for char in plain:
        assert bool(word_full.fullmatch(char)) == bool(word_plain.fullmatch(char)), hex(ord(char))
        assert bool(space_full.fullmatch(char)) == bool(space_plain.fullmatch(char)), hex(ord(char))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZé9 \n.-'’:\u00a0\u00ad\u00b2\u00bd\u2013\u20ac\u0301\x1c!", max_size=60))
def test_whole_text_tokens_are_those_of_the_token_pattern(text: str) -> None:
    expected = [(m.start(), m.end(), m.group()) for m in actors._TOKEN.finditer(text)]

    tokens, starts = actors._whole_text_tokens(text)
    split = actors._whole_text_split(text)

    assert expected == [tuple(t) for t in actors.tokenize(text)] == [tuple(t) for t in tokens]
    assert [t.start for t in tokens] == starts
    assert (tokens, starts, [t.text for t in tokens]) == split


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aZ9 \n\t.!?:;-'\u00a0\u2019\x1c\u0301\u2028", max_size=60))
def test_sentence_start_tokens_are_those_of_the_full_pattern(text: str) -> None:
    # the resolver finds where sentences begin from its tokens, not with the pattern
    expected = [m.start(1) for m in actors._SENTENCE_START.finditer(text)]
    tokens, starts, words = actors._whole_text_split(text)

    found = actors._sentence_start_tokens(text, tokens, starts, words)

    assert expected == [tokens[k].start for k in found]


def test_the_lexicon_caches_stay_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    lexicon = actors.load_lexicon()
    monkeypatch.setattr(_word_answers, "MAX_WORDS", 5)

    for number in range(20):
        assert lexicon.lookup(f"Niemand{number}") is None
        assert not lexicon.is_title(f"Niemand{number}")
    assert lexicon.lookup("Poetin") is not None

    assert len(lexicon._lookups) <= 5
    assert len(lexicon._titles) <= 5

    for number in range(20):
        assert not lexicon.is_actor_noun(f"niemand{number}")
        assert actors._is_name_word(f"Niemand{number}", lexicon)
        assert not lexicon._adjectives[f"Niemand{number}"]
    assert len(lexicon._nouns) <= 5
    assert len(lexicon._name_words) <= 5
    assert len(lexicon._adjectives) <= 5

    for number in range(20):
        assert lexicon._begins_mention[f"Niemand{number}"]
        assert (f"niemand{number}",) == actors._name_key(f"Niemand{number}")
        assert ("name", None) == lexicon._name_roles[f"Niemand{number}"]
    assert len(lexicon._begins_mention) <= 5
    assert len(actors._NAME_KEYS) <= 5
    assert len(lexicon._name_roles) <= 5


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Ook", "Maar", "Poetin", "minister", "Karel", "Smit", "zei",
                                 "hij", ".", ":", "\n", "De", "regering", "Rutte"]), max_size=30))
def test_sentence_subjects_come_in_text_order(words: list[str]) -> None:
    text = " ".join(words)
    found = actors.resolver(_doc(text))
    subjects = {index: found._subject_at(index) for index in actors._sentence_start_tokens(
        text, found.tokens, found.token_starts, found._words)}

    starts = found._subject_starts()

    assert starts == sorted(starts)
    for offset, index in starts:  # where the subject's phrase begins, when it has one
        phrase = subjects.pop(index)
        assert phrase is None or offset == phrase.span.start
    assert all(phrase is None for phrase in subjects.values())  # none left out


_WORDS = ["Ook", "Poetin", "minister", "Karel", "Smit", "zei", "hij", "Wij", "Russische", "Frans",
          "Timmermans", "van", "Buitenlandse", "Zaken", "der", "De", "regering", "Het", "Kremlin",
          "jr", ".", ",", ":", "\n", "Hij", "Ze", "president", "Kremlinwoordvoerder"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=30))
def test_the_resolvers_mentions_and_names_are_those_of_find_mentions(words: list[str]) -> None:
    # the resolver keeps its mentions as _Found tuples and builds the ActorMention
    # records only when asked: both must be find_mentions' mentions
    doc = _doc(" ".join(words))
    expected = actors.find_mentions(doc)
    found = actors.resolver(doc)

    chains = found._chains()
    assert [(m.span.start, m.span.end, m.kind, m.text, m.entry, m.title) for m in expected] == [
        tuple(m) for m in chains.mentions]
    assert [m for m in chains.mentions if m.kind == "name"] == chains.names
    assert expected == found.mentions


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="aZé9-.'Hh\u00e9\u0301\u216b\u24b6", max_size=4)
                | st.sampled_from(["hij", "Hij", "Russische", "russische", "wij", "É", "ßa", "2e",
                                   "De", "Minister", "President", "Kremlin", "Poetin", "Turks",
                                   "3xlands", "Van"]),
                max_size=20))
def test_the_kept_answers_whether_a_word_begins_a_mention_are_the_rules(words: list[str]) -> None:
    # _find_mentions maps lexicon._begins_mention over the tokens instead of asking the
    # rule: the kept answer must be the rule's, asked first or again. A stop word or a
    # title that names no actor begins none (the scan passed over it)
    lexicon = _lexicon_with_odd_adjectives()

    for word in words + words:
        low = word.casefold()
        if word[:1].isupper() and word[:1].isalpha():
            passed_over = low in lexicon.stopwords or (
                lexicon.is_title(word) and lexicon.lookup(word) is None)
            expected = low in lexicon.by_adjective or low in lexicon.pronouns or not passed_over
        else:
            expected = word in lexicon.lower_triggers and word[:1].isalpha()
        assert expected == lexicon._begins_mention[word], word


_RULE_WORDS = ["minister", "Minister", "Kremlinwoordvoerder", "VN-secretaris-generaal", "regering",
               "kiescommissie", "Diplomaten", "Poetin", "De", "de", "van", "Russische", "russische",
               "Frans", "oud-premier", "demissionair", "grote", "45-jarige", "Één", "3xlands", "’t"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_RULE_WORDS) | st.text(alphabet="aZé-’'9 İ", max_size=6),
                max_size=12))
def test_the_kept_answers_about_a_word_are_the_rules(words: list[str]) -> None:
    # the phrase and name rules read the lexicon's kept answers by subscript (WordAnswers):
    # each must be its rule's answer, asked first or again
    lexicon = actors.load_lexicon()

    for word in words + words:
        low = " ".join(word.casefold().replace("’", "'").split())
        assert (low in lexicon.titles or lexicon.title_pattern.fullmatch(low) is not None) == (
            lexicon._titles[word]) == lexicon.is_title(word), word
        assert (low in lexicon.actor_nouns or lexicon.noun_pattern.fullmatch(low) is not None
                ) == lexicon._nouns[word] == lexicon.is_actor_noun(word), word
        assert (word[:1].isupper() and any(c.isalpha() for c in word)
                and word.casefold() not in lexicon.stopwords) == lexicon._name_words[word], word
        assert actors._adjective_rule(word, lexicon) == lexicon._adjectives[word], word
        assert (lexicon._name_words[word] or word.casefold() in lexicon.particles
                or word in lexicon.suffixes) == lexicon._name_goes_on[word], word
        assert (lexicon.is_title(word) or any(
            portfolio.split()[-1:] == [word] for portfolio in lexicon.portfolios)
                ) == lexicon._title_ends[word], word


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="aZ \u00a0\n’'-ßİ", max_size=8), max_size=10))
def test_the_kept_name_keys_are_the_folded_words_of_the_name(names: list[str]) -> None:
    # the resolvers share one store of name keys, kept across documents
    for name in names + names:
        assert tuple(" ".join(name.casefold().replace("’", "'").split()).split()) == (
            actors._name_key(name)), name


def _reference_mentions(text: str, lex: actors.ActorLexicon) -> tuple[actors.ActorMention, ...]:
    """find_mentions as it was before its word tests were kept per word (_StartRole)."""
    tokens = actors.tokenize(text)
    mentions: list[actors.ActorMention] = []
    kind: actors.MentionKind
    n = len(tokens)
    lower = lex.lower_triggers
    # Only a capitalised word or a lower-case trigger can begin a mention: find those in
    # one pass, then visit them, skipping the ones a name run has taken already.
    starts = [k for k, tok in enumerate(tokens)
              if tok.text in lower or (tok.text[:1].isupper() and tok.text[:1].isalpha())]
    i = 0
    for k in starts:
        if k < i:
            continue
        i = k
        tok = tokens[i]
        word = tok.text
        low = word.casefold()
        if word[:1].isupper() and word[:1].isalpha():
            entry = lex.by_adjective.get(low)  # lex.country_of_adjective(word)
            if entry is not None and not low.endswith("e") and i + 1 < n and (
                actors._is_name_word(tokens[i + 1].text, lex)
            ) and actors.text_gap(tokens, i + 1) == " ":
                entry = None  # "Frans Timmermans"
            if entry is not None:
                mentions.append(actors.ActorMention(span=Span(tok.start, tok.end),
                                                    kind="adjective", text=word, entry=entry))
                i += 1
                continue
            refers = lex.pronouns.get(low)
            if refers is not None:  # "Hij zei", "Wij willen"
                kind = "first_person" if refers == "first" else "pronoun"
                mentions.append(actors.ActorMention(span=Span(tok.start, tok.end), kind=kind,
                                                    text=word))
                i += 1
                continue
            if low in lex.stopwords or (lex.is_title(word) and lex.lookup(word) is None):
                i += 1
                continue
            portfolio = (actors._portfolio_at(tokens, i, lex) if word in lex.portfolio_index
                         else 0)
            if portfolio and i > 0 and tokens[i - 1].text in ("van", "voor"):
                i += portfolio  # "minister Hoekstra van Buitenlandse Zaken": no actor
                continue
            end = actors._name_run(tokens, i, lex)
            if end > i:
                span = Span(tok.start, tokens[end - 1].end)
                name = text[span.start : span.end]
                title = None
                if i > 0 and lex.is_title(tokens[i - 1].text):
                    title = tokens[i - 1].text
                else:
                    # "minister van Buitenlandse Zaken Anthony Blinken"
                    for back in range(3, 7):
                        if i - back >= 0 and tokens[i - back + 1].text in ("van", "voor") and (
                            lex.is_title(tokens[i - back].text)
                            and actors._portfolio_at(tokens, i - back + 2, lex) == back - 2
                        ):
                            title = tokens[i - back].text
                            break
                # a name that is a pronoun opens a sentence ("Hij zei") and stays a pronoun
                refers = lex.pronouns.get(name.casefold())
                kind = ("name" if refers is None else
                        "first_person" if refers == "first" else "pronoun")
                mentions.append(actors.ActorMention(span=span, kind=kind, text=name,
                                                    entry=lex.lookup(name), title=title))
                i = end
                continue
        elif word not in lower:
            pass
        elif word[:1].isalpha():
            entry = lex.country_of_adjective(word)
            if entry is not None:
                mentions.append(actors.ActorMention(span=Span(tok.start, tok.end),
                                                    kind="adjective", text=word, entry=entry))
            else:
                refers = lex.pronouns.get(low)
                if refers is not None:
                    kind = "first_person" if refers == "first" else "pronoun"
                    mentions.append(actors.ActorMention(span=Span(tok.start, tok.end),
                                                        kind=kind, text=word))
        elif low in lex.pronouns:
            pass
        i += 1
    return tuple(mentions)


_MENTION_WORDS = ["Frans", "Timmermans", "frans", "Russische", "russische", "Russisch", "Turks",
                  "Hij", "hij", "Wij", "wij", "Ik", "ze", "Ze", "De", "de", "minister", "Minister",
                  "van", "voor", "Buitenlandse", "Zaken", "Kremlin", "Kremlinwoordvoerder",
                  "Poetin", "Karel", "Smit", "der", "jr", ".", ",", "\n", "'t", "Ⅻ", "Één",
                  "president", "Zei", "Oekraïense", "NAVO", "Defensie", "3xlands", "3Xlands"]


def _reference_fullest(found: actors.ActorResolver, name: str) -> str:
    """ActorResolver.fullest_name as it was: both candidates gathered, then the longest."""
    key = actors._name_key(name)
    if not key:
        return name
    entry = found.lexicon.lookup(name)
    candidates = []
    index = found._chains()
    if entry is not None and entry.key in index.by_entry:
        candidates.append(index.by_entry[entry.key])
    full = index.fullest.get(key[-1])
    if full is not None and actors._name_key(full)[-len(key):] == key:
        candidates.append(full)
    best = name
    for candidate in candidates:
        if len(actors._name_key(candidate)) > len(actors._name_key(best)):
            best = candidate
    return best


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Poetin", "Vladimir Poetin", "Vladimir", "president Poetin",
                                 "Zelensky", "Zelenski", "Volodymyr Zelensky", "Karel Smit",
                                 "Smit", "Anna Smit", "Jan Karel Smit", "zei", ".", "\n", "Rutte",
                                 "Mark Rutte", "de", "Kremlin", "Karel Poetin"]), max_size=10),
       st.lists(st.sampled_from(["Poetin", "Smit", "Zelenski", "Vladimir", "Karel Smit", "Rutte",
                                 "Kremlin", "Onbekend", "", " "]), max_size=4))
def test_the_fullest_name_is_the_longest_candidate(parts: list[str], asked: list[str]) -> None:
    found = actors.resolver(_doc(" ".join(parts)))
    names = [m.text for m in found._chains().names]

    for name in names + [name.split()[-1] for name in names] + asked:
        assert _reference_fullest(found, name) == found.fullest_name(name), name


def test_a_surname_keeps_the_fullest_name_of_its_packaged_actor_over_a_namesake() -> None:
    found = actors.resolver(_doc("Karel Poetin zei niets. Vladimir Poetin zei iets."))

    assert "Vladimir Poetin" == found.fullest_name("Poetin")


def _reference_title_before(tokens: list[actors.Tok], i: int, lex: actors.ActorLexicon
                            ) -> str | None:
    """_title_before without its test that a portfolio ends right before the name."""
    if i > 0 and lex.is_title(tokens[i - 1].text):
        return tokens[i - 1].text
    for back in range(3, 7):
        if i - back >= 0 and tokens[i - back + 1].text in ("van", "voor") and (
            lex.is_title(tokens[i - back].text)
            and actors._portfolio_at(tokens, i - back + 2, lex) == back - 2
        ):
            return tokens[i - back].text
    return None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["minister van Buitenlandse Zaken", "Minister voor Defensie",
                                 "staatssecretaris voor Asiel en Migratie", "minister", "van",
                                 "voor", "de", "Buitenlandse", "Zaken", "Defensie", "Migratie",
                                 "Karel", "Smit", "Poetin", "Handel"]), max_size=8))
def test_a_title_before_a_portfolio_is_found_as_by_the_plain_search(parts: list[str]) -> None:
    # _title_before looks for "minister van Buitenlandse Zaken" only after the last word
    # of a portfolio: it must find what the search at every distance finds
    lexicon = actors.default_lexicon()
    tokens = actors.tokenize(" ".join(parts))

    for i in range(len(tokens)):
        assert _reference_title_before(tokens, i, lexicon) == (
            actors._title_before(tokens, i, lexicon)), (parts, i)


@functools.cache
def _lexicon_with_odd_adjectives() -> actors.ActorLexicon:
    """The packaged data and an adjective that begins with a digit (a lower-case trigger
    that is no word: it opens no mention)."""
    folder = Path(tempfile.mkdtemp())
    (folder / "odd.tsv").write_text(
        "key\tname\tkind\tqid\taffiliation\taliases\tadjectives\n"
        "xland\tXland\tcountry\t\t\t\t3xlands\n", encoding="utf-8")
    return actors.load_lexicon(folder / "odd.tsv")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_MENTION_WORDS), max_size=25),
       st.lists(st.sampled_from([" ", " ", " ", "  ", ""]), min_size=25, max_size=25))
def test_find_mentions_is_the_reference_scan(words: list[str], gaps: list[str]) -> None:
    # _find_mentions asks its word tests once per word and lexicon (_StartRole) and scans
    # with kept answers: its mentions must be those of the scan that asks every token
    text = "".join(word + gap for word, gap in zip(words, gaps, strict=False))
    lexicon = _lexicon_with_odd_adjectives()

    expected = _reference_mentions(text, lexicon)
    assert expected == actors.find_mentions(_doc(text), lexicon=lexicon)
    assert expected == actors.find_mentions(_doc(text), lexicon=lexicon)  # answers kept


_RUN_WORDS = ["Karel", "Smit", "Marcos", "jr", "sr", ".", "van", "der", "De", "Wever", "voor",
              "minister", "Buitenlandse", "Zaken", "Asiel", "en", "Migratie", "president", "zei",
              "Raad", "Europa", ",", "Poetin", "Kremlinwoordvoerder", "Minister"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_RUN_WORDS), max_size=12),
       st.lists(st.sampled_from([" ", " ", " ", "  ", ""]), min_size=12, max_size=12))
@example(["Karel", "Marcos", "jr", ".", "zei"], [" ", " ", "", " ", ""])
@example(["minister", "van", "Buitenlandse", "Zaken", "Karel", "Smit"], [" "] * 6)
@example(["minister", "voor", "Asiel", "en", "Migratie", "Poetin"], [" "] * 6)
@example(["Raad", "van", "Europa", "De", "Wever"], [" "] * 5)
def test_the_scan_asks_for_a_name_run_or_a_title_only_where_one_may_be(
    words: list[str], gaps: list[str]
) -> None:
    # _find_mentions calls _name_run only when a word that may go on with a name follows
    # the first after one space (lexicon._name_goes_on), and _title_before only after a
    # word that may end a title (lexicon._title_ends): where it does not, they must find
    # a name of one word and no title
    text = "".join(word + gap for word, gap in zip(words, gaps, strict=False))
    tokens = actors.tokenize(text)
    lexicon = actors.default_lexicon()

    for i, tok in enumerate(tokens):
        if not lexicon._name_words[tok.text]:
            continue
        if not (i + 1 < len(tokens) and tokens[i + 1].start == tok.end + 1
                and lexicon._name_goes_on[tokens[i + 1].text]):
            assert i + 1 == actors._name_run(tokens, i, lexicon), (text, i)
        if not (i > 0 and lexicon._title_ends[tokens[i - 1].text]):
            assert actors._title_before(tokens, i, lexicon) is None, (text, i)


def _reference_antecedent(
    text: str, offset: int, pronoun: str, salient: list[tuple[int, Actor]]
) -> Actor | None:
    """ActorResolver.antecedent as it was before subjects and persons were resolved
    lazily: every sentence subject and named person before *offset* read and resolved
    first, in a fresh resolver."""
    found = actors.resolver(_doc(text))
    refers = found.lexicon.pronouns.get(pronoun.casefold())
    if refers is None or refers == "first":
        return None
    candidates = [(o, a) for o, a in salient if o < offset]
    for index in actors._sentence_start_tokens(text, found.tokens, found.token_starts,
                                               found._words):
        phrase = found._subject_at(index)
        actor = None if phrase is None else found.resolve_phrase(phrase)
        if phrase is not None and phrase.span.start < offset and actor is not None:
            candidates.append((phrase.span.start, actor))
    for m in found._chains().names:
        if m.start < offset and (
                m.title is not None or (m.entry is not None and m.entry.kind == "person")):
            candidates.append((m.start, found.actor_for_name(m.text, Span(m.start, m.end))))
    candidates.sort(key=actors._OFFSET)
    for start, actor in reversed(candidates):
        if offset - start > 1500:
            break
        if actors._fits(refers, actor.kind):
            return attrs.evolve(actor, mention=Span(offset, offset))
    return None


_ANTECEDENT_PARTS = ["Karel Smit zei.", "De regering zei.", "Hij zei.", "Ze zeggen.", "hij",
                     "Ook Rutte zei:", "Poetin sprak.", "Minister Lisa de Groot sprak.", "ze",
                     "Diplomaten zeggen.", "\n", "Maar het Kremlin zei.", "De NAVO wil.", "zij",
                     "Anna Vos zei", "dat", "Rusland", "Volgens", "de minister", ".",
                     "het persbureau Reuters meldde."]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_ANTECEDENT_PARTS), max_size=12), st.randoms(use_true_random=False),
       st.booleans())
def test_lazily_resolved_subjects_give_the_antecedents_of_eager_ones(
    parts: list[str], random: Random, with_salient: bool
) -> None:
    # a sentence subject or named person is read and resolved only when the search for an
    # antecedent reaches it: the answers, asked in any order, must be those of subjects
    # and persons all resolved first
    text = " ".join(parts)
    asks = [(m.span.start, m.text) for m in actors.find_mentions(_doc(text))
            if m.kind == "pronoun"]
    salient = [(0, Actor(name="Anna Vos", kind="person"))] if with_salient else []
    random.shuffle(asks)
    found = actors.resolver(_doc(text))

    for offset, pronoun in asks:
        expected = _reference_antecedent(text, offset, pronoun, salient)
        assert expected == found.antecedent(offset, pronoun, salient=salient), (offset, text)
