#ifndef JOBCOACH_CSQLITE_SHIM_H
#define JOBCOACH_CSQLITE_SHIM_H
#include <sqlite3.h>
#endif
