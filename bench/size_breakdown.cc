// Where a database's bytes go, for scripts/bench-size: the size of each glass
// table, then per term prefix (distinct terms, postings, positions, bytes of
// the terms themselves) and per value slot (documents, bytes). Counts alone
// do not say what a prefix costs on disk (a unique term costs a B-tree item
// in the postlist table, an entry in every termlist holding it, and one
// position-table item per document it has positions in), so `--without
// SPEC` measures it: the database is copied document by document (same
// docids, same wdf and positions) leaving out what SPEC names, compacted,
// and compared with a copy that leaves out nothing.
//   SPEC = PREFIX (its terms: XB, XR, S, ...; "text" for the unprefixed
//          free text), pos:PREFIX (only its positions), slot:N (a value slot)
//
// Usage: morgue-bench-size DB [--without SPEC]...
#include "common/database.h"
#include "common/xapian_error.h"

#include <xapian.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using namespace morgue;

namespace {

// A term's prefix by Xapian's convention as the schema uses it: "X" and one
// more capital, else one capital; lower case, digits and the rest are free
// text. (Raw hash bytes after a prefix may look like capitals: X-prefixes
// are all two letters, so they are cut there.)
std::string group_of(const std::string& t)
{
    if (t.empty() || t[0] < 'A' || t[0] > 'Z') return "text";
    if (t[0] == 'X' && t.size() > 1) return t.substr(0, 2);
    return t.substr(0, 1);
}

struct Spec {
    std::string group;          // drop this prefix's terms
    std::string positions_of;   // drop this prefix's positions
    int slot = -1;              // drop this value slot
    std::string text;
};

Spec parse_spec(const std::string& s)
{
    Spec out;
    out.text = s;
    if (s.rfind("pos:", 0) == 0) out.positions_of = s.substr(4);
    else if (s.rfind("slot:", 0) == 0) out.slot = std::stoi(s.substr(5));
    else out.group = s;
    return out;
}

std::map<std::string, uintmax_t> table_sizes(const fs::path& dir)
{
    std::map<std::string, uintmax_t> out;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.is_regular_file()) out[e.path().stem().string()] += e.file_size();
    return out;
}

void stats(const Xapian::Database& db)
{
    struct Group {
        uintmax_t terms = 0, postings = 0, positions = 0, term_bytes = 0;
    };
    std::map<std::string, Group> groups;
    for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) {
        Group& g = groups[group_of(*t)];
        ++g.terms;
        g.postings += t.get_termfreq();
        g.term_bytes += (*t).size();
    }
    std::map<Xapian::valueno, std::pair<uintmax_t, uintmax_t>> slots; // documents, bytes
    for (auto d = db.postlist_begin(""); d != db.postlist_end(""); ++d) {
        Xapian::Document doc = db.get_document(*d);
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
            groups[group_of(*t)].positions += t.positionlist_count();
        for (auto v = doc.values_begin(); v != doc.values_end(); ++v) {
            ++slots[v.get_valueno()].first;
            slots[v.get_valueno()].second += (*v).size();
        }
    }
    std::printf("%d documents\n%-8s %10s %10s %11s %12s\n", static_cast<int>(db.get_doccount()), "prefix", "terms",
                "postings", "positions", "term bytes");
    for (const auto& [name, g] : groups)
        std::printf("%-8s %10ju %10ju %11ju %12ju\n", name.c_str(), g.terms, g.postings, g.positions, g.term_bytes);
    std::printf("%-8s %10s %12s\n", "slot", "documents", "bytes");
    for (const auto& [slot, v] : slots) std::printf("%-8u %10ju %12ju\n", slot, v.first, v.second);
}

// `db` copied without what `spec` names, compacted into `out`.
void copy_without(const Xapian::Database& db, const Spec& spec, const fs::path& out)
{
    const fs::path tmp = out.string() + ".copy";
    {
        Xapian::WritableDatabase w(tmp.string(), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
        for (auto d = db.postlist_begin(""); d != db.postlist_end(""); ++d) {
            Xapian::Document in = db.get_document(*d), doc;
            for (auto t = in.termlist_begin(); t != in.termlist_end(); ++t) {
                const std::string term = *t, group = group_of(term);
                if (group == spec.group) continue;
                if (group != spec.positions_of)
                    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) doc.add_posting(term, *p, 0);
                if (t.get_wdf() > 0) doc.add_term(term, t.get_wdf());
                else doc.add_boolean_term(term);
            }
            for (auto v = in.values_begin(); v != in.values_end(); ++v)
                if (static_cast<int>(v.get_valueno()) != spec.slot) doc.add_value(v.get_valueno(), *v);
            doc.set_data(in.get_data());
            w.replace_document(*d, doc);
        }
        for (auto k = db.metadata_keys_begin(); k != db.metadata_keys_end(); ++k) w.set_metadata(*k, db.get_metadata(*k));
        for (auto s = db.spellings_begin(); s != db.spellings_end(); ++s) w.add_spelling(*s, s.get_termfreq());
        w.commit();
    }
    Xapian::Database(tmp.string()).compact(out.string());
    fs::remove_all(tmp);
}

uintmax_t total_of(const std::map<std::string, uintmax_t>& t)
{
    uintmax_t total = 0;
    for (const auto& [name, bytes] : t) total += bytes;
    return total;
}

// One line of table sizes in MB, and what it saves against `base`.
void print_sizes(const std::string& label, const std::map<std::string, uintmax_t>& t,
                 const std::map<std::string, uintmax_t>* base)
{
    std::printf("%-14s", label.c_str());
    for (const auto& [name, bytes] : t) std::printf(" %s %.2f", name.c_str(), static_cast<double>(bytes) / 1e6);
    std::printf("  total %.2f MB", static_cast<double>(total_of(t)) / 1e6);
    if (base) std::printf("  saves %.2f MB", (static_cast<double>(total_of(*base)) - static_cast<double>(total_of(t))) / 1e6);
    std::printf("\n");
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::cerr << "usage: morgue-bench-size DB [--without PREFIX|pos:PREFIX|slot:N]...\n";
        return 2;
    }
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // each copy's line as it is measured (copies take minutes)
    const std::string path = argv[1];
    std::vector<Spec> specs;
    for (int i = 2; i < argc; ++i) {
        if (std::string(argv[i]) != "--without" || i + 1 == argc) {
            std::cerr << "morgue-bench-size: unknown argument " << argv[i] << "\n";
            return 2;
        }
        specs.push_back(parse_spec(argv[++i]));
    }
    std::unique_ptr<Xapian::Database> db;
    Status s = open_readable(path, &db);
    if (s.ok()) s = guard_xapian("measuring " + path, [&]() -> Status {
        if (fs::is_directory(path)) print_sizes("tables MB", table_sizes(path), nullptr);
        stats(*db);
        if (specs.empty()) return Status::Ok();
        const fs::path work = fs::temp_directory_path() / ("morgue-bench-size-" + std::to_string(::getpid()));
        fs::create_directories(work);
        copy_without(*db, Spec{}, work / "all");
        const auto base = table_sizes(work / "all");
        print_sizes("copy", base, nullptr);
        for (const Spec& spec : specs) {
            copy_without(*db, spec, work / "without");
            print_sizes("-" + spec.text, table_sizes(work / "without"), &base);
            fs::remove_all(work / "without");
        }
        fs::remove_all(work);
        return Status::Ok();
    });
    if (!s.ok()) {
        std::cerr << "morgue-bench-size: " << s.message() << "\n";
        return s.exit_code();
    }
    return 0;
}
