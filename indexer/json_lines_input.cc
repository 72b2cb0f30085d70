#include "indexer/json_lines_input.h"

#include "indexer/interrupt.h"
#include "indexer/ordered_pool.h"
#include "indexer/update_policy.h"

namespace morgue {

Status index_json_lines(const std::string& path, LineReader& reader, const IndexOptions& options,
                        ArticleWriter& writer, RunReport& report)
{
    // Lines known from a run of this build are skipped unparsed (UpdatePolicy).
    UpdatePolicy* policy = writer.policy();
    bool skip_known = false;
    if (options.update) {
        Status s = policy->read_by_this_build(path, &skip_known);
        if (!s.ok()) return s;
    }
    struct LineJob {
        uint64_t line_no = 0;
        std::string text, record;
    };
    const PrepareOptions& prep = writer.prepare_options();
    OrderedPool<LineJob, PreparedRecord, DocumentBuilder> pool(
        options.threads, 64 * options.threads, [&](LineJob& j, DocumentBuilder& builder) {
            return prepare_json_record(path, j.line_no, j.text, j.record, prep, builder);
        });
    // Writes every result due (all of them with `all`, else while the pool is full).
    auto drain = [&](bool all) -> Status {
        PreparedRecord r;
        while ((all || pool.full()) && pool.pop(&r)) {
            Status s = writer.write_record(path, r);
            if (!s.ok()) return s;
        }
        return Status::Ok();
    };
    std::string line;
    for (;;) {
        if (stop_requested()) return drain(true);
        LineReader::Result r;
        Status s = reader.next(&line, &r);
        if (!s.ok() && stop_requested()) return drain(true);
        if (!s.ok()) {
            Status w = drain(true);
            if (!w.ok()) return w;
            return report.failed(input_place(path, reader.line_number() + 1),
                                 s.message() + "; the lines before it were indexed");
        }
        if (r == LineReader::Result::eof) {
            s = drain(true);
            return s.ok() ? writer.read_to_end(path) : s;
        }
        if (r == LineReader::Result::too_long) {
            s = drain(true);
            if (!s.ok()) return s;
            (void)report.failed(input_place(path, reader.line_number()),
                                "record longer than the limit of " + std::to_string(options.max_article_bytes) +
                                    " bytes (--max-article-size), skipped");
            continue;
        }
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        std::string record = options.explain ? std::string() : UpdatePolicy::record_term(path, line);
        if (skip_known) {
            uint64_t known = 0;
            s = policy->known_record(record, &known);
            if (!s.ok()) return s;
            report.summary().unchanged += known;
            if (known) continue;
        }
        s = drain(false);
        if (!s.ok()) return s;
        pool.push({reader.line_number(), std::move(line), std::move(record)});
        line.clear();
    }
}

} // namespace morgue
