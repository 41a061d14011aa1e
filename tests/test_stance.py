"""geopol.stance: one readable example per cue family and negation pattern, positive and negative.

Every sentence here is written for these tests; none comes from the gold files.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import geopol
from geopol import _word_answers, actors, quotes, stance
from geopol.errors import DataFileError
from geopol.model import Actor, Document, Quote, Sentence, Span, Token

Found = tuple[str | None, str, str]


def stances_of(text: str) -> list[Found]:
    """(holder name, polarity, target text) of every stance in *text*."""
    doc = next(geopol.load([text]))
    found = stance.extract(doc, quotes=quotes.extract(doc))
    return [(s.holder.name if s.holder else None, s.polarity, doc.text_of(s.target))
            for s in found]


def one(text: str) -> Found:
    found = stances_of(text)
    assert 1 == len(found), found
    return found[0]


# -- support cues ---------------------------------------------------------------------------


def test_steunen_with_an_object_is_support_for_the_object() -> None:
    assert ("Frankrijk", "support", "het voorstel van de Commissie") == one(
        "Frankrijk steunt het voorstel van de Commissie.")


def test_steunen_after_an_auxiliary_takes_the_object_between() -> None:
    assert ("Polen", "support", "de sancties") == one("Polen heeft de sancties altijd gesteund.")


def test_an_adverbial_first_puts_the_subject_after_the_verb() -> None:
    assert ("Italië", "support", "het akkoord") == one(
        "Gisteren heeft Italië het akkoord gesteund.")


def test_willen_with_a_dat_clause_supports_the_clause() -> None:
    assert ("Litouwen", "support", "Belarus de grens opent") == one(
        "Litouwen wil dat Belarus de grens opent.")


def test_willen_before_an_infinitive_cue_leaves_the_stance_to_that_cue() -> None:
    assert ("Nederland", "support", "Oekraïne") == one("Nederland wil Oekraïne steunen.")


def test_wanting_to_say_something_is_no_stance() -> None:
    assert [] == stances_of("De minister wilde niet zeggen hoeveel geld er beschikbaar is.")


def test_eisen_with_an_object_is_support() -> None:
    assert ("Noorwegen", "support", "de vrijlating van de journalisten") == one(
        "Noorwegen eist de vrijlating van de journalisten.")


def test_eisen_as_a_noun_is_no_cue() -> None:
    assert [] == stances_of("Door de nieuwe eisen stijgt de prijs van gas.")


def test_pleiten_voor_with_words_between_verb_and_preposition() -> None:
    assert ("Canada", "support", "een onafhankelijk onderzoek") == one(
        "Canada pleit maandag in Genève voor een onafhankelijk onderzoek.")


def test_oproepen_tot_as_a_separable_verb() -> None:
    assert ("VN", "support", "terughoudendheid") == one(
        "De VN riepen beide partijen op tot terughoudendheid.")


def test_instemmen_met_split_and_joined() -> None:
    assert ("Zweden", "support", "de voorwaarden") == one("Zweden stemde in met de voorwaarden.")
    assert ("Turkije", "support", "de toetreding van Zweden") == one(
        "Turkije heeft ingestemd met de toetreding van Zweden.")


def test_verwelkomen_is_support() -> None:
    assert ("Macron", "support", "het besluit") == one("Macron verwelkomt het besluit.")


def test_voorstander_van_is_support() -> None:
    assert ("Scholz", "support", "strengere sancties") == one(
        "Scholz is voorstander van strengere sancties.")


def test_hopen_op_streven_naar_vragen_om() -> None:
    assert ("Griekenland", "support", "een snelle oplossing") == one(
        "Griekenland hoopt op een snelle oplossing.")
    assert ("Servië", "support", "lidmaatschap van de Europese Unie") == one(
        "Servië streeft naar lidmaatschap van de Europese Unie.")
    assert ("regering", "support", "meer tijd") == one("De regering vraagt om meer tijd.")


def test_vragen_without_om_is_no_stance() -> None:
    assert [] == stances_of("Journalisten vragen de minister naar de kosten.")


def test_zich_scharen_achter_is_support() -> None:
    assert ("Tsjechië", "support", "het plan van de Commissie") == one(
        "Tsjechië schaart zich achter het plan van de Commissie.")


# -- oppose cues ----------------------------------------------------------------------------


def test_afwijzen_split_around_its_object() -> None:
    assert ("parlement", "oppose", "het verdrag") == one("Het parlement wijst het verdrag af.")


def test_afwijzen_joined_in_a_subordinate_clause_belongs_to_its_subject() -> None:
    assert ("Denemarken", "oppose", "het plan") == one(
        "Premier Frederiksen zei dat Denemarken het plan afwijst.")


def test_wijzen_without_the_particle_is_no_cue() -> None:
    assert [] == stances_of("Alles wijst op een opzettelijke daad.")


def test_tegen_zijn_in_a_main_and_a_relative_clause() -> None:
    assert ("Oostenrijk", "oppose", "de uitbreiding van de NAVO") == one(
        "Oostenrijk is tegen de uitbreiding van de NAVO.")
    assert ("Erdogan", "oppose", "de toetreding") in stances_of(
        "Erdogan, die eerder tegen de toetreding was, steunt nu het lidmaatschap van Zweden.")


def test_a_vote_against_is_no_stance() -> None:
    assert [] == stances_of("Hongarije stemde tegen het plafond.")


def test_gericht_tegen_is_no_stance() -> None:
    assert [] == stances_of(
        "Volgens de marine is de actie uitsluitend gericht tegen smokkelaars.")


def test_veroordelen_is_oppose_but_a_court_sentence_is_not() -> None:
    assert ("NAVO", "oppose", "de aanval") == one("De NAVO veroordeelt de aanval.")
    assert [] == stances_of("De rechter heeft de man veroordeeld tot tien jaar cel.")


def test_waarschuwen_voor_is_oppose_and_waarschuwen_dat_is_not() -> None:
    assert ("Washington", "oppose", "een nieuwe escalatie in de regio") == one(
        "Washington waarschuwt voor een nieuwe escalatie in de regio.")
    assert [] == stances_of("Kyiv waarschuwt dat het zal terugslaan.")


def test_bang_dat_and_vrezen_dat_take_the_clause() -> None:
    assert ("Rutte", "oppose", "de oorlog zich uitbreidt") == one(
        "Rutte is bang dat de oorlog zich uitbreidt.")
    assert ("Baltische staten", "oppose", "Rusland hun grondgebied bedreigt") == one(
        "De Baltische staten vrezen dat Rusland hun grondgebied bedreigt.")


def test_bang_without_a_complement_is_no_stance() -> None:
    assert [] == stances_of('"We zijn niet bang", zei de burgemeester.')


def test_weigeren_with_a_te_infinitive() -> None:
    assert ("Moskou", "oppose", "de troepen terug te trekken") == one(
        "Moskou weigert de troepen terug te trekken.")


def test_zich_keren_tegen_with_an_inverted_subject() -> None:
    assert ("separatisten", "oppose", "de regering") == one(
        "Na de verkiezingen keerden de separatisten zich tegen de regering.")


def test_zich_verzetten_tegen_and_protesteren_tegen() -> None:
    assert ("Slowakije", "oppose", "het sanctiepakket") == one(
        "Slowakije verzet zich tegen het sanctiepakket.")
    assert ("vakbond", "oppose", "de bezuinigingen") == one(
        "De vakbond protesteert tegen de bezuinigingen.")


def test_kritiek_op_and_kritisch_over() -> None:
    assert ("Mensenrechtenorganisaties", "oppose", "het nieuwe beleid") == one(
        "Mensenrechtenorganisaties hebben kritiek op het nieuwe beleid.")
    assert ("Mark Rutte", "oppose", "de uitbreiding") in stances_of(
        "Premier Mark Rutte, lang kritisch over de uitbreiding, steunt het besluit nu.")


def test_noemen_onaanvaardbaar_with_an_object_and_with_a_dat_clause() -> None:
    assert ("NAVO", "oppose", "de raketaanval") == one(
        "De NAVO noemt de raketaanval onaanvaardbaar.")
    assert ("Bruins Slot", "oppose", "journalisten worden vastgehouden") == one(
        "Minister Bruins Slot noemt het onaanvaardbaar dat journalisten worden vastgehouden.")


def test_rode_lijn_takes_the_condition() -> None:
    assert ("Kremlin", "oppose", "de NAVO troepen naar Oekraïne stuurt") == one(
        'Het Kremlin spreekt van een "rode lijn" als de NAVO troepen naar Oekraïne stuurt.')


# -- holders --------------------------------------------------------------------------------


def test_first_person_in_a_quote_is_its_speaker() -> None:
    assert ("Ulf Kristersson", "support", "de Oekraïners") == one(
        '"Wij steunen de Oekraïners", zei de Zweedse premier Ulf Kristersson.')


def test_a_passive_agent_holds_and_the_participle_noun_is_the_target() -> None:
    assert ("Iran", "support", "rebellen") == one(
        "De door Iran gesteunde rebellen namen de stad in.")


def test_a_country_adjective_gives_support_to_the_subject() -> None:
    assert ("Verenigde Staten", "support", "Taiwan") == one(
        "Met Amerikaanse steun bouwde Taiwan een nieuwe marinebasis.")


def test_steun_van_x_aan_y() -> None:
    assert ("Verenigde Staten", "support", "Israël") == one(
        "De steun van de Verenigde Staten aan Israël blijft groot.")


def test_coordinated_subjects_give_one_stance_each() -> None:
    assert [("VS", "support", "Oekraïne"), ("VK", "support", "Oekraïne")] == stances_of(
        "De VS en het VK steunen Oekraïne.")


def test_a_pronoun_resolves_to_its_antecedent() -> None:
    assert ("Vladimir Poetin", "support", "een spoedige vrede") in stances_of(
        "De Russische president Vladimir Poetin sprak in Moskou. Hij zegt dat hij hoopt op "
        "een spoedige vrede.")


def test_a_pronoun_without_antecedent_gives_no_stance() -> None:
    assert [] == stances_of("Ze zeiden dat ze het akkoord wilden afwijzen.")


def test_niemand_as_subject_gives_no_stance() -> None:
    assert [] == stances_of("Niemand wil een oorlog.")


# -- negation -------------------------------------------------------------------------------


def test_niet_after_the_object_flips_support_to_oppose() -> None:
    assert ("Duitsland", "oppose", "het voorstel") == one("Duitsland steunt het voorstel niet.")


def test_nooit_before_the_object_flips() -> None:
    assert ("regering", "oppose", "het plan") == one("De regering steunde nooit het plan.")


def test_geen_before_the_object_flips_and_leaves_the_target() -> None:
    assert ("Portugal", "oppose", "nieuwe oorlog") == one("Portugal wil geen nieuwe oorlog.")


def test_geen_voorstander_is_oppose_and_geen_tegenstander_is_support() -> None:
    assert ("Orbán", "oppose", "nieuwe sancties") == one(
        "Orbán is geen voorstander van nieuwe sancties.")
    assert ("Kyiv", "support", "onderhandelingen") == one(
        "Kyiv is geen tegenstander van onderhandelingen.")


def test_niet_tegen_is_support() -> None:
    assert ("Oostenrijk", "support", "de uitbreiding") == one(
        "Oostenrijk is niet tegen de uitbreiding.")


def test_niet_before_an_infinitive_cuts_the_target() -> None:
    assert ("Denemarken", "oppose", "de levering") == one(
        "Denemarken wil de levering niet uitstellen.")


def test_negation_inside_a_dat_clause_stays_in_the_target() -> None:
    assert ("Finland", "support", "Rusland de grens niet sluit") == one(
        "Finland wil dat Rusland de grens niet sluit.")


def test_niet_before_willen_dat_flips() -> None:
    assert ("Finland", "oppose", "Rusland de grens sluit") == one(
        "Finland wil niet dat Rusland de grens sluit.")


def test_negation_does_not_cross_maar() -> None:
    assert ("president", "support", "vrede") == one(
        "De president wil vrede, maar niet tegen elke prijs.")


def test_x_geen_y_is_support_for_x_and_oppose_for_y() -> None:
    assert [("Oemerov", "support", "vrede"), ("Oemerov", "oppose", "capitulatie")] == stances_of(
        '"We willen vrede, geen capitulatie", zei Oemerov.')


def test_double_negation_het_is_niet_zo_dat_niet() -> None:
    assert ("Nederland", "support", "de sancties") == one(
        "Het is niet zo dat Nederland de sancties niet steunt.")


def test_nooit_tegen_is_support() -> None:
    assert ("Lavrov", "support", "dialoog") == one(
        '"Wij zijn nooit tegen dialoog geweest", zei Lavrov.')


def test_allerminst_and_geenszins_flip() -> None:
    assert ("Japan", "oppose", "het plan") == one("Japan steunt het plan allerminst.")
    assert ("Japan", "oppose", "het plan") == one("Japan steunt het plan geenszins.")


# -- the extractor's contract ---------------------------------------------------------------


def test_each_stance_names_its_rule_and_cue() -> None:
    doc = next(geopol.load(["Spanje wijst de norm af."]))
    (found,) = stance.extract(doc)

    assert "stance.verb_object" == found.rule
    assert found.cue is not None
    assert "wijst" == doc.text_of(found.cue)


def test_stances_come_in_text_order() -> None:
    doc = next(geopol.load(["Polen steunt het plan. Hongarije wijst het plan af."]))
    found = stance.extract(doc)

    assert [s.cue.start for s in found if s.cue] == sorted(s.cue.start for s in found if s.cue)
    assert ["Polen", "Hongarije"] == [s.holder.name for s in found if s.holder]


def test_quotes_passed_in_give_first_person_holders() -> None:
    text = '"Wij steunen het plan."'
    doc = Document(id="d", text=text)
    speaker = Actor(name="Annalena Baerbock", affiliation="Duitsland")
    quote = Quote(kind="direct", content=Span(1, len(text) - 1), speaker=speaker)
    (found,) = stance.extract(doc, quotes=[quote])

    assert found.holder is not None
    assert "Annalena Baerbock" == found.holder.name
    assert "Duitsland" == found.holder.affiliation


def test_a_parse_without_relations_falls_back_to_the_rules() -> None:
    text = "Polen steunt het plan."
    doc = Document(id="d", text=text)
    tokens = [Token(span=Span(m.start(), m.end())) for m in
              __import__("re").finditer(r"\w+|\.", text)]
    (found,) = stance.extract(doc, sentences=[Sentence(span=Span(0, len(text)), tokens=tokens)])

    assert "het plan" == doc.text_of(found.target)


def test_a_wrong_argument_type_raises_type_error() -> None:
    with pytest.raises(TypeError):
        stance.extract("Polen steunt het plan.")  # type: ignore[arg-type]  # the point of the test


def _users_cues(tmp_path: object, row: str) -> stance.Lexicon:
    """The packaged cues and one row of a user's cue file."""
    from pathlib import Path

    path = Path(str(tmp_path)) / "cues.tsv"
    path.write_text(f"# my cues\ncue\tkind\tforms\tframes\tpolarity\tnot_with\twhy\n{row}\n",
                    encoding="utf-8")
    return stance.load_lexicon(path)


def test_a_users_cue_file_extends_the_lexicon(tmp_path: object) -> None:
    lexicon = _users_cues(
        tmp_path, "omarmen\tverb\tomarmt|omarmen|omarmde\tNP\tsupport\t\tembraces the object")
    doc = next(geopol.load(["Ierland omarmt het plan."]))

    assert ["het plan"] == [doc.text_of(s.target) for s in stance.extract(doc, lexicon=lexicon)]
    assert () == stance.extract(doc)


def test_a_users_cue_word_with_a_hyphen_is_found(tmp_path: object) -> None:
    lexicon = _users_cues(
        tmp_path, "co-sponsor van\tnoun\tco-sponsor|co-sponsors\tvan NP\tsupport\t\tsponsors it")
    doc = next(geopol.load(["Nederland is co-sponsor van de resolutie over Gaza."]))

    found = stance.extract(doc, lexicon=lexicon)

    assert [("Nederland", "support", "de resolutie over Gaza")] == [
        (s.holder.name if s.holder else None, s.polarity, doc.text_of(s.target)) for s in found]


def test_a_malformed_cue_file_raises_data_file_error(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "cues.tsv"
    path.write_text("cue\tkind\tforms\tframes\tpolarity\nx\tverb\tx\tNP\tneutral\n",
                    encoding="utf-8")

    with pytest.raises(DataFileError):
        stance.load_lexicon(path)


def test_every_packaged_cue_row_explains_itself() -> None:
    for entry in stance.default_lexicon().entries:
        assert entry.why, entry.cue


_ODD = st.text(
    alphabet=st.sampled_from(list("abc Polen steunt wijst af niet geen dat, . „”\"'‘’:")),
    max_size=80)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=80), _ODD))
def test_extract_never_raises_and_spans_stay_in_bounds(text: str) -> None:
    doc = Document(id="h", text=text)
    for found in stance.extract(doc, quotes=quotes.extract(doc)):
        assert 0 <= found.target.start <= found.target.end <= len(text)
        assert found.cue is None or found.cue.end <= len(text)
        assert found.polarity in ("support", "oppose")
        assert found.rule.startswith("stance.")


def test_a_dependency_parse_gives_holder_target_and_negation() -> None:
    text = "Polen steunt het plan niet."
    doc = Document(id="d", text=text)
    rows = [  # (start, end, head, deprel)
        (0, 5, 1, "nsubj"), (6, 12, -1, "root"), (13, 16, 3, "det"), (17, 21, 1, "obj"),
        (22, 26, 1, "advmod"), (26, 27, 1, "punct")]
    tokens = [Token(span=Span(a, b), head=h, deprel=r) for a, b, h, r in rows]
    (found,) = stance.extract(doc, sentences=[Sentence(span=Span(0, len(text)), tokens=tokens)])

    assert ("Polen", "oppose", "het plan", "stance.parse") == (
        found.holder.name if found.holder else None, found.polarity, doc.text_of(found.target),
        found.rule)


# -- the ASCII token split ------------------------------------------------------------------
# stance._tokens splits ASCII sentences with the standard library's re (faster) and all
# others with regex: the two patterns must cut ASCII text into the same pieces.

_ASCII = [chr(c) for c in range(128)]
_TOKEN_EDGES = "aZ09'-.,_ \t\n\x0b\x0c\r\x1c\x1f\"(!"  # joiners, digits, every kind of space


def test_the_ascii_token_split_agrees_on_every_ascii_pair_and_every_triple_of_edges() -> None:
    pairs = (a + b for a in _ASCII for b in _ASCII)
    triples = (a + b + c for a in _TOKEN_EDGES for b in _TOKEN_EDGES for c in _TOKEN_EDGES)
    for text in itertools.chain(pairs, triples):
        assert stance._TOKEN_SPLIT.split(text) == stance._ASCII_TOKEN_SPLIT.split(text), text


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(alphabet=st.sampled_from(_ASCII), max_size=60),
                 st.text(alphabet=st.sampled_from(_TOKEN_EDGES), max_size=40)))
def test_the_ascii_token_split_agrees_with_the_unicode_one(text: str) -> None:
    assert stance._TOKEN_SPLIT.split(text) == stance._ASCII_TOKEN_SPLIT.split(text)


# -- the cue-head scan ----------------------------------------------------------------------
# stance.extract visits only the sentences that hold a document token (actors.tokenize)
# beginning a cue form: every token of the stance rules that begins one must be such a token.

_HEAD_TEXT = st.lists(
    st.one_of(st.sampled_from(["steunt", "Steunt", "verwerpt", "voor", "tegen", "1,5", "12",
                               "anti", "pro", "VN", "z'n", "eist", "é"]),
              st.text(alphabet=st.sampled_from(list("ab09,-.'’ \n\t„”\"()")), max_size=4)),
    max_size=25).map("".join)


def test_no_packaged_cue_word_holds_a_comma_or_ends_in_a_hyphen() -> None:
    for head in stance.default_lexicon()._heads:
        assert "," not in head and not head.endswith("-"), head


@settings(max_examples=400, deadline=None)
@given(_HEAD_TEXT)
def test_every_cue_head_the_rules_see_is_a_document_token(text: str) -> None:
    lex = stance.default_lexicon()
    tokens = actors.tokenize(text)
    lows = [t.text.casefold() for t in tokens]
    heads = {tokens[k].start for k in stance._cue_heads(lows, lex)}
    for sentence in geopol.segment(text, tokens=False):
        toks, toks_lows = stance._tokens(text, sentence.span.start, sentence.span.end)
        for tok, low in zip(toks, toks_lows, strict=True):
            if low in lex._heads:
                assert tok.start in heads, (text, tok)


# -- kept answers about words -------------------------------------------------------------
# extract folds the document's tokens through Lexicon._folds, and a sentence maps its words'
# classes and openers through Lexicon._word_classes and _word_openers, which keep each
# word's answer: a kept answer must be the rule's, first asked or again, and a store bounded.

_WORDS = st.lists(st.one_of(
    st.text(max_size=6),
    st.sampled_from(["Steunt", "STEUNT", "steunt", "Straße", "ﬁnanciën", "İstanbul", "ΣΟΦΊΑ",
                     "Oekraïne", "dat", "Dat", "niet", "NIET", "omdat", "Omdat", ",", "„", "die",
                     "en", "de", "De", "x"])),
    max_size=12)


@settings(max_examples=300, deadline=None)
@given(_WORDS)
def test_a_kept_answer_about_a_word_is_its_rules(words: list[str]) -> None:
    lex = stance.load_lexicon()  # a fresh lexicon: its stores begin empty
    none: frozenset[str] = frozenset()

    for word in words + words[::-1]:  # asked first, then again
        assert word.casefold() == lex._folds[word], word
        assert lex._classes.get(word, none) == lex._word_classes[word], word
        assert lex._openers.get(word) == lex._word_openers[word], word


def test_kept_answers_stay_bounded() -> None:
    folds = stance.Lexicon(entries=(), negators=frozenset(), words={})._folds
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_word_answers, "MAX_WORDS", 10)
        answers = [folds[f"Woord{k}"] for k in range(25)]

    assert [f"woord{k}" for k in range(25)] == answers
    assert len(folds) <= 10


_JOIN_TEXT = st.lists(st.sampled_from([
    *"aZé9½²,-.'’ \n\t\u00a0!?„”\"()", "Polen steunt", " 1,5 ", "land- en ", "Dr. ", "z'n",
    "VN-chef"]), max_size=30).map("".join)


@settings(max_examples=500, deadline=None)
@given(_JOIN_TEXT)
def test_sentence_tokens_from_the_document_tokens_are_the_rules_own(text: str) -> None:
    # the tokens, folded words and cue heads a visited sentence takes from the document's
    # are those it finds itself
    doc = Document(id="t", text=text)
    doc_tokens, doc_starts = actors._whole_text_tokens(text)
    doc_lows = [t.text.casefold() for t in doc_tokens]
    whole = stance._DocTokens(doc_tokens, doc_starts, doc_lows,
                              stance._cue_heads(doc_lows, _LEX))
    spans = [s.span for s in geopol.segment(text, tokens=False)]
    # spans that do not begin or end at a token's edge take the rules' own path
    spans += [Span(a, b) for a, b in ((0, len(text)), (1, len(text)), (0, len(text) // 2))
              if a <= b]
    for span in spans:
        own = stance._Sentence(doc, span, _LEX, None)
        taken = stance._visited(doc, Sentence(span=span), _LEX, whole)
        assert ((list(own.toks), list(own.lows), own.cue_at)
                == (list(taken.toks), list(taken.lows), taken.cue_at)), (text, span)


_CUT_TEXT = st.lists(st.sampled_from([
    "Polen steunt het plan.", "Rusland is voorstander van sancties.", "De VN-chef verwerpt de eis.",
    "Duitsland wijst het voorstel af.", "Frankrijk is tegen 1,5 miljard steun.", "Einde.", "x",
    " ", "\n", "Hij steunt pro- en anti-sancties niet.", "„Wij steunen Oekraïne”, zei Rutte.",
    "Steunen doet Polen het plan."]),
    max_size=8).map("".join)


@settings(max_examples=300, deadline=None)
@given(_CUT_TEXT, st.lists(st.integers(min_value=0, max_value=200), max_size=4))
@example("Einde.Steunen doet Polen het plan.", [6])  # a cut inside the token Einde.Steunen
def test_the_cue_scan_only_skips_sentences_without_a_stance(text: str, cuts: list[int]) -> None:
    # sentences cut anywhere, inside words too, as a parse may cut them
    bounds = sorted({0, len(text), *(min(c, len(text)) for c in cuts)})
    sentences = [Sentence(span=Span(a, b)) for a, b in itertools.pairwise(bounds) if a < b]
    doc = Document(id="c", text=text)

    found = stance.extract(doc, sentences=sentences)
    with pytest.MonkeyPatch.context() as patch:  # visit every sentence
        patch.setattr(stance, "_cue_heads", lambda lows, lex: list(range(len(lows))))
        everywhere = stance.extract(doc, sentences=sentences)

    assert everywhere == found


@settings(max_examples=300, deadline=None)
@given(_CUT_TEXT, st.lists(st.integers(min_value=0, max_value=200), max_size=4))
@example("Polen steunt het plan. Duitsland wijst het voorstel af.", [])
def test_sentence_edges_found_once_are_those_found_for_each_sentence(
        text: str, cuts: list[int]) -> None:
    # extract finds the document tokens of every given sentence once and passes them on
    # to _visited, which otherwise finds them itself
    doc = Document(id="e", text=text)
    sentences = [Sentence(span=s.span) for s in geopol.segment(text, tokens=False)]
    bounds = sorted({0, len(text), *(min(c, len(text)) for c in cuts)})
    real = stance._visited

    def own_edges(doc: Document, sentence: Sentence, *args: object) -> object:
        return real(doc, sentence, *args[:2])  # type: ignore[arg-type]

    cut = [Sentence(span=Span(a, b)) for a, b in itertools.pairwise(bounds)]
    for parts in (sentences, cut):
        found = stance.extract(doc, sentences=parts)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(stance, "_visited", own_edges)
            assert stance.extract(doc, sentences=parts) == found, (text, parts)


# -- the clause openers ---------------------------------------------------------------------
# A sentence records at once that a token which is no opener word (Lexicon._openers) opens
# no clause: the full test (_Sentence._opens_clause) must agree on every token.

_LEX = stance.default_lexicon()
_CLAUSE_WORDS = sorted({*itertools.chain.from_iterable(_LEX.words.values()), *_LEX.negators,
                        *_LEX._heads, *"\"'„“”‘’‚«»,;:.!?()[]–—-", "Dat", "EN", "Maar", "Polen",
                        "steunt", "het", "plan"})
_CLAUSE_TEXT = st.lists(st.one_of(
    st.sampled_from(["en", "maar", "want", "of", "die", "dat", "wat", "omdat", "hij", "wij",
                     "steunt", "wil", "is", "heeft", "de", "Polen", ",", ".", "„", "”", "'"]),
    st.sampled_from(_CLAUSE_WORDS), st.text(max_size=3)), max_size=30).map(" ".join)


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=",-1٣²a \n\u00a0\t.", max_size=12), st.integers(-2, 14),
       st.integers(-2, 14))
@example("1,5", 0, 3)
@example("land- en", 0, 8)
def test_the_join_site_prefilter_agrees_with_the_pattern(text: str, start: int, end: int) -> None:
    # _joins answers without the pattern for a range with no comma and no hyphen
    expected = stance._JOIN_SITE.search(text, start, end) is not None
    assert stance._joins(text, start, end) == expected


@settings(max_examples=500, deadline=None)
@given(_CLAUSE_TEXT)
def test_a_token_that_is_no_opener_word_opens_no_clause(text: str) -> None:
    doc = Document(id="o", text=text)
    s = stance._Sentence(doc, Span(0, len(text)), _LEX, None)
    assert [s._opens_clause(i) for i in range(s.n)] == [s.opens_clause(i) for i in range(s.n)]


# -- kept answers ---------------------------------------------------------------------------
# A sentence keeps the answers of clause_start, clause_end and _holder, and the verb rule
# resolves its holders only once a frame gives a target: the stances must be those found
# with every answer computed afresh and the holders resolved first; the kept clause edges
# must be those of a reference scan that asks every token.

_STANCE_TEXT = st.lists(st.sampled_from([
    "Polen", "Hij", "Zij", "ze", "De regering", "Rutte en Macron", "Duitsland", "„Wij", "”,",
    "zei Rutte.", "steunt", "steunen", "wijst", "af", "is tegen", "is voorstander van",
    "wil dat", "veroordeelt", "pleit voor", "is bang dat", "heeft kritiek op", "niet", "geen",
    "en", "maar", ",", "die", "dat", "het plan", "de sancties", "Oekraïne", "de aanval", ".",
    "door Rusland gesteunde", "separatisten", "noemt", "onaanvaardbaar", "Russische steun",
    "omdat", "als", "terwijl", "wie"]),
    min_size=3, max_size=24).map(" ".join)


def _fresh_stances(doc: Document) -> tuple[object, ...]:
    real_verb = stance._verb

    def verb_holders_first(ctx: stance._Context, s: stance._Sentence, i: int, end: int,
                           entry: stance.CueEntry, form: stance._Form) -> object:
        stance._holders_of(ctx, s, i)  # resolved before anything else, as they were before
        return real_verb(ctx, s, i, end, entry, form)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(stance._Sentence, "clause_start", stance._Sentence._clause_start)
        patch.setattr(stance._Sentence, "clause_end",
                      lambda self, i, *, stop_at_dat=True: self._clause_end(i, stop_at_dat))
        patch.setattr(stance, "_holder",
                      lambda ctx, s, a, b: tuple(stance._find_holder(ctx, s, a, b)))
        patch.setitem(stance._RULES, "verb", verb_holders_first)
        return stance.extract(doc, quotes=quotes.extract(doc))


@settings(max_examples=300, deadline=None)
@given(st.lists(_STANCE_TEXT, min_size=1, max_size=4).map(" ".join))
@example("Polen steunt het plan en wijst de sancties af. Zij is tegen de aanval, die "
         "Duitsland veroordeelt.")
def test_kept_answers_and_late_holders_give_the_stances_of_fresh_ones(text: str) -> None:
    doc = Document(id="k", text=text)
    assert stance.extract(doc, quotes=quotes.extract(doc)) == _fresh_stances(doc)


def _actors_of(find: Callable[..., Iterable[Actor]], *args: object) -> object:
    try:
        return tuple(find(*args))
    except (ValueError, IndexError):  # extract drops such a candidate
        return "error"


def _clause_start(s: stance._Sentence, i: int) -> tuple[int, str]:
    """The reference: every token before *i*, last first, asked whether it opens a clause."""
    for j in range(min(i, s.n) - 1, -1, -1):
        kind = s.opens_clause(j)
        if kind is not None:
            return j + 1, kind
    return 0, "sentence"


def _clause_end(s: stance._Sentence, i: int, stop_at_dat: bool) -> int:
    """The reference: every token after *i*, in order, asked whether it opens a clause."""
    for j in range(max(i + 1, 0), s.n):
        kind = s.opens_clause(j)
        if kind is not None and (stop_at_dat or s.low(j) != "dat" or kind != "sub"):
            return j
    return s.n


@settings(max_examples=300, deadline=None)
@given(_STANCE_TEXT, st.data())
def test_a_sentence_keeps_the_answers_it_would_compute(text: str, data: st.DataObject) -> None:
    doc = Document(id="k", text=text)
    s = stance._Sentence(doc, Span(0, len(text)), stance.default_lexicon(), None)
    ctx = stance._Context(doc, quotes.extract(doc), actors.resolver(doc))
    asked = st.integers(min_value=-1, max_value=s.n + 1)
    for i in data.draw(st.lists(asked, max_size=3 * s.n + 3)):  # in any order, again
        assert s.clause_start(i) == _clause_start(s, i)
        assert s.clause_end(i) == _clause_end(s, i, True)
        assert s.clause_end(i, stop_at_dat=False) == _clause_end(s, i, False)
    for a, b in data.draw(st.lists(st.tuples(asked, asked).filter(lambda p: 0 <= p[0] < p[1]),
                                   max_size=3 * s.n + 3)):
        kept = _actors_of(stance._holder, ctx, s, a, b)
        assert kept == _actors_of(stance._find_holder, ctx, s, a, b), (a, b)


# -- questions asked in one step ------------------------------------------------------------
# Shortcuts that answer for a range or a set of classes at once must give what the plain
# questions, token by token, give; on every token and on ranges that run past the edges.


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_CLAUSE_TEXT, st.sampled_from(["door", "Door Rusland gesteunde"])),
                max_size=3).map(" ".join))
@example("De door Rusland gesteunde separatisten")
@example("de door Rusland en Iran heel zwaar gesteunde separatisten")  # "door" six back
def test_questions_asked_at_once_agree_with_the_plain_ones(text: str) -> None:
    doc = Document(id="q", text=text)
    s = stance._Sentence(doc, Span(0, len(text)), _LEX, None)
    indices = range(-3, s.n + 3)
    words = sorted({*s.lows[:8], "door", "en", "x"})
    for i in indices:
        assert s.is_mark(i) == (s.is_quote(i) or s.is_punct(i)), i
        for classes in (stance._TRAILING, stance._ADVERBIAL_FIRST, frozenset({"determiner"})):
            assert s.is_any(i, classes) == any(s.is_(i, c) for c in classes), (i, classes)
        # the classes of a word stand for the lexicon's lists (the adverbial-first test)
        low = s.low(i)
        assert s.is_any(i, stance._ADVERBIAL_FIRST) == (
            low in _LEX.of("preposition") or low in _LEX.of("adverb") or low in _LEX.negators
            or low in _LEX.of("subordinator")), i
        assert s.is_(i, "determiner") == (low in _LEX.of("determiner")), i
        assert stance._door_agent(s, i) == stance._door_agent_before(s, i), i
        for b in indices:
            for word in words:
                plain = next((k for k in range(i, b) if s.low(k) == word), -1)
                assert s.find(word, i, b) == plain, (word, i, b)
