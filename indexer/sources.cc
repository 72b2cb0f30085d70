#include "sources.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

namespace morgue {

static bool ends_with(const std::string& s, const std::string& suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool looks_like_article_file(const std::string& name)
{
    if (name.empty() || name[0] == '.') return false;
    std::string base = name;
    for (const char* z : {".zst", ".gz"})
        if (ends_with(base, z)) base.resize(base.size() - std::string(z).size());
    for (const char* ext : {".jsonl", ".ndjson", ".json", ".txt"})
        if (ends_with(base, ext)) return true;
    return false;
}

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
            out.errors.push_back(src + ": no such file or directory");
            continue;
        }
        if (fs::is_directory(st)) {
            std::vector<Input> found;
            fs::recursive_directory_iterator it(src, fs::directory_options::skip_permission_denied, ec), end;
            for (; !ec && it != end; it.increment(ec)) {
                std::string name = it->path().filename().string();
                if (it->is_directory(ec) && !name.empty() && name[0] == '.') {
                    it.disable_recursion_pending();
                    continue;
                }
                if (it->is_regular_file(ec) && looks_like_article_file(name))
                    found.push_back({it->path().string(), static_cast<uint64_t>(it->file_size(ec))});
            }
            if (ec) out.errors.push_back(src + ": " + ec.message());
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
