# ruff: noqa: E501  (the articles are kept as written, one paragraph a line)
"""Names a reader met garbled across the corpus's speakers (found with `bench/speaker_names.py` on
PolNeAR): a quotation opening "Because of Bernie Sanders and others ..." made "Because of Bernie
Sanders" a fuller form of Sanders, and 287 of Bernie Sanders's statements were shown under it; and
"President Obama" stayed apart from Barack Obama wherever the corpus also quoted Michelle Obama
(134 statements listed as "Obama"). And one Reuters story's misspelt title, "U.S. Trade Represenative
Clayton Yeutter", named Yeutter on all 116 of his statements in a 4,000-story sample. Real PolNeAR
and Reuters-21578 text, a real corpus folder and index, the CLI's JSON. A shirt that read ''Fascist
Trump,'' made "Mr. Trump" someone the story might not mean (kept as written, "Trump").
"""

from __future__ import annotations

from pathlib import Path

from tests.shown_names import names_shown, news, speakers_listed

SANDERS = """Families of mass shooting victims sound off on Sanders.

Family members of victims of gun violence are not through with Bernie Sanders.

“Because of Bernie Sanders and others who voted like him, I and other Sandy Hook families are waiting for justice,” said Jillian Soto, who lost her sister Victoria at Sandy Hook.

"Do I think that that gun dealer should be sued for selling me a legal product that he misused?" Sanders asked rhetorically, shaking his head no.
"""

RIPS = """Obama rips rhetoric over 'radical Islam'

President Obama passionately rebuked critics who say he should condemn terrorists as "radical Islamists," saying calling the Islamic State, also known as ISIL or ISIS, by another name will do nothing to defeat it -- and could be counterproductive.

"What exactly would using this label accomplish? What exactly would it change? Would it make ISIL less committed to kill Americans? Would it bring in more allies? Is there a military strategy that is served by this?" he said. "The answer is none of the above."
"""

OPTIMISTIC = """Obama: I’m Optimistic Americans Will Say No to Trump.

Sunday on CNN’s “Fareed Zakaria GPS,” when asked about Republican presidential nominee Donald Trump, President Barack Obama said he expected that Americans will say “no” to Trump’s policy measures.
"""

LETTERS = """Michelle Obama made America pay attention.

Apolitically and in all fairness, Michelle Obama deserves kudos for her sterling speech at the Democratic National Convention.

Her most striking appeal was worded beautifully when she said, "Make no mistake about it, this November, when we get to the polls, that is what we are deciding. Not Democrat or Republican, not left or right."
"""


TAIWAN = """Yeutter seeks stronger Taiwan, S.Korea currencies
WASHINGTON, March 4 - U.S. Trade Representative Clayton Yeutter said he hoped the U.S. dollar would continue to decline in relation to the currencies of Taiwan and South Korea as a way to improve the U.S. trade picture.
Asked by a committee member if he expected a further decline, and how much, Yeutter said the Taiwan and South Korean currencies should be adjusted to reflect "positive factors" in their economies.
"""

EXPORTS = """Yeutter concerned about U.S. export picture
WASHINGTON, March 4 - U.S. Trade Representative Clayton Yeutter said he expects imports to fall soon but he was concerned about the lack of improvement in U.S. exports given the dollar's decline in the last 18 months.
"I'm convinced we're about to see an improvement on the import side. I'm more concerned about the export side," he told a House Appropriations subcommittee.
"""

CURBS = """Talks will not delay trade curbs against Japan
WASHINGTON, April 1 - White House spokesman Marlin Fitzwater said that while he hoped something could be done to hold off the sanctions, "it probably is not likely."
And U.S. Trade Represenative Clayton Yeutter predicted that Japan would not be able to comply with the pact in time to hold off the new tariffs on goods including personal computers, television sets, power tools and electric motors.
"""


RALLIES = """Protesting at Trump rallies a risky act

When Kashiya Nwanguma learned that Donald J. Trump would campaign in Louisville, Ky., where she is a student, she walked into a FedEx store and printed two colorful signs she had found online, depicting his head on a pig's body.

In February, as a protester was being removed from an event in Las Vegas, Mr. Trump said, ''I'd like to punch him in the face.''

People ejected from a rally in Concord, N.C., on Monday included a man in a shirt that read ''Fascist Trump,'' and a group of men and women in black and white shirts who had linked arms.
"""


def test_words_before_a_name_in_a_quotation_are_not_the_name(tmp_path: Path) -> None:
    news(tmp_path, {"sanders.txt": SANDERS})
    listed = set(speakers_listed(tmp_path))
    assert "Bernie Sanders" in listed and "Because of Bernie Sanders" not in listed, sorted(listed)


def test_a_president_called_by_his_surname_is_the_one_holding_that_office(tmp_path: Path) -> None:
    news(tmp_path, {"rips.txt": RIPS, "optimistic.txt": OPTIMISTIC, "letters.txt": LETTERS})
    listed = speakers_listed(tmp_path)
    assert "Obama" not in listed, sorted(listed)
    assert listed["Barack Obama"]["statements"] >= 3  # his own and the two of "President Obama"
    assert "Michelle Obama" in listed

    names = set(names_shown(tmp_path, "rips.txt"))
    assert "Barack Obama" in names and "Obama" not in names, names


def test_a_title_misspelt_in_one_story_is_not_shown_as_his_name(tmp_path: Path) -> None:
    news(tmp_path, {"taiwan.txt": TAIWAN, "exports.txt": EXPORTS, "curbs.txt": CURBS})
    listed = set(speakers_listed(tmp_path))
    assert "Clayton Yeutter" in listed and "Represenative Clayton Yeutter" not in listed, sorted(listed)
    names = set(names_shown(tmp_path, "taiwan.txt"))
    assert names == {"Clayton Yeutter"}, names


def test_a_phrase_in_quotation_marks_is_no_fuller_form_of_a_name(tmp_path: Path) -> None:
    news(tmp_path, {"rallies.txt": RALLIES})
    assert names_shown(tmp_path, "rallies.txt") == ["Donald J. Trump"]
