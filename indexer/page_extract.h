// From a scraped news page to articles: the main story without the site's
// furniture, its metadata (each field with how it was found), and the
// related-story teasers that follow it as separate articles.
#pragma once

#include "common/article.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace morgue {

// Lines known to be site furniture wherever they appear (compared after
// folding case and whitespace). Kept short on purpose: recurring lines are
// found from the corpus itself (see FurnitureModel).
const std::vector<std::string>& known_furniture_lines();

// Lines that recur across the pages of one run are furniture: a short line
// (<= kMaxFurnitureLine bytes) found on at least kMinFurniturePages pages.
class FurnitureModel {
public:
    static constexpr size_t kMaxFurnitureLine = 80;
    static constexpr size_t kMinFurniturePages = 3;
    void add_page(std::string_view text);
    bool is_furniture(std::string_view line) const;

private:
    std::unordered_map<std::string, size_t> pages_with_line_;
};

struct ExtractedPage {
    Article main;
    std::vector<Article> teasers;
};

// `crawl_time` (seconds UTC) resolves "3 days ago"; `model` may be null.
ExtractedPage extract_page(std::string_view text, int64_t crawl_time, const FurnitureModel* model);

} // namespace morgue
