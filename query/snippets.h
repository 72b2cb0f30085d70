// Snippets as plain text plus highlight ranges, so that each output format
// marks them its own way and no article HTML ever reaches a page raw.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace morgue {

struct Snippet {
    std::string text; // plain text, whitespace folded, not escaped
    // [start, end) of each highlighted match, in Unicode code points of text.
    std::vector<std::pair<size_t, size_t>> highlights;
};

// About `length` bytes of `text` around the best matches of the MSet's query,
// with the words whose stems are among `terms` highlighted. A long text is cut first to
// kSnippetScanBytes from a little before the first place one of `terms`
// (the query's stems) appears, so the cost stays bounded.
Snippet make_snippet(const Xapian::MSet& mset, const std::string& text, size_t length, const Xapian::Stem& stemmer,
                     const std::vector<std::string>& terms = {});

inline constexpr size_t kSnippetScanBytes = 2048;

// The part of `text` a snippet is looked for in (all of a short text).
std::string_view snippet_window(std::string_view text, const std::vector<std::string>& terms);

// Folds runs of whitespace (newlines included) into one space.
std::string fold_whitespace(const std::string& text);

// `s` with each highlight wrapped in `open` and `close`.
std::string mark_highlights(const Snippet& s, const std::string& open, const std::string& close);

} // namespace morgue
