#!/usr/bin/env python3
"""The search page in headless Chromium: search, snippets, a facet and its
chip, the date chart, paging, the URL, the back button, escaping, phone width,
an article's related coverage, results grouped by event.

Usage: serve_browser.py BASE SHOTS_DIR HOSTILE_JSONL
Counts on the page are compared with what /api/search answers for the same
state; screenshots (desktop, phone) are written to SHOTS_DIR.
"""
import json
import os
import sys
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from webdriver import Browser  # noqa: E402

BASE, SHOTS, HOSTILE = sys.argv[1:4]


def api(**params):
    url = BASE + "/api/search?" + urllib.parse.urlencode(params, doseq=True)
    with urllib.request.urlopen(url, timeout=30) as r:
        return json.loads(r.read())


def page_state(b):
    """The search state the page's URL holds."""
    return urllib.parse.parse_qs(urllib.parse.urlsplit(b.url()).query)


def ready(b, before=None):
    """Waits until the page has drawn the answer to a new request."""
    b.wait(lambda: b.js("return document.getElementById('status').dataset.state") == "ready"
           and b.url() != before, "the page did not finish loading")


def matches(b):
    return int(b.js("return document.getElementById('status').dataset.matches"))


def stories(b):
    return int(b.js("return document.getElementById('status').dataset.stories"))


def no_injection(b, where):
    found = b.js("return document.querySelectorAll('main script, main img, main iframe, a[href^=\"javascript\"]').length")
    assert found == 0, f"{where}: markup from the data became elements ({found})"
    assert b.js("return window.__pwned === undefined"), f"{where}: a script from the data ran"


b = Browser()
try:
    # The empty page tells what the archive holds.
    b.get(BASE + "/")
    b.wait(lambda: "articles from" in b.js("return document.getElementById('intro').textContent"), "no archive summary")

    # A search: results with highlighted snippets, the count the API gives.
    url = b.url()
    b.type(b.find("#q"), "said")
    b.click(b.find("#search button"))
    ready(b, url)
    expected = api(q="said", limit=10)
    assert matches(b) == expected["matches"], f"page says {matches(b)} matches, the API {expected['matches']}"
    hits = b.find_all("#results li.hit")
    assert len(hits) == len(expected["hits"]) == 10, f"{len(hits)} hits shown"
    titles = [b.text(e) for e in b.find_all("#results li.hit .title")]
    assert titles == [h["title"] for h in expected["hits"]], f"titles differ: {titles}"
    marks = [b.text(e).lower() for e in b.find_all("#results .snippet mark")]
    assert marks and all(m.startswith("said") or m.startswith("say") for m in marks), f"highlights: {marks}"
    assert page_state(b) == {"q": ["said"]}, f"URL after searching: {b.url()}"

    # The chart: one bar per histogram bucket; a click narrows to its dates.
    buckets = expected["facets"]["date"]["values"]
    bars = b.find_all("#chart svg g.bar")
    assert len(bars) == len(buckets) > 1, f"{len(bars)} bars for {len(buckets)} buckets"
    tallest = max(range(len(buckets)), key=lambda i: buckets[i]["count"])
    url = b.url()
    b.click(b.find_all("#chart svg g.bar rect.fill")[tallest])
    ready(b, url)
    state = page_state(b)
    assert "since" in state and "until" in state, f"URL after clicking a bar: {b.url()}"
    narrowed = api(q="said", since=state["since"][0], until=state["until"][0])
    assert matches(b) == narrowed["matches"] < expected["matches"], f"bar click: {matches(b)} of {expected['matches']}"
    assert narrowed["stories"] == buckets[tallest]["count"], "the bar's count is not what its dates hold"
    chips = [b.text(c) for c in b.find_all("#chips .chip")]
    assert any(c.startswith("Date: " + state["since"][0]) for c in chips), f"no date chip: {chips}"

    # Back: the whole search again, from the URL.
    b.back()
    b.wait(lambda: page_state(b) == {"q": ["said"]} and matches(b) == expected["matches"], "back did not restore the search")
    assert not b.find_all("#chips .chip"), "the date chip survived going back"

    # A facet: click an outlet, the results narrow to its count, a chip appears.
    values = expected["facets"]["outlet"]["values"]
    pick = values[1]  # not the largest, so that the narrowing shows
    buttons = [e for e in b.find_all("#facets .facet[data-field=outlet] button.facet-value")
               if b.attr(e, "data-value") == pick["value"]]
    assert buttons, f"no facet button for outlet {pick['value']}"
    url = b.url()
    b.click(buttons[0])
    ready(b, url)
    assert page_state(b) == {"q": ["said"], "outlet": [pick["value"]]}, f"URL after the facet: {b.url()}"
    filtered = api(q="said", outlet=pick["value"])
    assert stories(b) == pick["count"] == filtered["stories"], f"facet {pick}: page {stories(b)}, API {filtered['stories']}"
    assert matches(b) == filtered["matches"] < expected["matches"], "the facet did not narrow the results"
    outlets = {b.text(e) for e in b.find_all("#results .meta")}
    assert all(m.startswith(pick["value"]) for m in outlets), f"results from other outlets: {outlets}"
    chips = b.find_all("#chips .chip")
    assert len(chips) == 1 and pick["value"] in b.text(chips[0]), "no chip for the facet"
    # A shared link reproduces the state.
    shared = b.url()
    b.get(shared)
    ready(b)
    assert matches(b) == filtered["matches"] and len(b.find_all("#chips .chip")) == 1, "a shared URL did not reproduce the search"
    # Removing the chip removes the filter.
    url = b.url()
    b.click(b.find("#chips .chip"))
    ready(b, url)
    assert matches(b) == expected["matches"] and not b.find_all("#chips .chip"), "removing the chip did not widen again"

    # Paging.
    url = b.url()
    b.click(b.find("#pager button.next"))
    ready(b, url)
    assert page_state(b).get("offset") == ["10"], f"URL on page 2: {b.url()}"
    assert b.attr(b.find("#results li.hit"), "value") == "11", "page 2 does not start at hit 11"

    # The chart keeps empty years as gaps: 1987 is not drawn beside 2012.
    b.get(BASE + "/?q=said")
    ready(b)
    years = api(q="said", facets="date")["facets"]["date"]
    assert years["interval"] == "year", years["interval"]
    bars = b.find_all("#chart svg g.bar")
    assert [b.attr(g, "aria-label").split(":")[0] for g in bars] == [v["value"] for v in years["values"]], "bars are not the API's buckets"
    assert [int(v["value"]) for v in years["values"]] == list(range(1987, 1987 + len(bars))), "the API's years have gaps"
    empty = [g for g in bars if b.attr(g, "data-count") == "0"]
    assert len(empty) >= 5, f"{len(empty)} empty years drawn"
    assert b.js("return [...document.querySelectorAll('#chart g.bar[data-count=\"0\"] rect.fill')]"
                ".every(r => parseFloat(r.getAttribute('height')) === 0)"), "an empty year is drawn with a height"

    # From/to date inputs take months (and years), narrow the search, show a chip.
    url = b.url()
    b.type(b.find("#since"), "1987-03")
    b.type(b.find("#until"), "1987-04")
    b.click(b.find("#dates button"))
    ready(b, url)
    assert page_state(b) == {"q": ["said"], "since": ["1987-03"], "until": ["1987-04"]}, f"URL after the dates: {b.url()}"
    months = api(q="said", since="1987-03", until="1987-04")
    assert matches(b) == months["matches"] == api(q="said date:1987-03..1987-04")["matches"] > 0, "from/to months"
    chips = [b.text(c) for c in b.find_all("#chips .chip")]
    assert len(chips) == 1 and chips[0].startswith("Date: 1987-03 – 1987-04"), f"no date chip for the months: {chips}"
    # A bad date is the API's message, and the inputs stay to fix it.
    url = b.url()
    b.js("document.getElementById('until').value = '1987-13'")
    b.click(b.find("#dates button"))
    b.wait(lambda: b.js("return document.getElementById('status').dataset.state") == "error", "a bad date was not refused")
    assert "1987-13" in b.text(b.find("#status")), b.text(b.find("#status"))
    assert b.js("return !document.getElementById('toolbar').hidden"), "the date inputs went away with the error"

    # Dates alone are a search (the API takes them so): the page lists what
    # those months hold rather than its introduction.
    b.get(BASE + "/?since=1987-03&until=1987-04")
    ready(b)
    dated = api(since="1987-03", until="1987-04")
    assert matches(b) == dated["matches"] > 0, f"dates alone: {matches(b)} on the page, {dated['matches']} from the API"
    assert b.js("return document.getElementById('intro').hidden"), "dates alone showed the introduction"

    # The share chart: each bar is its interval's share of all articles.
    b.get(BASE + "/?q=said")
    ready(b)
    url = b.url()
    b.js("const s = document.getElementById('histogram'); s.value = 'share'; s.dispatchEvent(new Event('change'))")
    ready(b, url)
    assert page_state(b).get("histogram") == ["share"], f"URL with the share chart: {b.url()}"
    shares = api(q="said", facets="date", histogram="share")["facets"]["date"]["values"]
    labels = [b.attr(g, "aria-label") for g in b.find_all("#chart svg g.bar")]
    first = shares[0]
    assert labels[0] == f"{first['value']}: {first['count']} ({100 * first['share']:.1f}% of {first['articles']:,})", labels[0]
    assert "Share of all articles" in b.text(b.find("#chart-caption")), "the caption does not say share"

    # A hit from a scraped page says which file it came from and how its
    # outlet and date were found.
    b.get(BASE + "/?q=cyber")
    ready(b)
    pages = [h for h in api(q="cyber")["hits"] if h["source"]["line"] is None and h["source"]["file"]]
    assert pages, "no page hit for 'cyber'"
    shown = [b.text(e) for e in b.find_all("#results .source-file")]
    assert len(shown) == len(pages), f"{len(shown)} source lines for {len(pages)} page hits"
    assert all(s.startswith("From " + p["source"]["file"]) and ("outlet:" in s) == bool(p["extracted"])
               for s, p in zip(shown, pages)), shown
    assert any(p["extracted"] for p in pages), "no hit from a scraped page"

    # Right to left: an Arabic result's title and snippet read right to
    # left (its leading ellipsis on the right), an English one's left to
    # right; the lang: filter picks the Arabic stemmer, and the snippet
    # highlights the inflected Arabic words it matched.
    arabic = api(q="lang:ar النفط")
    assert arabic["matches"] >= 2 and arabic["matches"] == api(q="النفط")["matches"], "lang:ar النفط"
    b.get(BASE + "/?q=" + urllib.parse.quote("lang:ar النفط"))
    ready(b)
    directions = ("return Array.from(document.querySelectorAll(arguments[0]))"
                  ".map(e => getComputedStyle(e).direction)")
    laid = b.js(directions, "#results li.hit h2, #results .snippet")
    assert laid and set(laid) == {"rtl"}, f"Arabic titles and snippets laid out {laid}"
    marks = [b.text(e) for e in b.find_all("#results .snippet mark")]
    assert marks and all("نفط" in m for m in marks), f"Arabic highlights: {marks}"
    # Where a snippet starts with an ellipsis, it sits at the right.
    sides = b.js("""return Array.from(document.querySelectorAll('#results .snippet'))
        .filter(p => p.firstChild.nodeType === 3 && p.firstChild.data.startsWith('…')).map(p => {
            const r = document.createRange(); r.setStart(p.firstChild, 0); r.setEnd(p.firstChild, 1);
            const a = r.getBoundingClientRect(), q = p.getBoundingClientRect();
            return q.right - a.right < a.left - q.left; })""")
    assert all(sides), f"a leading ellipsis is not on the right: {sides}"
    b.screenshot(os.path.join(SHOTS, "arabic.png"))
    b.get(BASE + "/?q=oil+prices")
    ready(b)
    laid = b.js(directions, "#results li.hit h2")
    assert laid and set(laid) == {"ltr"}, f"English titles laid out {laid}"

    # Screenshots: desktop, then a phone (390 px wide), which must not scroll sideways.
    b.get(BASE + "/?q=oil+prices")
    ready(b)
    b.screenshot(os.path.join(SHOTS, "desktop.png"))
    b._s("POST", "/goog/cdp/execute", {"cmd": "Emulation.setDeviceMetricsOverride",
                                        "params": {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}})
    b.get(BASE + "/?q=oil+prices")
    ready(b)
    inner = b.js("return window.innerWidth")
    assert inner == 390, f"the phone emulation did not take: {inner} px"
    wide = b.js("return document.documentElement.scrollWidth")
    assert wide <= 390, f"the page is {wide} px wide on a 390 px phone"
    b.screenshot(os.path.join(SHOTS, "phone.png"))
    b.click(b.find("#results li.hit .title"))
    b.wait(lambda: b.find_all("#article h2"), "the article did not open")
    ready(b)
    assert "article" in page_state(b), "the URL does not name the open article"
    b.screenshot(os.path.join(SHOTS, "phone-article.png"))
    b._s("POST", "/goog/cdp/execute", {"cmd": "Emulation.clearDeviceMetricsOverride", "params": {}})

    # An article shows other outlets' reports of its event, as the API lists
    # them (the sample holds two outlets' reports of the Costa Rica crash).
    found = api(q="costa rica plane crash", facets="none")
    wp = [h for h in found["hits"] if h["outlet"] == "washingtonpost.com"][0]
    quoted = urllib.parse.quote(wp["id"], safe="")
    with urllib.request.urlopen(BASE + "/api/article/" + quoted + "/related", timeout=30) as r:
        related = json.loads(r.read())["related"]
    assert related and all(x["outlet"] != "washingtonpost.com" for x in related), f"related coverage: {related}"
    b.get(BASE + "/?article=" + quoted)
    b.wait(lambda: b.find_all("#related li"), "the article shows no related coverage")
    shown = b.js("return [...document.querySelectorAll('#related li')].map(e => e.dataset.id)")
    assert shown == [x["id"] for x in related], f"related coverage shown {shown}, the API lists {related}"
    url = b.url()
    b.click(b.find("#related li a"))
    b.wait(lambda: page_state(b).get("article") == [related[0]["id"]], "following a related report did not open it")
    b.wait(lambda: related[0]["title"] in b.js("return document.querySelector('#article h2')?.textContent || ''"),
           "the related report's page shows another title")

    # Grouped by event: one entry per event, with the outlets that reported
    # it and its reports earliest first, as the API lists them (the sample
    # holds several outlets' reports about APT31: an AP story on two sites,
    # DW, AFP and the Epoch Times).
    b.get(BASE + "/?q=" + urllib.parse.quote("APT31 kind:article"))
    ready(b)
    by_story = api(q="APT31 kind:article", limit=10)
    assert len(b.find_all("#results li.hit")) == len(by_story["hits"]) > 1 and not b.find_all("#results .event"), \
        "grouped by event before asking"
    url = b.url()
    b.js("const s = document.getElementById('group'); s.value = 'events'; s.dispatchEvent(new Event('change'))")
    ready(b, url)
    assert page_state(b) == {"q": ["APT31 kind:article"], "group": ["events"]}, f"URL grouped by event: {b.url()}"
    grouped = api(q="APT31 kind:article", group="events", limit=10)
    assert grouped["grouped_by"] == "events" and grouped["events"] < by_story["stories"], grouped
    assert b.js("return document.getElementById('status').dataset.events") == str(grouped["events"])
    status = b.text(b.find("#status"))
    assert f"({grouped['events']} event" in status, f"the status does not count events: {status}"
    entries = b.find_all("#results li.hit")
    assert len(entries) == len(grouped["hits"]), f"{len(entries)} entries for {len(grouped['hits'])} events"
    shown = b.js("return [...document.querySelectorAll('#results li.hit')].map(li => li.querySelector('.event')"
                 " ? [...li.querySelectorAll('.event .reports li')].map(r => r.dataset.id) : [])")
    expected_reports = [[r["id"] for r in h["reports"]] if h["event_reports"] > 1 else [] for h in grouped["hits"]]
    assert shown == expected_reports, f"reports shown {shown}, the API lists {expected_reports}"
    events = [h for h in grouped["hits"] if h["event_reports"] > 1]
    assert events, "no event of several reports about APT31"
    for h in events:
        dates = [r["date"] for r in h["reports"]]
        dated = [d for d in dates if d]
        assert dated == sorted(dated) and dates[:len(dated)] == dated, f"not earliest first: {dates}"
    outlets = [b.text(e) for e in b.find_all("#results .event .outlets")]
    assert len(outlets) == len(events) and all(
        f"reported {h['event_reports']} times" in o and all(r["outlet"] in o for r in h["reports"] if r["outlet"])
        for h, o in zip(events, outlets)), f"outlets: {outlets}"
    # The shared URL gives the grouping again, and a report opens its article.
    b.get(b.url())
    ready(b)
    assert b.js("return document.getElementById('group').value") == "events"
    assert len(b.find_all("#results .event .reports li")) == sum(len(x) for x in expected_reports)
    last = events[0]["reports"][-1]
    b.click(b.find_all("#results .event .reports li a")[len(events[0]["reports"]) - 1])
    b.wait(lambda: page_state(b).get("article") == [last["id"]], "a report of the event did not open")
    b.wait(lambda: last["title"] in b.js("return document.querySelector('#article h2')?.textContent || ''"),
           "the report's page shows another title")

    # Markup in an article is shown as text, in results, facets and the article.
    hostile = json.loads(open(HOSTILE).read())
    b.get(BASE + "/?q=zyxquonk")
    ready(b)
    assert b.text(b.find("#results li.hit .title")) == hostile["title"], "the hostile title is not shown as text"
    assert hostile["outlet"] in [b.attr(e, "data-value") for e in b.find_all("#facets button.facet-value")], "hostile outlet facet"
    assert b.js("return document.querySelector('#results .meta').textContent").startswith(hostile["outlet"]), "hostile outlet"
    no_injection(b, "results")
    b.click(b.find("#results li.hit .title"))
    b.wait(lambda: b.find_all("#article h2"), "the hostile article did not open")
    body = b.js("return document.getElementById('article').textContent")
    assert "<script>window.__pwned=1</script>" in body and "<img src=x" in body, "the article's markup is not shown as text"
    no_injection(b, "article")
    # And a query full of markup.
    b.get(BASE + "/?q=" + urllib.parse.quote("<img src=x onerror=window.__pwned=1> oil"))
    b.wait(lambda: b.js("return document.getElementById('status').dataset.state") in ("ready", "error"), "no answer")
    assert b.js("return document.getElementById('q').value") == "<img src=x onerror=window.__pwned=1> oil"
    no_injection(b, "query")

    # Nothing was fetched from anywhere but the server.
    elsewhere = b.js("return performance.getEntriesByType('resource').map(e => e.name)"
                     ".filter(n => !n.startsWith(arguments[0]))", BASE)
    assert not elsewhere, f"fetched from elsewhere: {elsewhere}"
finally:
    b.quit()
print("ok")
