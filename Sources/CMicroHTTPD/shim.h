#ifndef JOBCOACH_CMICROHTTPD_SHIM_H
#define JOBCOACH_CMICROHTTPD_SHIM_H
#include <stdarg.h>
#include <stdint.h>
#include <stddef.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <microhttpd.h>

/// Starts a daemon on `address` with a pool of `threads` (MHD_start_daemon is variadic, which
/// Swift cannot call). No TLS: that is the reverse proxy's job.
static inline struct MHD_Daemon *jobcoach_mhd_start(
    unsigned int flags, const struct sockaddr *address, unsigned int threads,
    unsigned int timeout_seconds, size_t connection_memory, unsigned int connection_limit,
    MHD_AccessHandlerCallback handler, void *handler_context,
    MHD_RequestCompletedCallback completed, void *completed_context) {
  return MHD_start_daemon(
      flags, 0, NULL, NULL, handler, handler_context,
      MHD_OPTION_SOCK_ADDR, address,
      MHD_OPTION_THREAD_POOL_SIZE, threads,
      MHD_OPTION_CONNECTION_TIMEOUT, timeout_seconds,
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, connection_memory,
      MHD_OPTION_CONNECTION_LIMIT, connection_limit,
      MHD_OPTION_NOTIFY_COMPLETED, completed, completed_context,
      MHD_OPTION_END);
}

/// The port the daemon listens on (the one the system chose for port 0); 0 when unknown.
static inline uint16_t jobcoach_mhd_port(struct MHD_Daemon *daemon) {
  const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
  return info == NULL ? 0 : info->port;
}
#endif
