// The related-story teasers after a page's "Related Articles" marker, each
// an article of its own (kind "teaser").
#pragma once

#include "common/article.h"
#include "indexer/page_extract.h"

#include <cstdint>
#include <string>
#include <vector>

namespace morgue {

// `lines` are the page's (split_lines); the teaser section follows line
// `related`. Teasers get `language`.
std::vector<Article> extract_teasers(const std::vector<std::string>& lines, size_t related, int64_t crawl_time,
                                     const std::string& language, const FurnitureModel* model);

} // namespace morgue
