#include "query/assets.h"

namespace morgue {

const Asset* find_asset(std::string_view path)
{
    if (path == "/") path = "/index.html";
    for (size_t i = 0; i < kAssetCount; ++i)
        if (kAssets[i].path == path) return &kAssets[i];
    return nullptr;
}

} // namespace morgue
