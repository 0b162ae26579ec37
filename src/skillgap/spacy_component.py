"""The ``skillgap`` spaCy pipeline component: taxonomy skills as ``doc.spans``.

``nlp.add_pipe("skillgap")`` works on any pipeline without importing skillgap first: the
factory is registered through the ``spacy_factories`` entry point in pyproject.toml. The
component runs the same :class:`~skillgap.extraction.Extractor` as ``skillgap extract`` on the
doc's text (negation, learning cues and ambiguous names included) and maps each claimed mention
back onto the doc's own tokens, so results agree with the CLI whatever the tokenizer. The
``taxonomy`` setting lays a custom taxonomy file or folder over the shipped one.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from skillgap.extraction import Extractor
from skillgap.models import Document, Kind, Profile
from skillgap.taxonomy import Taxonomy

PROFILE_ATTR = "skillgap_profile"


class SkillgapComponent:
    """Sets ``doc.spans[spans_key]``: one span per claimed mention, labelled with the skill id."""

    def __init__(self, name: str, spans_key: str, kind: Kind, taxonomy: str | None) -> None:
        self.name, self.spans_key, self.kind = name, spans_key, kind
        shipped = Taxonomy.default()
        self.extractor = Extractor(shipped.merge(taxonomy) if taxonomy else shipped)
        if not Doc.has_extension(PROFILE_ATTR):
            Doc.set_extension(PROFILE_ATTR, default=None)

    def __call__(self, doc: Doc) -> Doc:
        if not doc.text.strip():
            doc.spans[self.spans_key] = []
            return doc
        document = Document(text=doc.text, source="<spacy doc>")  # offsets index doc.text
        profile: Profile = self.extractor.extract(document, self.kind)
        spans: list[Span] = []
        for skill in profile.skills:
            for mention in skill.mentions:
                span = doc.char_span(
                    mention.start, mention.end, label=skill.id, alignment_mode="expand"
                )
                if span is not None:
                    spans.append(span)
        doc.spans[self.spans_key] = sorted(spans, key=lambda span: (span.start, span.end))
        doc._.set(PROFILE_ATTR, profile)
        return doc


@Language.factory(
    "skillgap",
    default_config={"spans_key": "skills", "kind": "resume", "taxonomy": None},
    requires=[],
    assigns=["doc.spans", f"doc._.{PROFILE_ATTR}"],
)
def make_skillgap(
    nlp: Language, name: str, spans_key: str, kind: Kind, taxonomy: str | None
) -> SkillgapComponent:
    """Build the component; ``kind="job"`` also records required/preferred in the profile;
    ``taxonomy`` is the path of a custom taxonomy file or folder."""
    return SkillgapComponent(name, spans_key, kind, taxonomy)
