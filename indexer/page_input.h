// Scraped pages as input: the furniture the run's pages share, and the
// articles one page holds (its main story, then its teasers).
#pragma once

#include "indexer/page_extract.h"
#include "indexer/sources.h"
#include "common/status.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace morgue {

// Pages of one run teach which short lines recur (site furniture): every
// .txt input of at most `max_bytes` is read once for it.
void learn_furniture(const std::vector<Input>& inputs, size_t max_bytes, FurnitureModel* model);

// What "3 days ago" on the page at `path` counts from: --crawl-time, else
// the file's modification time, else now.
int64_t crawl_time_of(const std::string& path, const std::optional<int64_t>& crawl_time);

// The articles of the page at `path`, the main story first. `text`, valid
// UTF-8, is put in NFC in place (the main story keeps it as its raw page).
// An error when the page holds no article.
Status page_articles(const std::string& path, std::string& text, int64_t crawl_time, const FurnitureModel* model,
                     std::vector<Article>* out);

} // namespace morgue
