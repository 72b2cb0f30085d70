#include "query/request.h"

#include "query/date_period.h"
#include "query/facets.h"

#include <algorithm>
#include <cstdlib>
#include <initializer_list>
#include <sstream>

namespace morgue {

namespace {

// A search may take at most a day: longer is a typing mistake.
constexpr double kMaxTimeLimit = 86400;

std::string or_list(std::initializer_list<const char*> names)
{
    std::string out;
    size_t i = 0;
    for (const char* n : names) {
        if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
        out += n;
        ++i;
    }
    return out;
}

// The checks, each reading one parameter of the text; a parameter left out
// leaves its default in place.
class Validator {
public:
    Validator(const RequestText& text, const RequestRules& rules, Param* at_fault)
        : text_(text), rules_(rules), at_fault_(at_fault)
    {
    }

    Status search(SearchRequest* req);
    Status related(RelatedRequest* req);
    Status format(OutputFormat* out);
    Status export_refusals();

private:
    const std::string* given(Param p) const
    {
        auto it = text_.values.find(p);
        return it == text_.values.end() ? nullptr : &it->second;
    }
    std::string name(Param p) const { return rules_.spell(p); }
    Status fail(Param p, std::string message) const
    {
        if (at_fault_) *at_fault_ = p;
        return Status::Usage(std::move(message));
    }
    Status one_of(Param p, std::initializer_list<const char*> allowed, std::string* out, const char* why = "") const;
    Status number(Param p, unsigned max, unsigned* out) const;
    Status flag(Param p, bool* out) const;
    Status seconds(Param p, double max, double* out) const;
    Status facets(std::vector<std::string>* out) const;
    Status dates(QueryOptions* out) const;

    const RequestText& text_;
    const RequestRules& rules_;
    Param* at_fault_;
};

Status Validator::one_of(Param p, std::initializer_list<const char*> allowed, std::string* out, const char* why) const
{
    const std::string* t = given(p);
    if (!t) return Status::Ok();
    for (const char* a : allowed)
        if (*t == a) {
            *out = *t;
            return Status::Ok();
        }
    return fail(p, name(p) + " must be " + or_list(allowed) + why);
}

Status Validator::number(Param p, unsigned max, unsigned* out) const
{
    const std::string* t = given(p);
    if (!t) return Status::Ok();
    // Said apart, since a shell user may think the wrong end was counted from.
    if (size_t i = t->find_first_not_of(" \t"); i != std::string::npos && (*t)[i] == '-')
        return fail(p, name(p) + " must not be negative (got " + *t + ")");
    const bool digits = !t->empty() && t->size() <= 10 && t->find_first_not_of("0123456789") == std::string::npos;
    if (!digits || std::stoull(*t) > max)
        return fail(p, name(p) + " must be a whole number from 0 to " + std::to_string(max));
    *out = static_cast<unsigned>(std::stoull(*t));
    return Status::Ok();
}

Status Validator::flag(Param p, bool* out) const
{
    const std::string* t = given(p);
    if (!t) return Status::Ok();
    if (*t == "1" || *t == "true") *out = true;
    else if (*t == "0" || *t == "false") *out = false;
    else return fail(p, name(p) + " must be true or false");
    return Status::Ok();
}

Status Validator::seconds(Param p, double max, double* out) const
{
    const std::string* t = given(p);
    if (!t) return Status::Ok();
    char* end = nullptr;
    const double v = std::strtod(t->c_str(), &end);
    if (t->empty() || *end != '\0' || !(v >= 0 && v <= max))
        return fail(p, name(p) + " must be from 0 to " + std::to_string(static_cast<long>(max)) + " seconds");
    *out = v;
    return Status::Ok();
}

Status Validator::facets(std::vector<std::string>* out) const
{
    const std::string* t = given(Param::facets);
    const std::string list = t ? *t : kDefaultFacets;
    const std::vector<std::string>& known = facet_names();
    out->clear();
    if (list == "all") *out = known;
    if (list == "all" || list == "none") return Status::Ok();
    std::stringstream in(list);
    for (std::string f; std::getline(in, f, ',');) {
        if (f.empty()) continue;
        if (!find_facet(f))
            return fail(Param::facets, "unknown facet '" + f + "' in " + name(Param::facets) + " (facets: " +
                                           schema::field_names(schema::in_facets, ", ", true) + ", or all, or none)");
        out->push_back(f);
    }
    return Status::Ok();
}

// Inclusive: a month or a year given for --since starts on its first day,
// for --until runs to its last.
Status Validator::dates(QueryOptions* out) const
{
    for (Param p : {Param::since, Param::until}) {
        const std::string* t = given(p);
        if (!t) continue;
        DayRange period;
        Status s = parse_date_period(*t, &period);
        if (!s.ok()) return fail(p, name(p) + ": " + s.message());
        if (p == Param::since) out->since = period.first;
        else out->until = period.last;
    }
    if (out->since && out->until && *out->since > *out->until)
        return fail(Param::since, name(Param::since) + " " + *given(Param::since) + " is after " + name(Param::until) +
                                      " " + *given(Param::until) + ": no day is in between");
    return Status::Ok();
}

Status Validator::format(OutputFormat* out)
{
    std::string fmt = text_.kind == RequestKind::export_all ? "csv" : "text";
    Status s = text_.kind == RequestKind::export_all ? one_of(Param::format, {"csv", "jsonl"}, &fmt, " for an export")
                                                      : one_of(Param::format, {"text", "json", "jsonl", "csv"}, &fmt);
    if (s.ok()) parse_output_format(fmt, out);
    return s;
}

// Ranking, paging, collapsing, grouping and facets are a search's; an export
// is every match in index order, whichever front end asks for it.
Status Validator::export_refusals()
{
    static const Param not_for_export[] = {Param::sort,  Param::offset,      Param::limit,    Param::collapse,
                                           Param::count, Param::facets,      Param::facet_limit, Param::interval,
                                           Param::histogram, Param::group};
    for (Param p : not_for_export)
        if (given(p)) return fail(p, name(p) + " does not apply to an export, which writes every match in index order");
    return Status::Ok();
}

Status Validator::search(SearchRequest* req)
{
    if (text_.query.size() > rules_.max_query_bytes)
        return fail(Param::query, "the query is too long (at most " + std::to_string(rules_.max_query_bytes) + " bytes)");
    req->query = text_.query;
    req->options.filters = text_.filters;
    std::string sort = "relevance", group = "stories", count = "stories", histogram = "count";
    unsigned facet_limit = static_cast<unsigned>(req->facet_limit);
    bool estimate = false;
    Status s;
    if (s.ok()) s = one_of(Param::sort, {"relevance", "newest", "oldest"}, &sort);
    if (s.ok()) s = number(Param::offset, rules_.max_offset, &req->offset);
    if (s.ok()) s = number(Param::limit, rules_.max_limit, &req->limit);
    if (s.ok()) s = facets(&req->facets);
    if (s.ok()) s = number(Param::facet_limit, rules_.max_facet_limit, &facet_limit);
    if (s.ok()) s = one_of(Param::interval, {"auto", "day", "month", "year"}, &req->interval);
    if (s.ok()) s = one_of(Param::histogram, {"count", "share"}, &histogram);
    if (s.ok()) s = flag(Param::collapse, &req->collapse);
    if (s.ok()) s = one_of(Param::group, {"stories", "events"}, &group);
    if (s.ok()) s = one_of(Param::count, {"stories", "copies", "events"}, &count);
    if (s.ok()) s = flag(Param::estimate, &estimate);
    if (s.ok()) s = seconds(Param::time_limit, kMaxTimeLimit, &req->time_limit);
    if (s.ok()) s = dates(&req->options);
    if (!s.ok()) return s;
    parse_sort_order(sort, &req->sort);
    req->facet_limit = facet_limit;
    req->histogram_share = histogram == "share";
    req->group_events = group == "events";
    req->count_stories = count == "stories";
    req->count_events = count == "events";
    req->exact = !estimate;
    // Filters or dates alone are a query: every article they admit.
    const bool blank = text_.query.find_first_not_of(" \t\r\n") == std::string::npos;
    if (blank && text_.filters.empty() && !req->options.since && !req->options.until)
        return fail(Param::query, "empty query: give words to search for, a filter such as outlet:reuters, or dates (" +
                                      name(Param::since) + ", " + name(Param::until) + ")");
    return Status::Ok();
}

Status Validator::related(RelatedRequest* req)
{
    req->id = text_.id;
    unsigned days = static_cast<unsigned>(req->window_days);
    Status s = number(Param::window_days, rules_.max_window_days, &days);
    if (s.ok()) s = number(Param::limit, kMaxRelated, &req->limit);
    if (s.ok()) s = number(Param::per_outlet, rules_.max_per_outlet, &req->per_outlet);
    req->window_days = static_cast<int>(days);
    return s;
}

} // namespace

const char* param_name(Param p)
{
    switch (p) {
    case Param::query: return "q";
    case Param::since: return "since";
    case Param::until: return "until";
    case Param::sort: return "sort";
    case Param::offset: return "offset";
    case Param::limit: return "limit";
    case Param::format: return "format";
    case Param::facets: return "facets";
    case Param::facet_limit: return "facet_limit";
    case Param::interval: return "interval";
    case Param::histogram: return "histogram";
    case Param::collapse: return "collapse";
    case Param::group: return "group";
    case Param::count: return "count";
    case Param::estimate: return "estimate";
    case Param::time_limit: return "time_limit";
    case Param::window_days: return "window_days";
    case Param::per_outlet: return "per_outlet";
    }
    return "?";
}

Status validate_request(const RequestText& text, const RequestRules& rules, Request* out, Param* at_fault)
{
    Validator v(text, rules, at_fault);
    *out = Request{};
    out->kind = text.kind;
    Status s = text.kind == RequestKind::export_all ? v.export_refusals() : Status::Ok();
    if (s.ok()) s = v.format(&out->format);
    if (!s.ok()) return s;
    switch (text.kind) {
    case RequestKind::copies:
        out->id = text.id;
        return Status::Ok();
    case RequestKind::related:
        return v.related(&out->related);
    case RequestKind::search:
    case RequestKind::export_all:
        break;
    }
    return v.search(&out->search);
}

} // namespace morgue
