"""The word lists the speaker rules read names and roles with: titles, offices, parties, bodies.

Hand-written and kept apart from the rules, so that a list can grow without the code that
reads it changing; first names and ordinary words are tables derived from WordNet 3.0 (`data/`,
built by `bench/build_name_words.py`, shipped with WordNet's licence notice `data/WORDNET-LICENSE`).
"""

from __future__ import annotations

from pathlib import Path

from assistant.speakers.mentions import ROLE_WORDS, SPEAKER_NOUNS, wordset

# Titles written before a name that say nothing about a role of their own.
HONORIFICS = wordset("mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady mme mme. m. herr")
# Abbreviated titles that are roles ("Sen. Jane Doe" is a senator).
TITLE_ABBREVIATIONS = wordset(
    "sen. sens. rep. reps. gov. gen. lt. col. sgt. capt. maj. adm. cmdr. prof. rev. atty. pres. amb. supt."
)
# Role words in titles that the mention reader does not need but a name never holds.
MORE_ROLES = wordset(
    """chancellor premier prime king queen prince princess emperor pope cardinal bishop archbishop sheikh
    treasurer comptroller commissioner inspector superintendent sergeant captain major colonel lieutenant
    admiral marshal detective constable judge justice magistrate vice deputy assistant acting former
    interim shadow junior foreign home finance defence defense trade economy economics energy health affairs
    justice interior labour labor agriculture commerce transport transportation education environment
    state treasury exchequer national security white house chairman's executive managing senior general
    chief ceo cfo coo md ambassador envoy governor senator congressman congresswoman mp mep lawmaker
    striker midfielder defender goalkeeper manager coach captain boss skipper councilman councilwoman
    councillor councilor alderman sheriff baroness countess duchess duc duchesse comte comtesse
    marquess marquise viscount viscountess"""
)
# Words that end a name when met going back from its last word: these belong to the role before it.
NOT_NAME = ROLE_WORDS | MORE_ROLES | TITLE_ABBREVIATIONS | SPEAKER_NOUNS
# Words that open a role complement ("Secretary of State John Kerry", "a spokesman for Exxon").
OF = frozenset({"of", "for", "at"})
# Last words of the names of companies and other bodies ("Exxon Corp", "Bank of England").
BODIES = wordset(
    """corp corporation inc co ltd plc llc ag sa nv bv spa gmbh group bank association institute
    service services council committee commission board agency ministry department fund federation
    union party company holdings industries securities exchange reserve office organisation
    organization authority bureau court brothers partners associates oy ab asa pty bhd kk"""
)
COMPANY_SUFFIXES = wordset("corp corporation inc co ltd plc llc ag sa nv bv spa gmbh")
MALE = wordset("mr sir lord king prince spokesman chairman congressman businessman father son husband")
FEMALE = wordset(
    """mrs ms miss dame lady queen princess spokeswoman chairwoman congresswoman businesswoman mother
    daughter wife"""
)
# Common first names whose bearers are mostly of one sex (a hand-written list; unknown names say
# nothing). WordNet 3.0 (2006) names none of 80 of them ("Brian", "Kevin", "Jennifer", "Barack"), so
# they count as first names too.
MALE_FIRST = wordset(
    """john james robert michael william david richard joseph thomas charles christopher daniel matthew
    george donald paul mark steven stephen andrew kenneth edward brian ronald anthony kevin jason jeff
    gary timothy larry frank scott eric peter henry jack tony gordon alan alastair nick nicholas ian
    jim tom bill bob mike dick ted joe ben sam fred harry walter arthur roger howard ralph bruce
    carl keith dennis jerry patrick raymond gerald lloyd jake boris vladimir francois jacques helmut
    gerhard karl hans juan carlos jose luis manuel pedro mohammed ahmed ali hassan chris barack mitt
    marco bernie jeb rick rand newt mitch chuck rudy ron tim dan steve greg doug josh matt andy ryan
    adam justin jon marc sean corey reince rahm"""
)
FEMALE_FIRST = wordset(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa margaret
    betty sandra ashley dorothy kimberly emily donna michelle carol amanda melissa deborah stephanie
    rebecca laura sharon cynthia kathleen amy shirley angela helen anna brenda pamela nicole ruth
    katherine samantha christine emma catherine debra rachel carolyn janet virginia maria heather
    diane julie joyce victoria kelly christina joan evelyn lauren judith olivia martha cheryl andrea
    hannah jacqueline gloria teresa kathryn sara janice jean alice madison julia grace judy theresa
    beverly denise marilyn amber danielle rose brittany diana abigail jane lucy sophie hillary condoleezza
    angela theresa tessa harriet cherie ségolène segolene indira benazir golda elena carly kellyanne
    huma loretta debbie"""
)
# Party and affiliation words: a role before a name ("Republican Donald Trump"), never part of it.
PARTIES = wordset(
    """republican republicans democrat democrats democratic gop labour labor tory tories conservative
    liberal socialist independent green greens unionist nationalist"""
)
# Capitalised words that open a sentence before a name without being part of it ("Everything Trump said").
OPENERS = wordset(
    """everything nothing something anything everyone everybody nobody someone somebody anyone what
    whatever whoever why how where there here even only perhaps maybe indeed thus hence both either
    neither each many most much more some such for with from to by about against like unlike"""
)
JOINERS = frozenset({"of", "and", "&", "for"})
# Capitalised words that open a sentence, not a name ("But", "In February").
LEADING = wordset(
    """but and in on at as so yet also then however meanwhile separately earlier later today yesterday
    said says asked added
    while when after before since because if although though now still instead elsewhere overall
    monday tuesday
    wednesday thursday friday saturday sunday january february march april may june july august
    september october november december last this"""
)
# Nouns for people that stand before a name as a description ("Investor Sumner Redstone").
COMMON_PEOPLE = wordset(
    """investor trader banker dealer economist broker analyst farmer grower exporter importer producer
    consumer worker employee shareholder stockholder creditor lender buyer seller diplomat delegate
    industry market"""
)


def _table(name: str) -> frozenset[str]:
    """One of the word tables built from WordNet by `bench/build_name_words.py`."""
    return frozenset((Path(__file__).parent / "data" / name).read_text(encoding="utf-8").split())


# The first words of the names of the people WordNet lists, titles and ordinary words left out.
FIRST_NAMES = MALE_FIRST | FEMALE_FIRST | _table("first-names.txt")
# Ordinary English words (lower case in WordNet, tagged in SemCor): "Business Day" holds one.
ORDINARY_WORDS = _table("ordinary-words.txt")
# News agencies a reporter's sentence names as the one spoken to ("Monsod told Reuters Finance
# Secretary Jaime Ongpin had decided…"): never the start of a person's title.
NEWS_AGENCIES = wordset("reuters reuter ap afp upi bloomberg xinhua tass kyodo ansa efe dpa irna")
# Offices that tell two people of one surname apart: a chief justice is not a mayor.
OFFICES = ROLE_WORDS | wordset(
    """justice judge mayor senator governor congressman congresswoman representative rep sen gov
    secretary minister chancellor general colonel captain sheriff bishop pope"""
)
