// The precompiled header needs a translation unit to be built with.
