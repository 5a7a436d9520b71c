# ruff: noqa: E501  (the pages are kept as a browser saved them, one element a line)
"""Web pages saved from news sites, added with `assistant add`: a page with JSON-LD, two
linked bylines, a cookie banner, a newsletter box and related links inside <article>; and one
saved by a browser ("saved from url=…") whose story is <br>-separated text in a <div>, its
byline in capitals, an ad slot between paragraphs. Written here; no real site's text."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from assistant.cli import main

JSON_LD_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbor town votes to rebuild storm-damaged pier | The Alder Gazette</title>
<meta property="og:title" content="Harbor town votes to rebuild storm-damaged pier">
<meta property="og:site_name" content="The Alder Gazette">
<meta property="og:type" content="article">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Harbor town votes to rebuild storm-damaged pier","datePublished":"2024-03-05T06:30:00-05:00","dateModified":"2024-03-06T09:00:00-05:00","author":[{"@type":"Person","name":"Marta Quinlan"},{"@type":"Person","name":"Jon Reyes"}],"publisher":{"@type":"Organization","name":"The Alder Gazette"}}</script>
<script>window.dataLayer=[];function gtag(){dataLayer.push(arguments)}; var x = "<p>not text</p>";</script>
<style>.cookie{position:fixed}</style>
</head><body>
<div class="cookie-banner" id="cookie"><p>We use cookies to improve your experience. By continuing to browse you agree to our use of cookies.</p><button>Accept all</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
<div class="subscribe">Subscribe for $1 a week. Cancel anytime.</div></header>
<main>
<article>
<h1>Harbor town votes to rebuild storm-damaged pier</h1>
<p class="byline">By <a href="/staff/mquinlan">Marta Quinlan</a> and <a href="/staff/jreyes">Jon Reyes</a></p>
<p class="dateline"><time datetime="2024-03-05T06:30:00-05:00">March 5, 2024, 6:30 a.m.</time></p>
<figure><img src="pier.jpg" alt="The broken pier"><figcaption>The pier after the January storm. (Photo: Ana Lind / The Alder Gazette)</figcaption></figure>
<p>The town council of Port Alder voted 7 to 2 on Tuesday night to rebuild the municipal pier that a winter storm tore apart in January, ending two months of argument over whether the town could afford it.</p>
<p>The new pier will cost $3.4 million and is expected to open in the summer of 2025, according to the harbor commission&#8217;s engineers, who said the design raises the deck by four feet to clear future storm surges.</p>
<aside class="related"><h3>Related</h3><ul><li><a href="/a">Storm tears apart Port Alder pier</a></li><li><a href="/b">Seawall repairs delayed again</a></li></ul></aside>
<p>&#8220;We are not going to leave the fishing fleet without a place to land its catch,&#8221; said Mayor Ellen Brody, who cast the deciding vote after a debate that ran past midnight.</p>
<div class="newsletter"><p>Get the morning briefing in your inbox.</p><form><input type="email"><button>Sign up</button></form></div>
<p>Two councillors, Dan Whitcombe and Rosa Ibarra, voted against the plan, arguing that the town should first repair the seawall along Front Street, which flooded three times last year.</p>
<p>The state will pay about 60 percent of the cost through a coastal resilience grant; the rest will come from a bond that voters approved in November by a wide margin.</p>
<p>Work on the demolition of the old pilings is scheduled to begin in April, and the harbor will stay open to commercial boats throughout the construction, the commission said.</p>
<div class="share"><a>Share on Facebook</a> <a>Share on X</a> <a>Email</a></div>
</article>
</main>
<footer><p>&copy; 2024 The Alder Gazette. All rights reserved.</p><p><a href="/privacy">Privacy policy</a> | <a href="/terms">Terms</a></p></footer>
<script src="/ads.js"></script>
</body></html>
"""

SAVED_PAGE = """<!-- saved from url=(0058)https://www.valleyherald.example/sport/regatta-storm-2024 -->
<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>Storm cuts harbor regatta short – Valley Herald</title>
<meta name="twitter:title" content="Storm cuts harbor regatta short">
<meta name="parsely-author" content="Ben Ortega">
<meta name="parsely-pub-date" content="2024-06-02T18:11:00Z">
</head><body class="article-page">
<div id="onetrust-banner-sdk"><div>This site uses cookies. <a>Cookie settings</a> <button>Accept</button></div></div>
<div class="top-nav"><a>Subscribe</a> <a>Sign in</a> <a>E-edition</a></div>
<div class="headline-wrap"><h1 class="headline">Storm cuts harbor regatta short</h1>
<div class="byline-wrap">BY BEN ORTEGA | bortega@valleyherald.example<br>Updated June 2, 2024 at 6:11 p.m.</div></div>
<div class="article-body">
Sailors in the annual harbor regatta were called back to shore on Sunday afternoon after a line of thunderstorms moved in from the west, cutting the two-day event short.<br><br>
Race officials said winds gusted to 45 miles per hour within minutes of the recall signal, and two boats capsized near the breakwater; all crew members were pulled from the water unhurt.<br><br>
The results of Saturday's races will stand, giving the overall title to the crew of Blue Heron for the second year running.<br><br>
<div class="ad-slot">ADVERTISEMENT</div>
"Nobody wants to end a regatta this way, but the safety of the crews comes first," said race director Carla Mendes.<br><br>
</div>
<div class="tags">Tags: <a>sailing</a> <a>weather</a></div>
<div class="recirc"><h4>More from Valley Herald</h4><a>High school rowing finals set for June 9</a></div>
</body></html>
"""

FURNITURE = ("cookies", "Sign up", "Related", "ADVERTISEMENT", "Share on", "Subscribe", "Most read", "Tags:")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _added(tmp_path: Path) -> Path:
    corpus, inbox = tmp_path / "corpus", tmp_path / "inbox"
    corpus.mkdir()
    inbox.mkdir()
    (inbox / "pier.html").write_text(JSON_LD_PAGE, encoding="utf-8")
    (inbox / "Storm cuts harbor regatta short - Valley Herald.htm").write_text(SAVED_PAGE, encoding="utf-8")
    code, out, err = run("add", "--corpus", str(corpus), str(inbox))
    assert code == 0, err
    assert out.count("stored ") == 2
    return corpus


def test_saved_pages_keep_their_metadata_and_only_the_story(tmp_path: Path) -> None:
    corpus = _added(tmp_path)
    _, out, _ = run("list", "--json", "--corpus", str(corpus))
    listed = {a["title"]: a for a in json.loads(out)}
    pier = listed["Harbor town votes to rebuild storm-damaged pier"]
    assert (pier["date"], pier["source"]) == ("2024-03-05", "The Alder Gazette")
    assert "Marta Quinlan" in pier["author"] and "Jon Reyes" in pier["author"]
    regatta = listed["Storm cuts harbor regatta short"]
    assert (regatta["author"], regatta["date"]) == ("Ben Ortega", "2024-06-02")
    # Where the browser saved it from is the page's address, and its host the source.
    assert regatta["url"] == "https://www.valleyherald.example/sport/regatta-storm-2024"
    assert regatta["source"] == "valleyherald.example"
    for article in listed.values():
        _, shown, _ = run("show", "--corpus", str(corpus), article["id"])
        assert not [word for word in FURNITURE if word in shown], shown


def test_an_answer_from_a_saved_page_is_its_sentence_whole(tmp_path: Path) -> None:
    corpus = _added(tmp_path)
    code, out, _ = run(
        "ask", "--json", "--corpus", str(corpus), "How fast did the winds gust at the regatta?"
    )
    assert code == 0
    quote = json.loads(out)["quotes"][0]
    assert quote["text"] == (
        "Race officials said winds gusted to 45 miles per hour within minutes of the recall signal, and two "
        "boats capsized near the breakwater; all crew members were pulled from the water unhurt."
    )
    assert quote["paragraph"] == 2
    assert quote["citation"].startswith("— Race officials, in Ben Ortega, “Storm cuts harbor regatta short”")
    code, out, _ = run(
        "ask", "--json", "--corpus", str(corpus), "What did Mayor Ellen Brody say about the pier?"
    )
    quote = json.loads(out)["quotes"][0]
    assert quote["text"].startswith("“We are not going to leave the fishing fleet")
    assert quote["speaker"]["name"] == "Ellen Brody"
