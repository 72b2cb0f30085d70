// libFuzzer: a scraped text page through the page extractor (headline,
// masthead, dateline, byline, date and teaser parsing), with and without a
// furniture model that has seen the page.
#include "indexer/article_parser.h"
#include "indexer/page_extract.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    std::string_view text(reinterpret_cast<const char*>(data), size);
    morgue::extract_page(text, 1700000000, nullptr);
    morgue::FurnitureModel model;
    for (int i = 0; i < 3; ++i) model.add_page(text);
    morgue::extract_page(text, 1700000000, &model);
    morgue::Article a;
    (void)morgue::article_from_text_page(text, &a);
    return 0;
}
