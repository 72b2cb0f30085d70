// The web front end's files (query/web/), compiled into the binary by
// cmake/EmbedAssets.cmake: the server serves these and nothing else from
// "disk", so no request path can reach another file.
#pragma once

#include <cstddef>
#include <string_view>

namespace morgue {

struct Asset {
    std::string_view path;         // "/app.js"
    std::string_view content_type; // "text/javascript; charset=utf-8"
    std::string_view body;
    std::string_view etag;         // quoted, for ETag / If-None-Match
};

extern const Asset kAssets[];
extern const size_t kAssetCount;

// The asset served at `path` ("/" is index.html), or nullptr.
const Asset* find_asset(std::string_view path);

} // namespace morgue
