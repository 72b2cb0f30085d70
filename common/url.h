// The host of a url: the site field's value (schema::fields()) and the
// outlet of a news-please record that names only its domain.
#pragma once

#include <string>
#include <string_view>

namespace morgue {

// "https://www.nytimes.com/a.html" or "www.nytimes.com" -> "nytimes.com";
// "" when there is no host.
inline std::string host_of(std::string_view url)
{
    size_t scheme = url.find("://");
    if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
    size_t end = url.find_first_of("/?#:");
    if (end != std::string_view::npos) url = url.substr(0, end);
    std::string host(url);
    for (char& c : host)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (host.compare(0, 4, "www.") == 0) host.erase(0, 4);
    return host;
}

} // namespace morgue
