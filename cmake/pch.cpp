// SPDX-License-Identifier: Apache-2.0
// The precompiled header needs a translation unit to be built with.
