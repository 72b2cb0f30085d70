// The article model shared by the indexer and the query side.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace morgue {

struct Article {
    std::string id;          // stable unique id (see schema.h for how it is chosen)
    std::string kind = "article"; // "article" or "teaser" (a related-story teaser cut from a page)
    std::string title;
    std::string body;
    std::string outlet;      // the publishing site or paper, e.g. "Associated Press"
    std::string wire;        // wire credit when the story is syndicated: "AP", "Reuters", ...
    std::string dateline;    // the place the story was filed from, e.g. "Prague"
    std::string section;
    std::vector<std::string> authors;
    std::optional<int64_t> date; // publication time, seconds since 1970-01-01 UTC
    bool date_approximate = false; // resolved from "3 days ago" and the like
    std::string url;
    std::string language = "en"; // ISO 639-1
    std::string source_file;     // where it was read from
    uint64_t source_line = 0;    // 1-based line (JSON Lines) or 0 for whole-file inputs
    // How each extracted field was found, e.g. {"dateline", "opening 'PRAGUE (AP) —'"}.
    std::vector<std::pair<std::string, std::string>> provenance;
    std::string raw;             // the page as read, kept when extraction changed it

    bool operator==(const Article& o) const;
};

} // namespace morgue
