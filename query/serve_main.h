// `morgue-query serve`: its options and help, apart from the search command's.
#pragma once

namespace morgue {

// argv[0] is "serve". Returns the exit status.
int serve_main(int argc, char** argv);

} // namespace morgue
