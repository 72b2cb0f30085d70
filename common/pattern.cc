#include "common/pattern.h"

#include <cstdio>
#include <cstdlib>

namespace morgue {

namespace {
RE2::Options byte_options(bool ignore_case)
{
    RE2::Options o;
    o.set_encoding(RE2::Options::EncodingLatin1);
    o.set_case_sensitive(!ignore_case);
    o.set_log_errors(false);
    return o;
}
} // namespace

Pattern::Pattern(const char* pattern, bool ignore_case) : re_(pattern, byte_options(ignore_case))
{
    // Patterns are constants of this program: a bad one is a bug to stop at.
    if (!re_.ok()) {
        std::fprintf(stderr, "morgue: bad pattern %s: %s\n", pattern, re_.error().c_str());
        std::abort();
    }
}

bool Pattern::match(std::string_view text, size_t from, RE2::Anchor anchor, Match* m) const
{
    Match local;
    Match& out = m ? *m : local;
    out.groups.assign(static_cast<size_t>(re_.NumberOfCapturingGroups()) + 1, re2::StringPiece());
    return re_.Match(re2::StringPiece(text.data(), text.size()), from, text.size(), anchor, out.groups.data(),
                     static_cast<int>(out.groups.size()));
}

bool Pattern::full_match(std::string_view text, Match* m) const
{
    return match(text, 0, RE2::ANCHOR_BOTH, m);
}

bool Pattern::search(std::string_view text, Match* m, size_t from) const
{
    return from <= text.size() && match(text, from, RE2::UNANCHORED, m);
}

} // namespace morgue
