"""The words that report speech: reporting verbs and what may stand between them and a speaker.

Verbs of speech and writing only: "thinks" or "believes" say nothing was said, so they are
not here. Kept apart from the rules that read them so that the lists can grow on their own.
"""

from assistant.speakers.mentions import wordset

# Reporting verbs of speech and writing (not of belief: "thinks" says nothing was said).
CUES = wordset(
    """said say says saying told tell tells telling added adding wrote write writes asked ask asks
    argued argue argues arguing noted note noting explained explain explains explaining"""
)
# Verbs that report speech only before a clause or quotation ("announced that…", not "announced aid").
CLAUSE_CUES = wordset(
    """announced announces claimed claim insisted insist insists warned warn warns warning stated reported
    reports tweeted tweets suggested suggest acknowledged acknowledge acknowledges admitted admit admits
    replied responded continued recalled recall recalls stressed stress stresses emphasized urged
    predicted predict predicts conceded concede concedes contended contend contends countered complained
    complain complains confirmed confirm confirms denied deny promised promise vowed vow vows observed
    remarked quipped joked shouted testified estimated charged alleged maintained maintain concluded
    boasted lamented cautioned declared declare declares posted insisting claiming adds shouted
    scolded exclaimed pleaded mused retorted snapped demanded answered interjected chimed sang sings
    yelled screamed whispered muttered added conceded tweeted wrote writes began continues yells read reads
    stated states commented comments reaffirmed reaffirms reiterated reiterates asserted asserts affirmed
    pointed"""
)
# -ing forms that report the words of the sentence's subject: "Biden left, saying that…".
PARTICIPLES = frozenset(
    {"saying", "adding", "noting", "telling", "arguing", "explaining", "warning", "tweeting", "writing",
     "declaring", "insisting", "asking", "claiming", "stating", "joking"}
)  # fmt: skip
# Cues followed by the person spoken to before the words: "told NBC that…".
ADDRESSEE_CUES = frozenset({"told", "tell", "tells", "telling", "asked", "asks", "warned", "warns"})
# Words that may stand between a speaker and the cue: "Austin also said", "officials reportedly told".
BETWEEN = wordset(
    """also reportedly later previously recently once has had have then again earlier often repeatedly
    publicly privately initially subsequently further explicitly flatly quickly simply even already
    today yesterday tonight here jointly"""
)
NEGATIONS = wordset("not never n’t didn’t didn't hasn’t hasn't wouldn’t wouldn't")
# Cues that may stand before their speaker: "…,” said Austin".
INVERTIBLE = wordset(
    """said says added adds asked asks wrote writes explained noted continued recalled replied declared
    declares argued insisted warned tweeted tweets posted shouted exclaimed cautioned countered conceded
    observed remarked quipped joked"""
)
# Present forms that are as often nouns ("FEC reports show"); they count only right before "that" or a quote.
NOUN_LIKE = wordset("reports claims tweets promises vows insists warns stresses admits estimates")

# A verb of plain speech ("wrote", "added") needs no clause after it, whatever the lists above say.
CLAUSE_CUES = CLAUSE_CUES - CUES

# Verbs of belief that report a body's published view: "the agency believes", "the company expects".
# A person's belief is not speech (they are left out of CUES); a company's or agency's is its statement.
BODY_BELIEFS = wordset("believes believe believed expects expect expected estimates forecasts forecast sees")
