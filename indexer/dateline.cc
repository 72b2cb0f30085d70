#include "indexer/dateline.h"

#include "indexer/text.h"

#include "common/pattern.h"

#include <cctype>

namespace morgue {

int month_from_name(std::string_view name)
{
    static const char* const names[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    std::string n;
    for (char c : name)
        if (std::isalpha(static_cast<unsigned char>(c))) n += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (n.size() < 3) return 0;
    static const char* const full[] = {"january", "february", "march", "april", "may", "june", "july",
                                       "august", "september", "october", "november", "december"};
    for (int i = 0; i < 12; ++i) {
        std::string f = full[i];
        if (n == f || (n.size() <= f.size() && f.compare(0, n.size(), n) == 0 && n.compare(0, 3, names[i]) == 0))
            return i + 1;
    }
    return 0;
}

std::string place_case(std::string_view upper)
{
    static const char* const small[] = {"de", "da", "del", "der", "la", "le", "les", "of", "on", "upon", "am", "al", "el", "du", "des"};
    std::string out;
    bool word_start = true;
    size_t word_begin = 0;
    for (size_t i = 0; i <= upper.size(); ++i) {
        if (i == upper.size() || upper[i] == ' ' || upper[i] == '-') {
            // Lower-case small connecting words inside a name.
            std::string word = out.substr(word_begin);
            std::string lower;
            for (char c : word) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (word_begin > 0)
                for (const char* s : small)
                    if (lower == s) out.replace(word_begin, std::string::npos, lower);
            if (i == upper.size()) break;
            out += upper[i];
            word_start = true;
            word_begin = out.size();
            continue;
        }
        unsigned char c = static_cast<unsigned char>(upper[i]);
        out += static_cast<char>(word_start ? std::toupper(c) : std::tolower(c));
        // "O'HARE" -> "O'Hare", "MCALLEN" stays "Mcallen" (rare; acceptable)
        word_start = c == '\'' || c == '.';
    }
    return out;
}

std::string normalise_dateline(std::string_view field)
{
    std::string f = trim(field);
    size_t comma = f.find(',');
    std::string place = trim(std::string_view(f).substr(0, comma));
    // A feed may give the place already in mixed case: keep it as it is.
    bool all_upper = true;
    for (char c : place)
        if (std::islower(static_cast<unsigned char>(c))) all_upper = false;
    return all_upper ? place_case(place) : place;
}

std::optional<Dateline> parse_dateline_opening(std::string_view text)
{
    // PLACE[, Region...][, Mon DD] [(WIRE)] SEP, where SEP is a dash of any
    // kind. Wire copy prints it this way; an ordinary sentence does not
    // start with capitalised words, a date and a dash. A place in mixed case
    // ("Toronto, Feb 26 -") must come with a date or a wire credit.
    static const Pattern re(
        R"(^\s*([A-Z][A-Za-z.'\-]*(?: [A-Z][A-Za-z.'\-]*){0,3})((?:, ?[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)*?)(?:,? ?([A-Za-z]{3,9})\.? (\d{1,2}))?\s*(?:\((AP|AFP|Reuters|REUTERS|UPI|dpa|DPA|Xinhua|XINHUA)\))?\s*(?:—|–|--|-)\s*)");
    std::string head(text.substr(0, 160));
    Pattern::Match m;
    if (!re.search(head, &m)) return std::nullopt;
    std::string place = m.str(1);
    bool upper = true;
    for (char c : place)
        if (std::islower(static_cast<unsigned char>(c))) upper = false;
    if (!upper && !m.matched(3) && !m.matched(5)) return std::nullopt;
    if (place.size() < 3 && place != "UN") return std::nullopt;
    Dateline d;
    d.place = upper ? place_case(place) : place;
    d.wire = m.str(5);
    if (d.wire == "REUTERS") d.wire = "Reuters";
    if (d.wire == "XINHUA") d.wire = "Xinhua";
    if (m.matched(3)) {
        d.month = month_from_name(m.str(3));
        d.day = std::stoi(m.str(4));
        if (!d.month || d.day < 1 || d.day > 31) return std::nullopt;
    }
    d.length = m.position(head, 0) + m.groups[0].size();
    return d;
}

} // namespace morgue
