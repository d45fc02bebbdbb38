// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <pthread.h>

#include <caf/abstract_actor.hpp>

namespace bridge {

/// Names the calling thread for `top -H`, perf and the benchmark's
/// per-thread accounting (a thread otherwise carries its creator's name,
/// and every CAF thread is `caf.actor`). At most 15 characters are kept.
inline void name_this_thread(const char* name) {
  pthread_setname_np(pthread_self(), name);
}

/// Names a detached actor's own thread; called from its behavior, which
/// CAF runs on that thread. An actor on the scheduler (as in tests) leaves
/// the shared thread's name alone.
inline void name_detached_thread(const caf::abstract_actor* self,
                                 const char* name) {
  if (self->getf(caf::abstract_actor::is_detached_flag))
    name_this_thread(name);
}

} // namespace bridge
