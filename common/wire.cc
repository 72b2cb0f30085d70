#include "common/wire.h"

#include "common/schema.h"

#include <utility>

namespace morgue {

std::string wire_of(std::string_view outlet)
{
    static const std::pair<const char*, const char*> wires[] = {
        {"associated press", "AP"}, {"ap", "AP"}, {"agence france-presse", "AFP"}, {"afp", "AFP"},
        {"reuters", "Reuters"}, {"dw", "DW"}, {"deutsche welle", "DW"}, {"xinhua", "Xinhua"},
        {"upi", "UPI"}, {"dpa", "dpa"}, {"saudi press agency", "SPA"},
    };
    std::string o = schema::normalise_value(outlet);
    for (const auto& [name, wire] : wires)
        if (o == name) return wire;
    return {};
}

} // namespace morgue
