// The search page: state lives in the URL (so a search can be shared and the
// back button works), each change fetches /api/search and redraws.
//
// Every string from an article or a query reaches the page through
// textContent or a text node, never innerHTML: markup in the archive stays text.
"use strict";

const FACETS = [["outlet", "Outlet"], ["section", "Section"], ["dateline", "Dateline"]];
const PAGE = 10;
const SVG = "http://www.w3.org/2000/svg";

const $ = (id) => document.getElementById(id);

// Builds an element: el("a", {href: "..."}, "text", child, ...).
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c); // strings become text nodes
  return e;
}

function svg(tag, attrs) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  return e;
}

// --- state <-> URL -------------------------------------------------------

function readState() {
  const p = new URLSearchParams(location.search);
  const s = {q: p.get("q") || "", since: p.get("since") || "", until: p.get("until") || "",
             sort: p.get("sort") || "relevance", offset: Math.max(0, parseInt(p.get("offset") || "0", 10) || 0),
             histogram: p.get("histogram") === "share" ? "share" : "count",
             group: p.get("group") === "events" ? "events" : "stories",
             article: p.get("article") || ""};
  for (const [f] of FACETS) s[f] = p.getAll(f);
  return s;
}

function stateQuery(s, forApi) {
  const p = new URLSearchParams();
  if (s.q) p.set("q", s.q);
  for (const [f] of FACETS) for (const v of s[f]) p.append(f, v);
  if (s.since) p.set("since", s.since);
  if (s.until) p.set("until", s.until);
  if (s.sort !== "relevance") p.set("sort", s.sort);
  if (s.histogram === "share") p.set("histogram", "share");
  if (s.group === "events") p.set("group", "events");
  if (s.offset) p.set("offset", String(s.offset));
  if (!forApi && s.article) p.set("article", s.article);
  return p.toString();
}

function hasSearch(s) {
  return s.q.trim() !== "" || s.since !== "" || s.until !== "" || FACETS.some(([f]) => s[f].length > 0);
}

let state = readState();

function go(change) {
  state = Object.assign({}, state, change);
  history.pushState(null, "", "/" + (stateQuery(state, false) ? "?" + stateQuery(state, false) : ""));
  render();
}

window.addEventListener("popstate", () => { state = readState(); render(); });

// --- fetching -------------------------------------------------------------

let inflight = null;

async function getJson(url) {
  if (inflight) inflight.abort();
  inflight = new AbortController();
  const r = await fetch(url, {signal: inflight.signal});
  const body = await r.json().catch(() => ({error: "the server answered " + r.status}));
  if (!r.ok) throw new Error(body.error || ("HTTP " + r.status));
  return body;
}

function setStatus(text, kind) {
  const st = $("status");
  st.textContent = text;
  st.dataset.state = kind;
}

async function render() {
  $("q").value = state.q;
  $("sort").value = state.sort;
  $("since").value = state.since;
  $("until").value = state.until;
  $("histogram").value = state.histogram;
  $("group").value = state.group;
  renderChips();
  if (state.article) return showArticle(state.article);
  $("article").hidden = true;
  $("layout").hidden = false;
  if (!hasSearch(state)) return showIntro();
  setStatus("Searching…", "loading");
  const params = stateQuery(state, true) + "&limit=" + PAGE + "&facets=outlet,section,dateline,date&facet_limit=12";
  let d;
  try {
    d = await getJson("/api/search?" + params);
  } catch (e) {
    if (e.name === "AbortError") return;
    clearResults();
    $("toolbar").hidden = false; // the dates typed may be what is wrong
    setStatus(e.message, "error");
    return;
  }
  document.title = (state.q || "Browse") + " · morgue";
  $("intro").hidden = true;
  showSummary(d);
  showHits(d.hits);
  showFacets(d.facets);
  showChart(d.facets.date);
  showPager(d);
  $("toolbar").hidden = false;
  setStatus($("status").textContent, "ready");
}

function clearResults() {
  for (const id of ["results", "facets", "pager"]) $(id).replaceChildren();
  $("chart").hidden = true;
  $("toolbar").hidden = true;
}

// --- results ----------------------------------------------------------------

function total(d) { return d.grouped_by === "events" ? d.events : d.collapsed ? d.stories : d.matches; }

function showSummary(d) {
  const st = $("status");
  const n = d.matches;
  let text = (d.matches_exact ? "" : "about ") + n.toLocaleString("en") + (n === 1 ? " match" : " matches");
  if (d.grouped_by === "events") text += " (" + d.events.toLocaleString("en") + (d.events === 1 ? " event)" : " events)");
  else if (d.collapsed && d.stories !== d.matches) text += " (" + d.stories.toLocaleString("en") + (d.stories === 1 ? " story)" : " stories)");
  if (d.hits.length) text += ", " + d.hits[0].rank + "–" + d.hits[d.hits.length - 1].rank + " shown";
  st.replaceChildren(text + ".");
  st.dataset.matches = String(d.matches);
  st.dataset.stories = String(d.stories);
  st.dataset.events = String(d.events);
  // The server's time limit ran out: say what the numbers and hits lack.
  if (d.partial) st.append(" ", el("span", {class: "partial"}, "Partial answer: " + d.partial_reason + "."));
  if (d.suggestion) {
    st.append(" Did you mean ",
      el("a", {href: "?" + new URLSearchParams({q: d.suggestion}), class: "suggestion",
               onclick: (ev) => { ev.preventDefault(); go({q: d.suggestion, offset: 0}); }}, d.suggestion), "?");
  }
}

// The snippet with its highlights as <mark>: offsets count code points.
// dir="auto" (here, on titles and on the article's text): Arabic reads right
// to left, its leading "…" on the right.
function snippetNode(text, highlights) {
  const cps = Array.from(text);
  const p = el("p", {class: "snippet", dir: "auto"});
  let at = 0;
  for (const [a, b] of highlights) {
    if (a < at || b <= a) continue;
    p.append(cps.slice(at, a).join(""), el("mark", {}, cps.slice(a, b).join("")));
    at = b;
  }
  p.append(cps.slice(at).join(""));
  return p;
}

function meta(h) {
  const parts = [h.outlet, h.date, h.dateline, h.section].filter(Boolean);
  return el("div", {class: "meta"}, parts.join(" · "));
}

// A link that opens an article on this page.
function articleLink(id, text, attrs) {
  return el("a", Object.assign({href: "?article=" + encodeURIComponent(id),
                                onclick: (ev) => { ev.preventDefault(); go({article: id}); }}, attrs || {}), text);
}

function safeUrl(u) { return /^https?:\/\//i.test(u || "") ? u : null; }

function showHits(hits) {
  const ol = $("results");
  ol.replaceChildren();
  for (const h of hits) {
    const link = articleLink(h.id, h.title || "(untitled)", {class: "title"});
    const li = el("li", {class: "hit", value: String(h.rank)}, el("h2", {dir: "auto"}, link), meta(h));
    if (h.snippet) li.append(snippetNode(h.snippet, h.highlights));
    if (h.reports && h.event_reports > 1) li.append(eventNode(h));
    if (h.copies > 0) {
      const also = el("p", {class: "also"}, "Also carried by " + h.copies +
        (h.also_carried_by.length ? ": " + h.also_carried_by.join(", ") : ""));
      li.append(also);
    }
    const url = safeUrl(h.url);
    if (url) li.append(el("a", {class: "source", href: url, rel: "noopener noreferrer nofollow"}, new URL(url).host));
    const from = sourceText(h);
    if (from) li.append(el("p", {class: "source-file"}, from));
    ol.append(li);
  }
  if (!hits.length) ol.append(el("li", {class: "none"}, "Nothing found. Try fewer words or remove a filter."));
}

// Grouped by event: the outlets that reported it and its reports, earliest
// first (the API sends the first few; the hit is one of them).
function eventNode(h) {
  const outlets = [...new Set(h.reports.map((r) => r.outlet).filter(Boolean))];
  const shown = h.reports.length < h.event_reports ? " (the first " + h.reports.length + ")" : "";
  const list = el("ol", {class: "reports"});
  for (const r of h.reports)
    list.append(el("li", {"data-id": r.id}, [r.date, r.outlet].filter(Boolean).join(" · ") + ": ",
                   articleLink(r.id, r.title || "(untitled)")));
  return el("div", {class: "event", "data-reports": String(h.event_reports)},
            el("p", {class: "outlets"}, "Event reported " + h.event_reports + " times" +
               (outlets.length ? " by " + outlets.join(", ") : "") + "; earliest first" + shown + ":"), list);
}

// A hit read from a whole file (a scraped page): the file, and how its
// outlet and date were found on the page or why none was.
function sourceText(h) {
  if (!h.source || h.source.line !== null || !h.source.file) return "";
  const found = (name, value, how) => how ? " · " + name + ": " + (value ? value + " (" + how + ")" : how) : "";
  const ex = h.extracted || {};
  return "From " + h.source.file + found("outlet", h.outlet, ex.outlet) + found("date", h.date, ex.date);
}

function showPager(d) {
  const nav = $("pager");
  nav.replaceChildren();
  const pages = Math.ceil(Math.min(total(d), 10000 + PAGE) / PAGE);
  if (pages <= 1) return;
  const current = Math.floor(state.offset / PAGE);
  const button = (label, page, cls) => el("button", {type: "button", class: cls || "",
    onclick: () => { go({offset: page * PAGE}); scrollTo(0, 0); }}, label);
  if (current > 0) nav.append(button("‹ Previous", current - 1, "prev"));
  const from = Math.max(0, current - 3), to = Math.min(pages, from + 7);
  for (let p = from; p < to; ++p) {
    if (p === current) nav.append(el("span", {class: "current", "aria-current": "page"}, String(p + 1)));
    else nav.append(button(String(p + 1), p, "page"));
  }
  if (current + 1 < pages) nav.append(button("Next ›", current + 1, "next"));
}

// --- facets and filter chips --------------------------------------------------

function showFacets(facets) {
  const box = $("facets");
  box.replaceChildren();
  for (const [field, label] of FACETS) {
    const f = facets[field];
    if (!f || !f.values.length) continue;
    const list = el("ul", {});
    for (const v of f.values) {
      const on = state[field].includes(v.value);
      list.append(el("li", {}, el("button", {type: "button", class: "facet-value" + (on ? " on" : ""),
        "data-field": field, "data-value": v.value, "aria-pressed": on ? "true" : "false",
        onclick: () => go({[field]: on ? state[field].filter((x) => x !== v.value) : state[field].concat([v.value]), offset: 0})},
        el("span", {class: "v"}, v.value), el("span", {class: "n"}, v.count.toLocaleString("en")))));
    }
    const more = f.distinct > f.values.length ? el("p", {class: "more"}, (f.distinct - f.values.length) + " more") : "";
    box.append(el("section", {class: "facet", "data-field": field}, el("h3", {}, label), list, more));
  }
}

function renderChips() {
  const box = $("chips");
  box.replaceChildren();
  const chip = (label, change) => box.append(el("button", {type: "button", class: "chip", title: "Remove this filter",
    onclick: () => go(Object.assign({offset: 0}, change))}, label, el("span", {class: "x", "aria-hidden": "true"}, "×")));
  for (const [field, label] of FACETS)
    for (const v of state[field]) chip(label + ": " + v, {[field]: state[field].filter((x) => x !== v)});
  if (state.since || state.until)
    chip("Date: " + (state.since || "…") + " – " + (state.until || "…"), {since: "", until: ""});
}

// --- the date histogram -----------------------------------------------------

// A bucket ("1987", "1987-03", "1987-03-02") as a range of days.
function bucketRange(value) {
  const [y, m, d] = value.split("-").map(Number);
  if (d) return [value, value];
  if (m) {
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return [value + "-01", value + "-" + String(last).padStart(2, "0")];
  }
  return [value + "-01-01", value + "-12-31"];
}

function showChart(f) {
  const fig = $("chart");
  fig.querySelector("svg")?.remove();
  if (!f || !f.values.length) { fig.hidden = true; return; }
  fig.hidden = false;
  // Drawn at the figure's own width, so that text keeps its size on a phone.
  const W = Math.max(200, fig.clientWidth - 24), H = 120, top = 8, bottom = 18;
  // Empty intervals come as zeros and are drawn as gaps: 1987 does not sit beside 2016.
  const share = state.histogram === "share";
  const height = (v) => share ? (v.share || 0) : v.count;
  const n = f.values.length, max = Math.max(...f.values.map(height)) || 1;
  const step = W / n, gap = Math.min(2, step * 0.2);
  // Label every bar when the labels fit, else the first and the last.
  const every = step >= 8 * f.values[0].value.length + 6;
  const chart = svg("svg", {viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: "group",
                           "aria-label": "Matches over time, by " + f.interval});
  const label = (text, x, anchor) => {
    const t = svg("text", {x, y: H - 4, "text-anchor": anchor, class: "axis"});
    t.textContent = text;
    chart.append(t);
  };
  f.values.forEach((v, i) => {
    const h = (H - top - bottom) * height(v) / max;
    const text = v.value + ": " + v.count.toLocaleString("en") +
      (share ? (v.articles ? " (" + (100 * v.share).toFixed(1) + "% of " + v.articles.toLocaleString("en") + ")" : " (no articles)") : "");
    const [since, until] = bucketRange(v.value);
    const g = svg("g", {class: "bar", tabindex: "0", role: "button", "data-since": since, "data-until": until,
                        "data-count": String(v.count), "aria-label": text});
    g.append(svg("rect", {class: "hit", x: i * step, y: 0, width: step, height: H - bottom}));
    g.append(svg("rect", {class: "fill", x: i * step + gap / 2, y: H - bottom - h, width: Math.max(1, step - gap), height: h}));
    const title = svg("title");
    title.textContent = text;
    g.append(title);
    const pick = () => go({since, until, offset: 0});
    g.addEventListener("click", pick);
    g.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); pick(); } });
    chart.append(g);
    if (every) label(v.value, (i + 0.5) * step, "middle");
  });
  if (!every) {
    label(f.values[0].value, 0, "start");
    if (n > 1) label(f.values[n - 1].value, W, "end");
  }
  fig.insertBefore(chart, $("chart-caption"));
  $("chart-caption").textContent = (share ? "Share of all articles matching, by " : "Matches by ") + f.interval +
    (n > 1 ? ": click a bar to narrow the dates" : "");
}

// --- one article --------------------------------------------------------------

async function showArticle(id) {
  $("layout").hidden = true;
  const box = $("article");
  box.hidden = false;
  box.replaceChildren();
  setStatus("Loading…", "loading");
  let a;
  try {
    a = await getJson("/api/article/" + encodeURIComponent(id));
  } catch (e) {
    if (e.name === "AbortError") return;
    setStatus(e.message, "error");
    return;
  }
  setStatus("", "ready");
  document.title = a.title + " · morgue";
  const back = el("button", {type: "button", class: "back", onclick: () => go({article: ""})}, "‹ Back to results");
  box.append(back, el("h2", {dir: "auto"}, a.title || "(untitled)"), meta(a));
  if (a.authors.length) box.append(el("p", {class: "byline"}, "By " + a.authors.join(", ")));
  for (const para of a.text.split(/\n\s*\n/)) if (para.trim()) box.append(el("p", {dir: "auto"}, para.trim()));
  const url = safeUrl(a.url);
  if (url) box.append(el("p", {}, el("a", {href: url, rel: "noopener noreferrer nofollow"}, url)));
  if (a.copies.length) {
    const list = el("ul", {class: "copies"});
    for (const c of a.copies)
      list.append(el("li", {}, articleLink(c.id, [c.outlet, c.date].filter(Boolean).join(", ") || c.id),
        " (" + Math.round(c.similarity * 100) + "% shared text)"));
    box.append(el("h3", {}, "Also carried by"), list);
  }
  showRelated(box, id);
}

// Other outlets' reports of the same event, below the article; the article
// is shown whether or not they come.
async function showRelated(box, id) {
  const section = el("section", {id: "related"}, el("h3", {}, "Related coverage"));
  box.append(section);
  let r;
  try {
    r = await getJson("/api/article/" + encodeURIComponent(id) + "/related");
  } catch (e) {
    if (e.name !== "AbortError") section.append(el("p", {class: "none"}, "Related coverage could not be loaded."));
    return;
  }
  if (!r.related.length) {
    section.append(el("p", {class: "none"}, "No other outlet's report within " + r.window_days + " days."));
    return;
  }
  const list = el("ol", {class: "related"});
  for (const x of r.related)
    list.append(el("li", {"data-id": x.id}, articleLink(x.id, x.title || "(untitled)"),
      " " + [x.outlet, x.date].filter(Boolean).join(", ") + (x.same_event ? " · same event" : "")));
  section.append(list);
}

// --- the empty page -------------------------------------------------------------

const EXAMPLES = ["oil prices", "\"interest rates\"", "outlet:reuters coffee", "ukraine"];

async function showIntro() {
  clearResults();
  document.title = "morgue: news archive search";
  setStatus("", "ready");
  const box = $("intro");
  box.hidden = false;
  box.replaceChildren(el("p", {}, "Search the archive, or try: "));
  EXAMPLES.forEach((q, i) => box.firstChild.append(i ? ", " : "",
    el("a", {href: "?" + new URLSearchParams({q}), onclick: (ev) => { ev.preventDefault(); go({q, offset: 0}); }}, q)));
  try {
    const s = await getJson("/api/stats");
    box.append(el("p", {class: "stats"}, s.articles.toLocaleString("en") + " articles from " + s.outlets + " outlets" +
      (s.first_date ? ", " + s.first_date + " to " + s.last_date : "") + "."));
  } catch (e) {
    if (e.name !== "AbortError") box.append(el("p", {class: "stats"}, e.message));
  }
}

// --- wiring -----------------------------------------------------------------------

$("search").addEventListener("submit", (ev) => {
  ev.preventDefault();
  go({q: $("q").value.trim(), offset: 0, article: ""});
});
$("sort").addEventListener("change", () => go({sort: $("sort").value, offset: 0}));
$("histogram").addEventListener("change", () => go({histogram: $("histogram").value}));
$("group").addEventListener("change", () => go({group: $("group").value, offset: 0}));
// From/to: a day, month or year each (the API checks them and says what is wrong).
$("dates").addEventListener("submit", (ev) => {
  ev.preventDefault();
  go({since: $("since").value.trim(), until: $("until").value.trim(), offset: 0});
});
// Filters open beside the results on a wide screen, folded above them on a phone.
$("filters").open = matchMedia("(min-width: 760px)").matches;
render();
