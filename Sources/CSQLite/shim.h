#ifndef JOBCOACH_CSQLITE_SHIM_H
#define JOBCOACH_CSQLITE_SHIM_H
#include <sqlite3.h>

/// Turns off SQLite's memory statistics, which take a global mutex on every allocation.
/// `sqlite3_config` is variadic, so Swift cannot call it; must run before the first open.
static inline int jobcoach_sqlite3_disable_memory_statistics(void) {
  return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
#endif
