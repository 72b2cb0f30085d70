#include "indexer/page_input.h"

#include "indexer/article_parser.h"
#include "indexer/byte_stream.h"
#include "indexer/input_format.h"
#include "indexer/line_reader.h"
#include "common/text_normalise.h"

#include <ctime>
#include <sys/stat.h>

namespace morgue {

void learn_furniture(const std::vector<Input>& inputs, size_t max_bytes, FurnitureModel* model)
{
    for (const auto& in : inputs) {
        if (in.path == "-" || format_by_name(in.path) != NamedFormat::text_page) continue;
        OpenedInput oi;
        if (!open_input(in.path, &oi).ok()) continue;
        LineReader r(*oi.stream, max_bytes);
        std::string text;
        bool too_big = false;
        if (r.read_rest(max_bytes, &text, &too_big).ok() && !too_big) model->add_page(text);
    }
}

int64_t crawl_time_of(const std::string& path, const std::optional<int64_t>& crawl_time)
{
    if (crawl_time) return *crawl_time;
    struct stat st;
    if (path != "-" && ::stat(path.c_str(), &st) == 0) return static_cast<int64_t>(st.st_mtime);
    return static_cast<int64_t>(std::time(nullptr));
}

Status page_articles(const std::string& path, std::string& text, int64_t crawl_time, const FurnitureModel* model,
                     std::vector<Article>* out)
{
    text = to_nfc(text);
    Article probe;
    Status s = article_from_text_page(text, &probe);
    if (!s.ok()) return s;
    ExtractedPage page = extract_page(text, crawl_time, model);
    Article& a = page.main;
    if (a.title.empty()) a.title = probe.title; // nothing survived cleaning: keep the first line
    a.language = probe.language;
    a.source_file = path;
    a.raw = text; // the page as read, so extraction can be re-run and checked
    a.id = fallback_id(a);
    const std::string page_id = a.id;
    out->push_back(std::move(a));
    for (size_t i = 0; i < page.teasers.size(); ++i) {
        Article& t = page.teasers[i];
        t.id = page_id + "#teaser-" + std::to_string(i + 1);
        t.language = probe.language;
        t.source_file = path;
        out->push_back(std::move(t));
    }
    return Status::Ok();
}

} // namespace morgue
