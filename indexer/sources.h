// Expanding the SOURCES of the command line into the inputs to read.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace morgue {

struct Input {
    std::string path; // "-" for standard input
    uint64_t size = 0; // bytes on disk, 0 when unknown (stdin)
};

struct SourceError {
    std::string path;    // the source, or the directory inside it, that failed
    std::string message; // "PATH: no such file or directory", ...
};

struct ExpandedSources {
    std::vector<Input> inputs;
    std::vector<SourceError> errors;
};

// Files are taken as named, whatever their extension; directories are walked
// recursively (in name order) for article files: *.jsonl, *.ndjson, *.json,
// *.txt, each optionally compressed (.zst, .gz): the names format_by_name
// (input_format.h) knows. Hidden files are skipped;
// a directory that cannot be read is an error (its articles would otherwise
// silently go missing from the archive).
ExpandedSources expand_sources(const std::vector<std::string>& sources);

// True when a directory walk should pick up `name`.
bool looks_like_article_file(const std::string& name);

} // namespace morgue
