#include "query/query_builder.h"

#include "query/date_period.h"
#include "common/dates.h"
#include "common/folding_stem.h"
#include "common/language.h"
#include "common/pattern.h"
#include "common/schema.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <stdexcept>

namespace morgue {

namespace {

// Filter values are normalised the way the indexer normalised them, so that
// outlet:AP finds "XOap" (QueryParser alone would make "XO:AP").
//
// Processors report errors through `error` rather than by throwing: an
// exception thrown through Xapian 1.4's query parser leaks its parse state.
//
// Queries are built from fresh objects, never from Xapian::Query::MatchAll or
// MatchNothing: those are shared statics whose reference counts are not
// atomic, so copying them from two threads at once (a server) corrupts them.
class FilterProcessor : public Xapian::FieldProcessor {
public:
    FilterProcessor(const char* prefix, std::shared_ptr<std::string> error) : prefix_(prefix), error_(std::move(error)) {}
    Xapian::Query operator()(const std::string& value) override
    {
        std::string term = schema::filter_term(prefix_, value);
        if (term.empty() && error_->empty()) *error_ = "an empty filter value";
        return term.empty() ? Xapian::Query() : Xapian::Query(term);
    }

private:
    const char* prefix_;
    std::shared_ptr<std::string> error_;
};

Xapian::Query day_range(std::optional<int64_t> from, std::optional<int64_t> to)
{
    using schema::slot_day;
    if (from && to) return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot_day,
                                         format_compact_day(*from), format_compact_day(*to));
    if (from) return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot_day, format_compact_day(*from));
    return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot_day, format_compact_day(*to));
}

// date:2025-05-01, date:2025-05-01..2025-05-31, date:2025-05-01.., date:..2025-05-31,
// and months or years for days: date:2017-09, date:1987..1988 (date_period.h).
class DateProcessor : public Xapian::FieldProcessor {
public:
    explicit DateProcessor(std::shared_ptr<std::string> error) : error_(std::move(error)) {}
    Xapian::Query operator()(const std::string& value) override
    {
        DateBounds b;
        Status s = parse_date_range(value, &b);
        if (!s.ok()) {
            if (error_->empty()) *error_ = s.message();
            return Xapian::Query(); // matches nothing
        }
        return day_range(b.has_first ? std::optional<int64_t>(b.first) : std::nullopt,
                         b.has_last ? std::optional<int64_t>(b.last) : std::nullopt);
    }

private:
    std::shared_ptr<std::string> error_;
};

// QueryParser forgives what people mistype; a search engine that answers a
// different question than was asked is worse than an error, so these are
// refused up front.
Status check_syntax(const std::string& q)
{
    int depth = 0;
    bool in_quote = false;
    for (size_t i = 0; i < q.size(); ++i) {
        char c = q[i];
        if (c == '"') in_quote = !in_quote;
        if (in_quote) continue;
        if (c == '(') ++depth;
        if (c == ')' && --depth < 0) return Status::Usage("unbalanced ')' at character " + std::to_string(i + 1));
        // field:value — the field must be one we know.
        bool word_start = i == 0 || std::isspace(static_cast<unsigned char>(q[i - 1])) || q[i - 1] == '(' ||
                          q[i - 1] == '+' || q[i - 1] == '-';
        if (word_start && std::isalpha(static_cast<unsigned char>(c))) {
            size_t j = i;
            while (j < q.size() && (std::isalnum(static_cast<unsigned char>(q[j])) || q[j] == '_')) ++j;
            if (j + 1 < q.size() && q[j] == ':' && !std::isspace(static_cast<unsigned char>(q[j + 1])) &&
                q[j + 1] != '/') { // "http://..." is a url, not a field
                std::string name = q.substr(i, j - i);
                if (!schema::find_field(name))
                    return Status::Usage("unknown field '" + name + ":' (known fields: " +
                                         schema::field_names(schema::in_query, ", ", true) + ")");
            }
            i = j - 1;
        }
    }
    if (in_quote) return Status::Usage("unbalanced '\"': a quoted phrase is not closed");
    if (depth > 0) return Status::Usage("unbalanced '(': " + std::to_string(depth) + " not closed");
    return Status::Ok();
}

// Restricts *q by the filters given apart from the text: a field's values
// ORed, the fields ANDed.
Status add_filters(const std::vector<std::pair<std::string, std::string>>& filters, Xapian::Query* q)
{
    std::vector<std::pair<const schema::Field*, std::vector<Xapian::Query>>> by_field;
    for (const auto& [name, value] : filters) {
        const schema::Field* f = schema::find_field(name);
        if (!f || f->kind != schema::FieldKind::filter) return Status::Usage("unknown filter '" + name + "'");
        std::string term = schema::filter_term(f->prefix, value);
        if (term.empty()) return Status::Usage("an empty " + name + " filter");
        auto it = std::find_if(by_field.begin(), by_field.end(), [&](const auto& e) { return e.first == f; });
        if (it == by_field.end()) it = by_field.insert(by_field.end(), {f, {}});
        it->second.emplace_back(term);
    }
    for (const auto& [f, terms] : by_field)
        *q = Xapian::Query(Xapian::Query::OP_FILTER, *q, Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
    return Status::Ok();
}

unsigned count_wildcards(const Xapian::Query& q)
{
    if (q.get_type() == Xapian::Query::OP_WILDCARD) return 1;
    unsigned n = 0;
    for (size_t i = 0; i < q.get_num_subqueries(); ++i) n += count_wildcards(q.get_subquery(i));
    return n;
}

// The text as typed -> query, stemmed for `lang`.
Status parse_text(const std::string& text, const std::string& lang, Xapian::Query* out)
{
    Status s = check_syntax(text);
    if (!s.ok()) return s;
    Xapian::Stem stemmer = folding_stemmer(lang);
    auto error = std::make_shared<std::string>();
    Xapian::QueryParser qp = make_query_parser(stemmer, error);
    constexpr unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                               Xapian::QueryParser::FLAG_PURE_NOT;
    Xapian::Query q;
    try {
        q = qp.parse_query(text, flags);
    } catch (const Xapian::QueryParserError& e) {
        return Status::Usage("bad query: " + e.get_msg());
    }
    if (!error->empty()) return Status::Usage("bad query: " + *error);
    if (q.empty()) return Status::Usage("the query has nothing to search for: '" + text + "'");
    if (count_wildcards(q) > kMaxWildcards)
        return Status::Usage("the query has " + std::to_string(count_wildcards(q)) + " wildcards (at most " +
                             std::to_string(kMaxWildcards) + ")");
    *out = q;
    return Status::Ok();
}

// The stemmer a query is parsed with: the language one language: (lang:)
// filter names (in the text or apart from it), else the script of the words
// (guess_language: Arabic, Cyrillic, Greek, else English). A few words are
// too few for a language detector to tell French from English; accent
// folding already lets an English-stemmed "reformes" meet French "réformes".
std::string query_language(const std::string& text, const QueryOptions& options)
{
    static const schema::Field* language = schema::find_field("language");
    std::vector<std::string> named;
    for (const auto& [name, value] : options.filters)
        if (schema::find_field(name) == language) named.push_back(schema::normalise_value(value));
    static const std::string lang_re = [] {
        std::string names = language->name;
        for (const char* alias : language->aliases) names += std::string("|") + alias;
        return R"((?:^|[\s(+])(?:)" + names + R"():"?([A-Za-z_-]+))";
    }();
    static const Pattern lang_filter(lang_re.c_str());
    Pattern::Match m;
    for (size_t from = 0; from < text.size() && lang_filter.search(text, &m, from);) {
        named.push_back(schema::normalise_value(m.str(1)));
        from = m.position(text, 0) + std::max<size_t>(m.groups[0].size(), 1);
    }
    std::sort(named.begin(), named.end());
    named.erase(std::unique(named.begin(), named.end()), named.end());
    if (named.size() == 1) return schema::stemmer_name(named[0]);
    // Field values (outlet:reuters) say nothing of the words' language.
    static const RE2 field_value(R"([A-Za-z_]+:("[^"]*"|\S+))", RE2::Latin1);
    std::string words = text;
    RE2::GlobalReplace(&words, field_value, " ");
    return schema::stemmer_name(guess_language(words));
}

} // namespace

Status parse_query_day(const std::string& text, int64_t* day_start)
{
    DayRange r;
    Status s = parse_date_period(text, &r);
    if (s.ok()) *day_start = r.first;
    return s;
}

Xapian::QueryParser make_query_parser(const Xapian::Stem& stemmer, std::shared_ptr<std::string> error)
{
    Xapian::QueryParser qp;
    qp.set_stemmer(stemmer);
    // Stems only, like the indexer (schema.h): "trading" finds "trade",
    // phrases match on stems.
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
    qp.set_default_op(Xapian::Query::OP_AND);
    qp.set_max_expansion(kMaxWildcardTerms, Xapian::Query::WILDCARD_LIMIT_ERROR,
                         Xapian::QueryParser::FLAG_WILDCARD | Xapian::QueryParser::FLAG_PARTIAL);
    for (const auto& f : schema::fields()) {
        if (!(f.flags & schema::in_query)) continue;
        // An alias is the same field: its values are ORed with the name's.
        const std::string grouping = f.name;
        std::vector<const char*> names{f.name};
        names.insert(names.end(), f.aliases.begin(), f.aliases.end());
        for (const char* name : names) {
            switch (f.kind) {
            case schema::FieldKind::filter:
                qp.add_boolean_prefix(name, (new FilterProcessor(f.prefix, error))->release(), &grouping);
                break;
            case schema::FieldKind::date:
                qp.add_boolean_prefix(name, (new DateProcessor(error))->release(), &grouping);
                break;
            case schema::FieldKind::text: qp.add_prefix(name, f.prefix); break;
            }
        }
    }
    return qp;
}

Status build_query(const std::string& text, const QueryOptions& options, BuiltQuery* out)
{
    const bool blank = text.find_first_not_of(" \t\r\n") == std::string::npos;
    const bool dates = options.since || options.until;
    if (blank && options.filters.empty() && !dates)
        return Status::Usage("empty query: give words to search for, a filter such as outlet:reuters, or dates");
    // Filters or dates alone (browsing an outlet, a month) match every article they admit.
    std::string lang = blank ? schema::stemmer_name("en") : query_language(text, options);
    Xapian::Query q{std::string()}; // the empty term: every document
    if (!blank) {
        Status s = parse_text(text, lang, &q);
        if (!s.ok()) return s;
    }
    Status s = add_filters(options.filters, &q);
    if (!s.ok()) return s;
    if (dates) q = Xapian::Query(Xapian::Query::OP_FILTER, q, day_range(options.since, options.until));
    out->query = q;
    out->stemmer_language = lang;
    return Status::Ok();
}

} // namespace morgue
