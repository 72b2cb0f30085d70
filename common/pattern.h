// Regular expressions for text from outside (scraped pages, feed fields).
//
// They go through RE2, which runs in time linear in the text and in bounded
// stack: std::regex recursed once per character and a page with one 50 kB
// line overflowed the stack. Patterns and text are taken as bytes (RE2's
// Latin-1 mode), as std::regex took them, so a "–" in a pattern is its three
// UTF-8 bytes and a class like [^–] excludes those bytes.
#pragma once

#include <re2/re2.h>

#include <string>
#include <string_view>
#include <vector>

namespace morgue {

class Pattern {
public:
    struct Match {
        std::vector<re2::StringPiece> groups; // 0: the whole match
        bool matched(size_t i) const { return groups[i].data() != nullptr; }
        std::string str(size_t i) const
        {
            return matched(i) ? std::string(groups[i].data(), groups[i].size()) : std::string();
        }
        size_t position(std::string_view text, size_t i) const
        {
            return static_cast<size_t>(groups[i].data() - text.data());
        }
    };

    explicit Pattern(const char* pattern, bool ignore_case = false);

    // The whole of `text` matches.
    bool full_match(std::string_view text, Match* m = nullptr) const;
    // The first match starting at or after byte `from` of `text`.
    bool search(std::string_view text, Match* m = nullptr, size_t from = 0) const;

private:
    bool match(std::string_view text, size_t from, RE2::Anchor anchor, Match* m) const;
    RE2 re_;
};

} // namespace morgue
