// A process-wide "please stop" flag, set from SIGINT/SIGTERM handlers and
// polled by long-running loops (and by blocking reads, which the handler
// interrupts: it is installed without SA_RESTART).
#pragma once

#include <atomic>

namespace morgue {

bool stop_requested();
void request_stop();
// Installs handlers for SIGINT and SIGTERM that call request_stop().
void install_stop_handlers();

} // namespace morgue
