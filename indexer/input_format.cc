#include "indexer/input_format.h"

#include <nlohmann/json.hpp>

namespace morgue {

namespace {

bool has_suffix(std::string_view s, std::string_view suffix)
{
    return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

} // namespace

NamedFormat format_by_name(std::string_view name)
{
    // One layer: the reader decompresses once, by the data's magic number.
    for (std::string_view z : {".zst", ".gz"})
        if (has_suffix(name, z)) {
            name.remove_suffix(z.size());
            break;
        }
    static constexpr std::pair<std::string_view, NamedFormat> kExtensions[] = {
        {".jsonl", NamedFormat::jsonl},
        {".ndjson", NamedFormat::jsonl},
        {".json", NamedFormat::json},
        {".txt", NamedFormat::text_page},
    };
    for (const auto& [ext, format] : kExtensions)
        if (has_suffix(name, ext)) return format;
    return NamedFormat::none;
}

InputFormat detect_format(std::string_view path, std::string_view head)
{
    switch (format_by_name(path)) {
    case NamedFormat::jsonl: return InputFormat::jsonl;
    case NamedFormat::text_page: return InputFormat::text_page;
    case NamedFormat::json:
    case NamedFormat::none: break;
    }
    size_t first = head.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos || (head[first] != '{' && head[first] != '['))
        return InputFormat::text_page;
    size_t nl = head.find('\n', first);
    if (head[first] == '{' && nl != std::string_view::npos &&
        nlohmann::json::accept(head.substr(first, nl - first)))
        return InputFormat::jsonl;
    return InputFormat::json_document;
}

} // namespace morgue
