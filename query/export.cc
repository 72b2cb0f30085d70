#include "query/export.h"

#include "common/codec.h"
#include "query/csv.h"
#include "query/output_json.h"
#include "common/dates.h"
#include "common/reader.h"
#include "common/schema.h"

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <iostream>
#include <memory>

namespace morgue {

namespace {

using json = nlohmann::ordered_json;

const char* const kCsvHeader =
    "id,title,outlet,date,dateline,section,authors,language,wire,kind,url,source_file,source_line,cluster,copies,event\n";

// Documents after `last` only: with an unweighted match in ascending docid
// order the matcher stops once a chunk is full (on a single database), so
// a chunk costs a walk to its start, not a ranking of every match.
class After : public Xapian::MatchDecider {
public:
    explicit After(Xapian::docid last) : last_(last) {}
    bool operator()(const Xapian::Document& doc) const override { return doc.get_docid() > last_; }

private:
    Xapian::docid last_;
};

// One exported row. The event column waits for the index to carry events:
// it is empty (null) until then.
std::string row(const Article& a, const std::string& cluster, Xapian::doccount copies, OutputFormat format)
{
    const std::string date = a.date ? format_date(*a.date) : "";
    if (format == OutputFormat::jsonl) {
        json j = {{"type", "article"},          {"id", a.id},
                  {"title", a.title},           {"outlet", or_null(a.outlet)},
                  {"date", or_null(date)},      {"dateline", or_null(a.dateline)},
                  {"section", or_null(a.section)}, {"authors", a.authors},
                  {"language", or_null(a.language)}, {"wire", or_null(a.wire)},
                  {"kind", a.kind},             {"url", or_null(a.url)},
                  {"source_file", or_null(a.source_file)},
                  {"source_line", a.source_line ? json(a.source_line) : json(nullptr)},
                  {"cluster", or_null(cluster)}, {"copies", copies},
                  {"event", nullptr}};
        return json_line(j) + "\n";
    }
    std::string authors;
    for (const auto& au : a.authors) authors += (authors.empty() ? "" : "; ") + au;
    std::string out;
    for (const std::string* f : std::initializer_list<const std::string*>{&a.id, &a.title, &a.outlet, &date, &a.dateline, &a.section, &authors, &a.language,
                                 &a.wire, &a.kind, &a.url, &a.source_file})
        out += csv_field(*f) + ",";
    out += (a.source_line ? std::to_string(a.source_line) : "") + "," + cluster + "," + std::to_string(copies) + ",\n";
    return out;
}

Xapian::Enquire unweighted(const Xapian::Database& db, const Xapian::Query& q)
{
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    return enquire;
}

} // namespace

Status count_matches(Xapian::Database& db, const SearchRequest& req, Xapian::doccount* out)
{
    BuiltQuery bq;
    Status s = build_query(req.query, req.options, &bq);
    if (!s.ok()) return s;
    return with_reopen(db, req.db, "counting matches in " + req.db, [&] {
        *out = unweighted(db, bq.query).get_mset(0, 0, db.get_doccount()).get_matches_estimated();
        return Status::Ok();
    });
}

Status export_matches(Xapian::Database& db, const SearchRequest& req, OutputFormat format, const ExportSink& sink,
                      const ExportProgress& progress, Xapian::doccount chunk_size)
{
    if (format != OutputFormat::csv && format != OutputFormat::jsonl)
        return Status::Usage("an export is CSV or JSON Lines");
    BuiltQuery bq;
    Status s = build_query(req.query, req.options, &bq);
    if (!s.ok()) return s;
    if (format == OutputFormat::csv && !sink(kCsvHeader)) return Status::Ok();
    std::string uuid;
    Xapian::docid last = 0;
    Xapian::doccount rows = 0;
    for (bool more = true; more;) {
        std::string chunk;
        Xapian::docid chunk_last = last;
        Xapian::doccount chunk_rows = 0;
        s = with_reopen(db, req.db, "exporting from " + req.db, [&]() -> Status {
            chunk.clear();
            chunk_last = last;
            chunk_rows = 0;
            // --update keeps document ids; a rebuild renumbers them.
            if (uuid.empty()) uuid = db.get_uuid();
            else if (db.get_uuid() != uuid)
                return Status::IOError("the database was rebuilt during the export; run it again");
            After after(last);
            Xapian::MSet mset = unweighted(db, bq.query).get_mset(0, chunk_size, 0, nullptr, &after);
            for (auto it = mset.begin(); it != mset.end(); ++it) {
                Xapian::Document doc = it.get_document();
                Article a;
                Status rs = read_article(doc, &a);
                if (!rs.ok()) return Status::IOError("document " + std::to_string(*it) + ": " + rs.message());
                const std::string cluster = doc.get_value(schema::slot_cluster);
                Xapian::doccount copies = 0;
                if (!cluster.empty()) copies = db.get_termfreq(schema::prefix::copy_cluster + cluster) - 1;
                chunk += row(a, cluster, copies, format);
                chunk_last = *it;
                ++chunk_rows;
            }
            more = mset.size() == chunk_size;
            return Status::Ok();
        });
        if (!s.ok()) return s;
        last = chunk_last;
        rows += chunk_rows;
        if (!chunk.empty() && !sink(chunk)) return Status::Ok();
        if (progress) progress(rows);
    }
    if (format == OutputFormat::jsonl) {
        json summary = {{"type", "summary"}, {"schema_version", kJsonSchemaVersion}, {"query", req.query}, {"rows", rows}};
        sink(json_line(summary) + "\n");
    }
    return Status::Ok();
}

Status export_all(const SearchRequest& req, OutputFormat format, std::ostream& out, bool show_progress)
{
    std::unique_ptr<Xapian::Database> db;
    Status s = open_for_query(req, &db);
    if (!s.ok()) return s;
    Xapian::doccount total = 0;
    if (show_progress) {
        s = count_matches(*db, req, &total);
        if (!s.ok()) return s;
    }
    ExportProgress progress;
    if (show_progress)
        progress = [total](Xapian::doccount rows) {
            std::cerr << "\rmorgue-query: exported " << rows << " of " << total << std::flush;
        };
    s = export_matches(*db, req, format, [&](const std::string& piece) { return static_cast<bool>(out << piece); },
                       progress);
    if (show_progress) std::cerr << "\n";
    out.flush();
    if (s.ok() && !out) return Status::IOError("cannot write the export (disk full, or the reader went away)");
    return s;
}

} // namespace morgue
