// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <caf/atom.hpp>

/// Every atom of the engine (CAF 0.17 atoms: at most 10 characters).
namespace bridge {

using deliver_atom = caf::atom_constant<caf::atom("deliver")>;
using poll_atom = caf::atom_constant<caf::atom("poll")>;
using resume_atom = caf::atom_constant<caf::atom("resume")>;
using tick_atom = caf::atom_constant<caf::atom("tick")>;
using stop_atom = caf::atom_constant<caf::atom("stop")>;
using drain_atom = caf::atom_constant<caf::atom("drain")>;
using status_atom = caf::atom_constant<caf::atom("status")>;
using retry_atom = caf::atom_constant<caf::atom("retry")>;
using idle_atom = caf::atom_constant<caf::atom("idle")>;
using done_atom = caf::atom_constant<caf::atom("done")>;
/// A periodic look for durable work nothing holds (stranded rows).
using sweep_atom = caf::atom_constant<caf::atom("sweep")>;
/// A conversation reads its row again after a transient failure.
using open_atom = caf::atom_constant<caf::atom("open")>;
/// A session handles again an update that failed on a transient error.
using again_atom = caf::atom_constant<caf::atom("again")>;

// -- storage and cache --------------------------------------------------------
/// Names the actor that hears of cache-relevant writes (pool).
using watch_atom = caf::atom_constant<caf::atom("watch")>;
/// Asks a pool worker to (re)open its connection; answered once it is up.
using connect_atom = caf::atom_constant<caf::atom("connect")>;

// -- cluster ------------------------------------------------------------------
/// Asks the lease keeper for its `cluster_view`.
using view_atom = caf::atom_constant<caf::atom("view")>;

// -- translator ---------------------------------------------------------------
using languages_atom = caf::atom_constant<caf::atom("languages")>;

// -- media across the gap ----------------------------------------------------
/// A conversation looks whether the album it gathers is due.
using album_atom = caf::atom_constant<caf::atom("album")>;

} // namespace bridge
