// Wire agencies by the names outlets go by. Shared by both binaries: the
// indexer credits a wire with the articles it reads, and morgue-query tells
// a wire's own report from another outlet's copy that credits it.
#pragma once

#include <string>
#include <string_view>

namespace morgue {

// Outlet name -> wire credit ("Associated Press" -> "AP"), "" if not a wire.
std::string wire_of(std::string_view outlet);

} // namespace morgue
