#include "common/stats.h"

#include "common/database.h"
#include "common/dates.h"
#include "common/schema.h"
#include "common/xapian_error.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace fs = std::filesystem;

namespace morgue {

namespace {

// The directory holding the data: the database itself, or the generation a
// stub file names.
fs::path data_dir(const std::string& db)
{
    std::error_code ec;
    if (!fs::is_regular_file(db, ec)) return db;
    std::ifstream in(db);
    std::string kind, target;
    in >> kind >> target;
    fs::path t(target);
    return t.is_absolute() ? t : fs::path(db).parent_path() / t;
}

uint64_t size_on_disk(const fs::path& dir)
{
    uint64_t total = 0;
    std::error_code ec;
    for (const auto& e : fs::recursive_directory_iterator(dir, ec))
        if (e.is_regular_file(ec)) total += e.file_size(ec);
    return total;
}

} // namespace

Status database_stats(const std::string& path, nlohmann::ordered_json* out)
{
    std::unique_ptr<Xapian::Database> db;
    Status s = open_readable(path, &db);
    if (!s.ok()) return s;
    return guard_xapian("reading " + path, [&]() -> Status {
        nlohmann::ordered_json& j = *out;
        j = nlohmann::ordered_json::object();
        j["database"] = path;
        j["documents"] = db->get_doccount();
        j["articles"] = db->get_termfreq(schema::filter_term(schema::prefix::kind, "article"));
        j["teasers"] = db->get_termfreq(schema::filter_term(schema::prefix::kind, "teaser"));
        size_t outlets = 0;
        for (auto t = db->allterms_begin(schema::prefix::outlet); t != db->allterms_end(schema::prefix::outlet); ++t) ++outlets;
        j["outlets"] = outlets;
        j["languages"] = nlohmann::json::array();
        for (auto t = db->allterms_begin(schema::prefix::language); t != db->allterms_end(schema::prefix::language); ++t)
            j["languages"].push_back((*t).substr(1));
        std::string lo = db->get_value_lower_bound(schema::slot_date), hi = db->get_value_upper_bound(schema::slot_date);
        j["first_date"] = lo.empty() ? nlohmann::json(nullptr) : nlohmann::json(format_date(std::llround(Xapian::sortable_unserialise(lo))));
        j["last_date"] = hi.empty() ? nlohmann::json(nullptr) : nlohmann::json(format_date(std::llround(Xapian::sortable_unserialise(hi))));
        std::string last = db->get_metadata(schema::kLastUpdateKey);
        j["last_update"] = last.empty() ? nlohmann::json(nullptr) : nlohmann::json(last);
        j["size_bytes"] = size_on_disk(data_dir(path));
        j["schema_version"] = schema::kVersion;
        return Status::Ok();
    });
}

Status print_stats(const std::string& path, bool json, std::ostream& out)
{
    nlohmann::ordered_json j;
    Status s = database_stats(path, &j);
    if (!s.ok()) return s;
    if (json) {
        out << j.dump(2) << "\n";
        return Status::Ok();
    }
    for (auto& [k, v] : j.items()) {
        out << k << ": ";
        if (v.is_string()) out << v.get<std::string>();
        else if (v.is_array()) {
            std::string list;
            for (auto& x : v) list += (list.empty() ? "" : ", ") + x.get<std::string>();
            out << list;
        } else out << v.dump();
        out << "\n";
    }
    return Status::Ok();
}

void add_stats_options(boost::program_options::options_description& desc)
{
    desc.add_options()
        ("stats", "print what the database holds (articles, outlets, dates, last update, size) and exit")
        ("json", "with --stats: print JSON");
}

std::optional<int> answer_stats(const boost::program_options::variables_map& vm, CommonOptions& common,
                                const char* program)
{
    if (!vm.count("stats")) return std::nullopt;
    Status s = resolve_database(common);
    // morgue-query's --format json asks for JSON too.
    const bool json = vm.count("json") || (vm.count("format") && vm["format"].as<std::string>() == "json");
    if (s.ok()) s = print_stats(common.db, json, std::cout);
    if (!s.ok()) std::cerr << program << ": " << s.message() << "\n";
    return s.exit_code();
}

} // namespace morgue
