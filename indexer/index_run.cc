#include "indexer/index_run.h"

#include "indexer/article_writer.h"
#include "indexer/byte_stream.h"
#include "indexer/dictionary_sample.h"
#include "indexer/input_format.h"
#include "indexer/interrupt.h"
#include "indexer/json_lines_input.h"
#include "indexer/line_reader.h"
#include "indexer/page_input.h"
#include "indexer/run_report.h"
#include "indexer/sources.h"
#include "indexer/utf8.h"

#include <new>
#include <unordered_set>

namespace morgue {

namespace {

// One run: reads each input in turn and hands it to the reader its format
// needs; the writer puts the articles in the database.
class Run {
public:
    Run(const IndexOptions& o, IndexSummary* s) : opt_(o), report_(*s, o.quiet), writer_(o, report_) {}

    Status go()
    {
        IndexSummary& sum = report_.summary();
        ExpandedSources src = expand_sources(opt_.sources);
        for (const auto& e : src.errors) {
            (void)report_.failed(e.message);
            sum.failed_inputs.push_back(e.path);
        }
        uint64_t total = 0;
        for (const auto& in : src.inputs) total += in.size;
        report_.start_progress(opt_.progress && !opt_.quiet, total);

        learn_furniture(src.inputs, opt_.max_article_bytes, &furniture_);
        Status s = opt_.explain ? Status::Ok() : writer_.open();
        if (s.ok() && !opt_.explain)
            s = writer_.choose_dictionary(
                [&] { return sample_articles(src.inputs, writer_.prepare_options(), opt_.max_article_bytes); });
        if (!s.ok()) return s;

        std::unordered_set<std::string> fully_read; // inputs read without any failure
        for (const auto& in : src.inputs) {
            if (stop_requested()) break;
            uint64_t failed_before = sum.failed;
            s = index_input(in.path);
            if (sum.failed == failed_before) fully_read.insert(in.path);
            else sum.failed_inputs.push_back(in.path);
            report_.input_done();
            if (!s.ok()) break; // a database failure: stop, keep what was committed
        }
        if (s.ok() && opt_.prune && !stop_requested()) s = writer_.prune(src, fully_read);
        Status c = writer_.finish();
        if (s.ok()) s = c;
        sum.seconds = report_.finish();
        sum.interrupted = stop_requested();
        if (!s.ok()) return s;
        if (stop_requested())
            return Status::Interrupted("interrupted: everything read before the stop was committed; "
                                       "run the same command again to finish");
        size_t unknown = 0;
        for (const auto& f : sum.failed_inputs) unknown += opt_.known_bad.count(f) == 0;
        if (unknown) return Status::InvalidInput(std::to_string(unknown) + " input(s) failed");
        return Status::Ok(); // none, or only inputs known to be bad
    }

private:
    Status index_input(const std::string& path)
    {
        OpenedInput in;
        Status s = open_input(path, &in);
        if (!s.ok()) return report_.failed(s.message());
        report_.reading(in.raw_bytes_read);
        LineReader reader(*in.stream, opt_.max_article_bytes);
        std::string_view head;
        s = reader.peek(1 << 16, &head);
        if (!s.ok() && stop_requested()) return Status::Ok();
        if (!s.ok()) return report_.failed(input_place(path, 1), s.message());
        if (head.empty()) return report_.failed(path, "empty file, nothing to index");
        InputFormat format = detect_format(path, head);
        // JSON Lines are judged line by line: a stray NUL fails its line only.
        if (format != InputFormat::jsonl && head.find('\0') != std::string_view::npos)
            return report_.failed(path, "binary file (it contains NUL bytes), not indexed");
        switch (format) {
        case InputFormat::jsonl: return index_json_lines(path, reader, opt_, writer_, report_);
        case InputFormat::json_document: return index_whole(path, reader, true);
        case InputFormat::text_page: return index_whole(path, reader, false);
        }
        return Status::Ok();
    }

    // A JSON document or a page: read whole, within --max-article-size.
    Status index_whole(const std::string& path, LineReader& reader, bool json)
    {
        std::string text;
        bool too_big = false;
        Status s = reader.read_rest(opt_.max_article_bytes, &text, &too_big);
        if (!s.ok() && stop_requested()) return Status::Ok();
        if (!s.ok()) return report_.failed(path, s.message());
        if (too_big)
            return report_.failed(path, "larger than the limit of " + std::to_string(opt_.max_article_bytes) +
                                            " bytes (--max-article-size), skipped");
        if (json) {
            PreparedRecord r =
                prepare_json_record(path, 0, text, {}, writer_.prepare_options(), writer_.builder());
            return writer_.write_record(path, r);
        }
        // Whatever goes wrong reading one page costs that page, not the run.
        try {
            return index_page(path, text);
        } catch (const std::bad_alloc&) {
            return report_.failed(path, "page not indexed: out of memory");
        } catch (const std::exception& e) {
            return report_.failed(path, std::string("page not indexed: ") + e.what());
        }
    }

    Status index_page(const std::string& path, std::string& text)
    {
        if (size_t bad = repair_utf8(text))
            report_.warn(path, std::to_string(bad) + " invalid UTF-8 byte(s) replaced by U+FFFD");
        std::vector<Article> articles;
        Status s = page_articles(path, text, crawl_time_of(path, opt_.crawl_time), &furniture_, &articles);
        if (!s.ok()) return report_.failed(path, s.message());
        for (Article& a : articles) {
            s = writer_.add(std::move(a));
            if (!s.ok()) return s;
        }
        return Status::Ok();
    }

    const IndexOptions& opt_;
    RunReport report_;
    ArticleWriter writer_;
    FurnitureModel furniture_;
};

} // namespace

Status run_index(const IndexOptions& options, IndexSummary* summary)
{
    Run run(options, summary);
    return run.go();
}

} // namespace morgue
