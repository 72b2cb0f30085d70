#include "output.h"

#include "utf8.h"
#include "csv.h"
#include "hit_source.h"

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

json or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json hit_json(const Hit& h)
{
    json highlights = json::array();
    for (const auto& [a, b] : h.snippet.highlights) highlights.push_back({a, b});
    return {{"rank", h.rank},          {"id", h.id},
            {"title", h.title},        {"outlet", or_null(h.outlet)},
            {"date", or_null(h.date)}, {"dateline", or_null(h.dateline)},
            {"section", or_null(h.section)}, {"authors", h.authors},
            {"language", or_null(h.language)}, {"kind", h.kind},
            {"url", or_null(h.url)},   {"score", h.score},
            {"snippet", h.snippet.text}, {"highlights", highlights},
            {"cluster", or_null(h.cluster)}, {"copies", h.copies}, {"also_carried_by", h.also_carried_by},
            {"source", hit_source_json(h)}, {"extracted", hit_extracted_json(h)}};
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
            {"matches_exact", r.exact},
            {"collapsed", q.collapse},
            {"facets_count", q.count_stories ? "stories" : "copies"},
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
void write_text(std::ostream& out, const OutputStyle& style, const SearchResult& r)
{
    auto safe = [](const std::string& s) { return terminal_safe(s); };
    char ms[32];
    std::snprintf(ms, sizeof ms, "%.1f", r.elapsed_ms);
    out << (r.exact ? "" : "about ") << r.matches << (r.matches == 1 ? " match" : " matches")
        << (r.exact ? "" : " (estimate)");
    if (r.stories != r.matches) out << " (" << r.stories << (r.stories == 1 ? " story" : " stories") << ")";
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
        write_text(out, style, r);
        return;
    case OutputFormat::json: {
        json doc = summary_json(q, r);
        json hits = json::array();
        for (const auto& h : r.hits) hits.push_back(hit_json(h));
        doc["hits"] = hits;
        doc["facets"] = facets_json(r);
        out << doc.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
        return;
    }
    case OutputFormat::jsonl: {
        for (const auto& h : r.hits) {
            json line = hit_json(h);
            line["type"] = "hit";
            out << line.dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
        }
        json last = summary_json(q, r);
        last["type"] = "summary";
        last["facets"] = facets_json(r);
        out << last.dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
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

} // namespace morgue
