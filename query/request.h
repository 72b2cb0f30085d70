// One request to morgue-query, whichever front end it came by. The command
// line and the HTTP API each translate their own syntax into a RequestText;
// validate_request() alone decides what a request may ask and turns it into
// a Request. Its errors name the parameter at fault as a Param, which each
// front end spells its own way (--since on the command line, since in the
// API), so that a message names what its reader typed.
#pragma once

#include "query/output.h"
#include "query/related.h"
#include "query/search.h"
#include "common/status.h"

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace morgue {

// Every parameter either front end carries (filters apart: a filter's name
// is its field's).
enum class Param {
    query, since, until, sort, offset, limit, format, facets, facet_limit, interval, histogram,
    collapse, group, count, estimate, time_limit, window_days, per_outlet,
};

// The parameter's own name: the HTTP API's spelling ("q", "facet_limit", ...).
const char* param_name(Param p);

// What is asked for: a page of hits, every match (an export), the coverage
// related to an article, or the copies of its story.
enum class RequestKind { search, export_all, related, copies };

// A request as given, unchecked.
struct RequestText {
    RequestKind kind = RequestKind::search;
    std::string query; // the query text, "" for none
    std::string id;    // related and copies: the article
    // Filters given apart from the text: {field name, value} (QueryOptions::filters).
    std::vector<std::pair<std::string, std::string>> filters;
    // Every other parameter given, as typed; a switch as "true" or "false".
    // One left out takes its default here, not the front end's.
    std::map<Param, std::string> values;
};

// A checked request; what does not apply to its kind keeps its defaults.
struct Request {
    RequestKind kind = RequestKind::search;
    SearchRequest search;   // search and export_all (db left to the caller)
    RelatedRequest related; // related (db left to the caller)
    std::string id;         // copies
    OutputFormat format = OutputFormat::text;
};

// What one front end allows beyond the rules every request follows: the
// HTTP API bounds what a request may cost, a person at a terminal may ask
// for more.
struct RequestRules {
    std::string (*spell)(Param); // the parameter as the front end's user writes it
    size_t max_query_bytes;
    unsigned max_offset, max_limit, max_facet_limit, max_window_days, max_per_outlet;
};

// Checks `text` and fills *out; a usage Status naming the parameter at
// fault (*at_fault, when given) in rules.spell's words otherwise.
Status validate_request(const RequestText& text, const RequestRules& rules, Request* out, Param* at_fault = nullptr);

} // namespace morgue
