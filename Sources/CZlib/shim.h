#ifndef JOBCOACH_CZLIB_SHIM_H
#define JOBCOACH_CZLIB_SHIM_H
// zlib: the GZIP compression of a Bitstring Status List (issue 19).
#include <zlib.h>
#endif
