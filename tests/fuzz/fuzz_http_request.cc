// libFuzzer: what a client sends, up to the search. The waiting room's
// framing of the raw bytes, then the request target's query string as the
// HTTP library decodes it, then /api/search's parameter parsing and the
// query built from them.
#include "query/api.h"
#include "query/request_frame.h"

#include <httplib.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    std::string_view raw(reinterpret_cast<const char*>(data), size);
    size_t length = 0;
    if (morgue::frame_request(raw, 16384, 65536, &length) == morgue::Frame::complete && length > raw.size())
        __builtin_trap();
    // "GET /api/search?QUERY HTTP/1.1": the query string is up to a space or line end.
    size_t q = raw.find('?');
    std::string query(q == std::string_view::npos ? raw : raw.substr(q + 1));
    query = query.substr(0, query.find_first_of(" \r\n"));
    httplib::Params params;
    httplib::detail::parse_query_text(query, params);
    morgue::SearchRequest req;
    if (!morgue::search_request_from_params(params, &req).ok()) return 0;
    morgue::BuiltQuery built;
    // A refused query is a fine outcome here; only a crash is not.
    if (!req.query.empty() || !req.options.filters.empty())
        static_cast<void>(morgue::build_query(req.query, req.options, &built));
    return 0;
}
