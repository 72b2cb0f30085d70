#include "query/snippets.h"

#include <algorithm>
#include <cctype>

namespace morgue {

namespace {
// Private-use characters as markers: they never occur in news text, and
// MSet::snippet escapes HTML only when markers are non-empty, which lets us
// undo its escaping exactly and keep plain text.
const std::string kOpen = "\xEE\x80\x80";  // U+E000
const std::string kClose = "\xEE\x80\x81"; // U+E001

std::string unescape_html(const std::string& s)
{
    static const std::pair<const char*, char> entities[] = {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}};
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        bool done = false;
        if (s[i] == '&') {
            for (const auto& [name, ch] : entities) {
                size_t n = std::char_traits<char>::length(name);
                if (s.compare(i, n, name) == 0) {
                    out += ch;
                    i += n - 1;
                    done = true;
                    break;
                }
            }
        }
        if (!done) out += s[i];
    }
    return out;
}

bool is_continuation(unsigned char c) { return (c & 0xc0) == 0x80; }

// MSet::snippet highlights a word only when its lower-case form, or "Z" and
// its stem, is a query term; the index holds bare stems, so it marks "oil"
// but neither "prices" nor a folded "Lipavský" nor most Arabic words. Each
// word of the passage whose stem (through the same folding stemmer as the
// index) is one of `terms` is highlighted here.
void highlight_stems(Snippet* s, const Xapian::Stem& stemmer, const std::vector<std::string>& terms)
{
    if (terms.empty()) return;
    std::vector<std::pair<size_t, size_t>> found;
    size_t cp = 0, start = 0;
    std::string word;
    auto end_word = [&]() {
        if (!word.empty() && std::find(terms.begin(), terms.end(), stemmer(Xapian::Unicode::tolower(word))) != terms.end())
            found.emplace_back(start, cp);
        word.clear();
    };
    for (Xapian::Utf8Iterator it(s->text); it != Xapian::Utf8Iterator(); ++it, ++cp) {
        if (Xapian::Unicode::is_wordchar(*it)) {
            if (word.empty()) start = cp;
            Xapian::Unicode::append_utf8(word, *it);
        } else {
            end_word();
        }
    }
    end_word();
    // Xapian's own marks stay (phrases, wildcards); ours fill the gaps.
    for (const auto& h : found) {
        bool overlaps = std::any_of(s->highlights.begin(), s->highlights.end(),
                                    [&](const auto& o) { return h.first < o.second && o.first < h.second; });
        if (!overlaps) s->highlights.push_back(h);
    }
    std::sort(s->highlights.begin(), s->highlights.end());
}
} // namespace

std::string fold_whitespace(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::string_view snippet_window(std::string_view text, const std::vector<std::string>& terms)
{
    if (text.size() <= kSnippetScanBytes) return text;
    // Stems are mostly prefixes of the words they came from ("trade" of
    // "Trading"): an ASCII-case-blind search finds where matching starts.
    std::string lower(text);
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    // The first place a stem starts a word ("oil" in "oil", not in "soil").
    auto starts_word = [&](size_t at) {
        return at == 0 || !(std::isalnum(static_cast<unsigned char>(lower[at - 1])) || lower[at - 1] == '_');
    };
    size_t first = std::string::npos;
    for (const auto& t : terms) {
        if (t.size() < 3) continue;
        size_t at = lower.find(t);
        while (at != std::string::npos && at < first && !starts_word(at)) at = lower.find(t, at + 1);
        first = std::min(first, at);
    }
    size_t start = first == std::string::npos || first < 200 ? 0 : first - 200;
    while (start > 0 && is_continuation(static_cast<unsigned char>(text[start]))) --start;
    size_t end = std::min(text.size(), start + kSnippetScanBytes);
    while (end < text.size() && is_continuation(static_cast<unsigned char>(text[end]))) ++end;
    return text.substr(start, end - start);
}

namespace {

// The passage Xapian picks from `window` (a part of `text`), its markers
// turned into highlight ranges.
Snippet xapian_snippet(const Xapian::MSet& mset, const std::string& text, std::string_view window, size_t length,
                       const Xapian::Stem& stemmer)
{
    // No SNIPPET_BACKGROUND_MODEL: it looks up the frequency of every word
    // of the text and doubled the latency of a whole search on Reuters-21578
    // (p50 2.3 ms -> 1.2 ms without it), for passages that read no better.
    // No SNIPPET_EXHAUSTIVE either: the first good passage will do.
    std::string marked = mset.snippet(fold_whitespace(std::string(window)), length, stemmer, 0, kOpen, kClose, "…");
    marked = unescape_html(marked);
    // Xapian marks text cut at the front with "…"; a window it was given
    // starts mid-text without its knowing.
    if (window.data() != text.data() && marked.compare(0, std::string("…").size(), "…") != 0) marked = "…" + marked;
    Snippet s;
    size_t codepoints = 0, start = 0;
    for (size_t i = 0; i < marked.size();) {
        if (marked.compare(i, kOpen.size(), kOpen) == 0) {
            start = codepoints;
            i += kOpen.size();
        } else if (marked.compare(i, kClose.size(), kClose) == 0) {
            s.highlights.emplace_back(start, codepoints);
            i += kClose.size();
        } else {
            if (!is_continuation(static_cast<unsigned char>(marked[i]))) ++codepoints;
            s.text += marked[i++];
        }
    }
    return s;
}

// Byte offset of the first word in `text` whose stem is one of `terms`, or
// npos; only the first kFoldScanBytes are read, to bound the cost.
constexpr size_t kFoldScanBytes = 64 * 1024;
size_t first_stemmed_match(std::string_view text, const Xapian::Stem& stemmer, const std::vector<std::string>& terms)
{
    std::string_view scan = text.substr(0, kFoldScanBytes);
    std::string word;
    size_t word_at = 0;
    for (Xapian::Utf8Iterator it(scan.data(), scan.size()); ; ++it) {
        bool done = it == Xapian::Utf8Iterator();
        if (!done && Xapian::Unicode::is_wordchar(*it)) {
            if (word.empty()) word_at = static_cast<size_t>(it.raw() - scan.data());
            Xapian::Unicode::append_utf8(word, *it);
            continue;
        }
        if (!word.empty() && std::find(terms.begin(), terms.end(), stemmer(Xapian::Unicode::tolower(word))) != terms.end())
            return word_at;
        word.clear();
        if (done) return std::string_view::npos;
    }
}

} // namespace

Snippet make_snippet(const Xapian::MSet& mset, const std::string& text, size_t length, const Xapian::Stem& stemmer,
                     const std::vector<std::string>& terms)
{
    Snippet s = xapian_snippet(mset, text, snippet_window(text, terms), length, stemmer);
    if (s.highlights.empty() && !terms.empty()) {
        // Xapian saw no match: it knows a word only by its lower-case form
        // or "Z" + stem, and the index holds bare folded stems ("lipavski"
        // for "Lipavský", most Arabic words). The passage then starts a
        // little before the first word that folds and stems to a query term.
        size_t at = first_stemmed_match(text, stemmer, terms);
        if (at != std::string::npos) {
            size_t start = at < length / 4 ? 0 : at - length / 4;
            while (start > 0 && start < at && text[start - 1] != ' ' && text[start - 1] != '\n') ++start;
            size_t end = std::min(text.size(), start + length);
            while (end < text.size() && is_continuation(static_cast<unsigned char>(text[end]))) --end;
            s = xapian_snippet(mset, text, std::string_view(text).substr(start, end - start), length, stemmer);
            const std::string ellipsis = "…";
            if (end < text.size() && (s.text.size() < ellipsis.size() ||
                                      s.text.compare(s.text.size() - ellipsis.size(), ellipsis.size(), ellipsis) != 0))
                s.text += ellipsis;
        }
    }
    highlight_stems(&s, stemmer, terms);
    return s;
}

std::string mark_highlights(const Snippet& s, const std::string& open, const std::string& close)
{
    std::string out;
    size_t cp = 0, h = 0;
    for (size_t i = 0; i <= s.text.size(); ++i) {
        bool boundary = i == s.text.size() || !is_continuation(static_cast<unsigned char>(s.text[i]));
        if (boundary) {
            if (h < s.highlights.size() && s.highlights[h].second == cp) {
                out += close;
                ++h;
            }
            if (h < s.highlights.size() && s.highlights[h].first == cp) out += open;
            ++cp;
        }
        if (i < s.text.size()) out += s.text[i];
    }
    return out;
}

} // namespace morgue
