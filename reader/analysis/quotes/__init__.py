"""Who said what: quotes (direct, mixed, reported) with their cue and speaker.

Rules follow how English news reports speech, on the text, the sentences and the
entities the pipeline already has (no parser): quotation marks give direct quotes; a
verb or phrase of saying next to a speaker gives the attribution ("…,” she said",
"Okafor said that …", "according to the ministry, …"). A speaker that is a name joins
its entity; a pronoun or a role ("the minister") joins the entity it refers to only when
one candidate fits; otherwise it stays as written. What looks like a verb of saying is
checked for being one: "the mayor's claims", "a report from Sunday" and a verb inside
someone's quoted words attribute nothing.

One module per job: `marks` (quotation marks → segments; `single_marks` reads British
single marks as double), `units` (segments → direct quotes), `cues` (verbs of saying),
`attribution` (cue and speaker as written), `speakers` (speaker → entity), `pronouns`
(he/she by first name), `words` (word lists, tokens, clauses) and `extract`, which
assembles the quotes. Names with a leading underscore are private to the package.
"""

from reader.analysis.quotes.extract import extract_quotes
from reader.analysis.quotes.pronouns import warm_up

__all__ = ["extract_quotes", "warm_up"]
