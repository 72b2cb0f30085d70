// morgue-index --explain: what extraction made of an input, field by field,
// with how each field was found.
#pragma once

#include "common/article.h"

#include <ostream>

namespace morgue {

void explain_article(std::ostream& out, const Article& a);

} // namespace morgue
