#include "indexer/article_parser.h"

#include "indexer/text.h"

#include "common/dates.h"
#include "common/hash.h"
#include "common/language_detect.h"
#include "common/text_normalise.h"

#include <nlohmann/json.hpp>

namespace morgue {
namespace {

using json = nlohmann::json;

// The first of `keys` that holds a non-empty string.
std::string first_string(const json& obj, std::initializer_list<const char*> keys)
{
    for (const char* k : keys) {
        auto it = obj.find(k);
        if (it != obj.end() && it->is_string() && !it->get_ref<const std::string&>().empty())
            return it->get<std::string>();
    }
    return {};
}

// A label field: one line, composed (NFC) as the text is, so that a filter
// typed with "é" matches an outlet the feed spelled with e + U+0301.
std::string label(std::string_view s) { return to_nfc(one_line(s)); }

std::string first_label(const json& obj, std::initializer_list<const char*> keys)
{
    return label(first_string(obj, keys));
}

} // namespace

Status article_from_json(const json& obj, Article* out, std::vector<std::string>* warnings)
{
    if (!obj.is_object()) return Status::InvalidInput("expected a JSON object");
    Article a;
    auto id = obj.find("id");
    if (id != obj.end()) {
        if (id->is_string()) a.id = id->get<std::string>();
        else if (id->is_number_integer()) a.id = std::to_string(id->get<long long>());
    }
    a.url = first_string(obj, {"url"});
    a.title = to_nfc(trim(first_string(obj, {"title", "headline"})));
    a.body = to_nfc(trim(first_string(obj, {"text", "maintext", "body", "content"})));
    if (a.title.empty() && a.body.empty()) return Status::InvalidInput("no title and no text");
    a.outlet = first_label(obj, {"outlet", "source"});
    if (a.outlet.empty()) a.outlet = host_of(first_label(obj, {"source_domain"}));
    a.section = first_label(obj, {"section"});
    a.dateline = first_label(obj, {"dateline"});
    a.language = first_label(obj, {"language", "lang"});
    if (a.language.empty()) {
        a.language = detect_language(a.title, a.body);
        a.provenance.emplace_back("language", "detected from the text");
    }

    auto authors = obj.find("authors");
    if (authors == obj.end()) authors = obj.find("author");
    auto add_author = [&](const std::string& name) {
        std::string s = label(name);
        if (!s.empty()) a.authors.push_back(std::move(s));
    };
    if (authors != obj.end()) {
        if (authors->is_string()) {
            add_author(authors->get_ref<const std::string&>());
        } else if (authors->is_array()) {
            for (const auto& v : *authors) {
                if (v.is_string()) add_author(v.get_ref<const std::string&>());
                else if (!v.is_null()) warnings->push_back("an author that is not a string was left out");
            }
        }
    }

    std::string date = first_string(obj, {"date", "date_publish", "published"});
    if (!date.empty()) {
        a.date = parse_iso_datetime(date);
        if (!a.date) warnings->push_back("unrecognised date '" + date + "'; indexed without a date");
    }
    *out = std::move(a);
    return Status::Ok();
}

Status article_from_text_page(std::string_view text, Article* out)
{
    Article a;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos) nl = text.size();
        std::string line = trim(text.substr(pos, nl - pos));
        pos = nl + 1;
        if (!line.empty()) {
            a.title = line;
            break;
        }
    }
    if (pos < text.size()) a.body = trim(text.substr(pos));
    if (a.title.empty()) return Status::InvalidInput("the page has no text");
    a.language = detect_language(a.title, a.body);
    *out = std::move(a);
    return Status::Ok();
}

std::string fallback_id(const Article& a)
{
    if (!a.url.empty()) return a.url;
    std::string key = a.outlet + '\n' + a.title + '\n' + (a.date ? std::to_string(*a.date) : "");
    if (a.source_line == 0) {
        // A page file: its name is part of its identity, as a url would be.
        size_t slash = a.source_file.rfind('/');
        key += '\n' + a.source_file.substr(slash == std::string::npos ? 0 : slash + 1);
    }
    return "h:" + hash128(key).hex();
}

} // namespace morgue
