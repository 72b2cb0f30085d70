#include "query/output.h"

#include "query/terminal_safe.h"
#include "query/csv.h"
#include "query/hit_source.h"
#include "query/output_json.h"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace morgue {

namespace {

using json = nlohmann::ordered_json;

const char* sort_name(SortOrder s)
{
    switch (s) {
    case SortOrder::newest: return "newest";
    case SortOrder::oldest: return "oldest";
    case SortOrder::relevance: break;
    }
    return "relevance";
}

json reports_json(const std::vector<EventReport>& reports)
{
    json out = json::array();
    for (const auto& r : reports)
        out.push_back({{"id", r.id}, {"title", r.title}, {"outlet", or_null(r.outlet)}, {"date", or_null(r.date)}});
    return out;
}

json hit_json(const Hit& h, bool grouped)
{
    json highlights = json::array();
    for (const auto& [a, b] : h.snippet.highlights) highlights.push_back({a, b});
    json j = {{"rank", h.rank},          {"id", h.id},
            {"title", h.title},        {"outlet", or_null(h.outlet)},
            {"date", or_null(h.date)}, {"dateline", or_null(h.dateline)},
            {"section", or_null(h.section)}, {"authors", h.authors},
            {"language", or_null(h.language)}, {"kind", h.kind},
            {"url", or_null(h.url)},   {"score", h.score},
            {"snippet", h.snippet.text}, {"highlights", highlights},
            {"cluster", or_null(h.cluster)}, {"copies", h.copies}, {"also_carried_by", h.also_carried_by},
            {"source", hit_source_json(h)}, {"extracted", hit_extracted_json(h)},
            {"event", or_null(h.event)}, {"event_reports", h.event_reports}};
    if (grouped) j["reports"] = reports_json(h.reports);
    return j;
}

json facets_json(const SearchResult& r)
{
    json facets = json::object();
    for (const auto& f : r.facets) {
        json values = json::array();
        for (const auto& v : f.values) {
            json value = {{"value", v.value}, {"count", v.count}};
            if (v.share) {
                value["articles"] = v.articles;
                value["share"] = v.articles ? json(*v.share) : json(nullptr); // nothing to share
            }
            values.push_back(value);
        }
        json entry = {{"values", values}, {"distinct", f.distinct}};
        if (!f.interval.empty()) entry["interval"] = f.interval;
        facets[f.name] = entry;
    }
    return facets;
}

json summary_json(const SearchRequest& q, const SearchResult& r)
{
    return {{"schema_version", kJsonSchemaVersion},
            {"query", q.query},
            {"matches", r.matches},
            {"stories", r.stories},
            {"events", r.events},
            {"matches_exact", r.exact},
            {"collapsed", q.collapse},
            {"grouped_by", q.group_events ? "events" : q.collapse ? "stories" : "none"},
            {"facets_count", q.count_events ? "events" : q.count_stories ? "stories" : "copies"},
            {"elapsed_ms", r.elapsed_ms},
            {"partial", r.partial},
            {"partial_reason", or_null(r.partial_reason)},
            {"offset", q.offset},
            {"limit", q.limit},
            {"sort", sort_name(q.sort)},
            {"suggestion", or_null(r.suggestion)}};
}

// Text is for terminals: everything that came from an article (or from the
// query) goes through terminal_safe, our own highlight escapes do not.
void write_text(std::ostream& out, const OutputStyle& style, const SearchRequest& q, const SearchResult& r)
{
    auto safe = [](const std::string& s) { return terminal_safe(s); };
    char ms[32];
    std::snprintf(ms, sizeof ms, "%.1f", r.elapsed_ms);
    out << (r.exact ? "" : "about ") << r.matches << (r.matches == 1 ? " match" : " matches")
        << (r.exact ? "" : " (estimate)");
    if (r.stories != r.matches) out << " (" << r.stories << (r.stories == 1 ? " story" : " stories") << ")";
    if (q.group_events || q.count_events) out << " (" << r.events << (r.events == 1 ? " event" : " events") << ")";
    out << " in " << ms << " ms";
    if (!r.hits.empty()) out << ", showing " << r.hits.front().rank << "-" << r.hits.back().rank;
    out << "\n";
    if (r.partial) out << "Partial answer: " << r.partial_reason << "\n";
    if (!r.suggestion.empty()) out << "Did you mean: " << safe(r.suggestion) << "\n";
    const std::string open = style.terminal ? "\033[1m" : "[";
    const std::string close = style.terminal ? "\033[0m" : "]";
    for (const auto& h : r.hits) {
        out << "\n" << h.rank << ". " << (style.terminal ? open : "") << safe(h.title) << (style.terminal ? close : "")
            << "\n   ";
        std::string meta;
        for (const std::string* f : {&h.outlet, &h.date, &h.dateline, &h.section})
            if (!f->empty()) meta += (meta.empty() ? "" : " | ") + safe(*f);
        out << meta << (meta.empty() ? "" : "  ") << "[" << safe(h.id) << "]\n";
        if (!h.snippet.text.empty()) {
            Snippet shown{safe(h.snippet.text), h.snippet.highlights};
            out << "   " << mark_highlights(shown, open, close) << "\n";
        }
        if (h.copies > 0) {
            out << "   also carried by " << h.copies;
            for (size_t i = 0; i < h.also_carried_by.size(); ++i) out << (i ? ", " : ": ") << safe(h.also_carried_by[i]);
            out << "\n";
        }
        if (q.group_events && h.event_reports > 1) {
            out << "   event reported " << h.event_reports << " times, earliest first:\n";
            for (const auto& rep : h.reports)
                out << "     " << (rep.date.empty() ? "----------" : rep.date) << "  " << safe(rep.outlet) << "  [" << safe(rep.id)
                    << "]  " << safe(rep.title) << "\n";
        }
        if (!h.url.empty()) out << "   " << safe(h.url) << "\n";
        const std::string source = hit_source_text(h);
        if (!source.empty()) out << "   " << safe(source) << "\n";
    }
    bool header = false;
    for (const auto& f : r.facets) {
        if (f.values.empty()) continue;
        if (!header) out << "\n";
        header = true;
        out << f.name << (f.interval.empty() ? "" : " (by " + f.interval + ")") << ":";
        for (const auto& v : f.values) {
            out << "  " << safe(v.value) << " (" << v.count;
            if (v.share && v.articles) {
                char pct[32];
                std::snprintf(pct, sizeof pct, "%.2f%%", *v.share * 100);
                out << ", " << pct << " of " << v.articles;
            }
            out << ")";
        }
        if (f.distinct > f.values.size()) out << "  ... " << f.distinct - f.values.size() << " more";
        out << "\n";
    }
}

json related_doc(const RelatedRequest& q, const RelatedResult& r)
{
    json related = json::array();
    for (size_t i = 0; i < r.related.size(); ++i) {
        const auto& x = r.related[i];
        related.push_back({{"rank", i + 1}, {"id", x.id}, {"title", x.title}, {"outlet", or_null(x.outlet)},
                           {"date", or_null(x.date)}, {"score", x.score}, {"same_event", x.same_event}});
    }
    return {{"schema_version", kJsonSchemaVersion},
            {"id", r.id},
            {"title", r.title},
            {"outlet", or_null(r.outlet)},
            {"date", or_null(r.date)},
            {"event", or_null(r.event)},
            {"window_days", q.window_days},
            {"per_outlet", q.per_outlet},
            {"terms", r.terms},
            {"related", related}};
}

} // namespace

bool parse_output_format(const std::string& name, OutputFormat* out)
{
    if (name == "text") *out = OutputFormat::text;
    else if (name == "json") *out = OutputFormat::json;
    else if (name == "jsonl") *out = OutputFormat::jsonl;
    else if (name == "csv") *out = OutputFormat::csv;
    else return false;
    return true;
}

void write_result(std::ostream& out, OutputFormat format, const OutputStyle& style, const SearchRequest& q,
                  const SearchResult& r)
{
    switch (format) {
    case OutputFormat::text:
        write_text(out, style, q, r);
        return;
    case OutputFormat::json: {
        json doc = summary_json(q, r);
        json hits = json::array();
        for (const auto& h : r.hits) hits.push_back(hit_json(h, q.group_events));
        doc["hits"] = hits;
        doc["facets"] = facets_json(r);
        out << json_document(doc) << "\n";
        return;
    }
    case OutputFormat::jsonl: {
        for (const auto& h : r.hits) {
            json line = hit_json(h, q.group_events);
            line["type"] = "hit";
            out << json_line(line) << "\n";
        }
        json last = summary_json(q, r);
        last["type"] = "summary";
        last["facets"] = facets_json(r);
        out << json_line(last) << "\n";
        return;
    }
    case OutputFormat::csv:
        out << "rank,id,title,outlet,date,dateline,section,url,score,snippet\n";
        for (const auto& h : r.hits) {
            char score[32];
            std::snprintf(score, sizeof score, "%.4f", h.score);
            out << h.rank << ',' << csv_field(h.id) << ',' << csv_field(h.title) << ',' << csv_field(h.outlet) << ','
                << h.date << ',' << csv_field(h.dateline) << ',' << csv_field(h.section) << ',' << csv_field(h.url)
                << ',' << score << ',' << csv_field(h.snippet.text) << "\n";
        }
        return;
    }
}


std::string related_json(const RelatedRequest& q, const RelatedResult& r)
{
    return json_line(related_doc(q, r));
}

void write_related(std::ostream& out, OutputFormat format, const RelatedRequest& q, const RelatedResult& r)
{
    if (format != OutputFormat::text) {
        out << json_document(related_doc(q, r)) << "\n";
        return;
    }
    out << "Coverage related to [" << r.id << "] " << r.title << "\n   ";
    for (const std::string* f : {&r.outlet, &r.date})
        if (!f->empty()) out << *f << "  ";
    out << "(other outlets, within " << q.window_days << " days)\n";
    if (r.related.empty()) out << "\nnone found\n";
    for (size_t i = 0; i < r.related.size(); ++i) {
        const auto& x = r.related[i];
        char score[32];
        std::snprintf(score, sizeof score, "%.2f", x.score);
        out << "\n" << i + 1 << ". " << x.title << "\n   " << (x.outlet.empty() ? "(no outlet)" : x.outlet) << " | "
            << (x.date.empty() ? "undated" : x.date) << "  [" << x.id << "]  score " << score
            << (x.same_event ? "  same event" : "") << "\n";
    }
}

} // namespace morgue
