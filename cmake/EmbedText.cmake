# SPDX-License-Identifier: Apache-2.0
# Writes a C++ source defining `std::string_view NAMESPACE::FUNCTION()` that
# returns the text of SOURCE, so the engine serves it without reading files
# from its working directory.
#
#   cmake -DOUT=<file.cpp> -DSOURCE=<file> -DHEADER=<include> \
#         -DNAMESPACE=<ns> -DFUNCTION=<name> -P EmbedText.cmake
file(READ "${SOURCE}" content)
if(content MATCHES "\\)bridge_text\"")
  message(FATAL_ERROR "'${SOURCE}' contains the embedding delimiter")
endif()
get_filename_component(name "${SOURCE}" NAME)
set(text "// Generated from ${name} by cmake/EmbedText.cmake.
#include \"${HEADER}\"

namespace ${NAMESPACE} {

std::string_view ${FUNCTION}() {
  static const char text[] = R\"bridge_text(${content})bridge_text\";
  return {text, sizeof(text) - 1};
}

} // namespace ${NAMESPACE}
")
file(WRITE "${OUT}.tmp" "${text}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUT}.tmp" "${OUT}")
file(REMOVE "${OUT}.tmp")
