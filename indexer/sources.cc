#include "indexer/sources.h"

#include "indexer/input_format.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

namespace morgue {

bool looks_like_article_file(const std::string& name)
{
    if (name.empty() || name[0] == '.') return false;
    return format_by_name(name) != NamedFormat::none;
}

namespace {
// Walks `root` depth-first, directories in name order, so that inputs come in
// a stable order; every directory that cannot be listed is reported.
void walk(const fs::path& root, std::vector<Input>* found, std::vector<SourceError>* errors)
{
    std::error_code ec;
    fs::directory_iterator it(root, ec), end;
    std::vector<fs::directory_entry> entries;
    for (; !ec && it != end; it.increment(ec)) entries.push_back(*it);
    if (ec) {
        errors->push_back({root.string(), root.string() + ": cannot read directory: " + ec.message()});
        return;
    }
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.path() < b.path(); });
    for (const auto& e : entries) {
        std::string name = e.path().filename().string();
        if (e.is_directory(ec)) {
            // Linked directories are not followed (they may loop), as before.
            if (!name.empty() && name[0] != '.' && !e.is_symlink(ec)) walk(e.path(), found, errors);
        } else if (e.is_regular_file(ec) && looks_like_article_file(name)) {
            uint64_t size = e.file_size(ec);
            found->push_back({e.path().string(), ec ? 0 : size});
        }
    }
}
} // namespace

ExpandedSources expand_sources(const std::vector<std::string>& sources)
{
    ExpandedSources out;
    for (const std::string& src : sources) {
        if (src == "-") {
            out.inputs.push_back({src, 0});
            continue;
        }
        std::error_code ec;
        fs::file_status st = fs::status(src, ec);
        if (ec || !fs::exists(st)) {
            out.errors.push_back({src, src + ": no such file or directory"});
            continue;
        }
        if (fs::is_directory(st)) {
            std::vector<Input> found;
            walk(src, &found, &out.errors);
            std::sort(found.begin(), found.end(), [](const Input& a, const Input& b) { return a.path < b.path; });
            out.inputs.insert(out.inputs.end(), found.begin(), found.end());
        } else {
            uint64_t size = fs::is_regular_file(st) ? fs::file_size(src, ec) : 0;
            out.inputs.push_back({src, ec ? 0 : size});
        }
    }
    return out;
}

} // namespace morgue
