// Turning one input record into an Article: a JSON object (our corpora's
// field names or news-please's) or a plain-text page. Pure functions: no I/O.
#pragma once

#include "common/article.h"
#include "common/status.h"
#include "common/url.h"

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace morgue {

// Fills `out` from a JSON object. Unusable fields (a date we cannot read, an
// author that is not a string) are left out with a warning; a record with
// neither title nor text is an error.
Status article_from_json(const nlohmann::json& obj, Article* out, std::vector<std::string>* warnings);

// A scraped page: the first non-empty line is the headline, the rest the body.
Status article_from_text_page(std::string_view text, Article* out);

// The id an article gets when its input names none: its url, else a hash of
// outlet, title, date and (for pages) the source file's name.
std::string fallback_id(const Article& a);

} // namespace morgue
