#include "indexer/dictionary_sample.h"

#include "common/codec.h"
#include "indexer/byte_stream.h"
#include "indexer/input_format.h"
#include "indexer/line_reader.h"

#include <sys/stat.h>

namespace morgue {

namespace {

class Sampler {
public:
    Sampler(const PrepareOptions& options, size_t articles, size_t bytes)
        : prep_(options), max_articles_(articles), max_bytes_(bytes)
    {
        prep_.build = prep_.copies = prep_.spelling = prep_.events = false; // the article is all we want
    }

    bool full() const { return out_.size() >= max_articles_ || bytes_ >= max_bytes_; }

    void add(const std::string& path, uint64_t line_no, std::string& text)
    {
        PreparedRecord r = prepare_json_record(path, line_no, text, {}, prep_, builder_);
        for (const auto& p : r.articles) {
            if (full()) return;
            out_.push_back(serialise_article(p.article));
            bytes_ += out_.back().size();
        }
    }

    std::vector<std::string> take() { return std::move(out_); }

private:
    PrepareOptions prep_;
    size_t max_articles_, max_bytes_;
    DocumentBuilder builder_;
    std::vector<std::string> out_;
    size_t bytes_ = 0;
};

} // namespace

std::vector<std::string> sample_articles(const std::vector<Input>& inputs, const PrepareOptions& options,
                                         size_t max_article_bytes, size_t articles, size_t bytes)
{
    Sampler sampler(options, articles, bytes);
    for (const auto& in : inputs) {
        if (sampler.full()) break;
        // Only files that can be read twice: a pipe's lines are the run's.
        struct stat st;
        if (in.path == "-" || ::stat(in.path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
        OpenedInput oi;
        if (!open_input(in.path, &oi).ok()) continue;
        LineReader reader(*oi.stream, max_article_bytes);
        std::string_view head;
        if (!reader.peek(1 << 16, &head).ok() || head.empty()) continue;
        InputFormat format = detect_format(in.path, head);
        std::string text;
        if (format == InputFormat::json_document) {
            bool too_big = false;
            if (reader.read_rest(max_article_bytes, &text, &too_big).ok() && !too_big)
                sampler.add(in.path, 0, text);
            continue;
        }
        if (format != InputFormat::jsonl) continue;
        LineReader::Result r;
        while (!sampler.full() && reader.next(&text, &r).ok() && r != LineReader::Result::eof)
            if (r == LineReader::Result::line) sampler.add(in.path, reader.line_number(), text);
    }
    return sampler.take();
}

} // namespace morgue
