# SPDX-License-Identifier: Apache-2.0
# Writes a C++ source that holds every SQL migration, so the engine applies
# its schema without reading files from its working directory.
#
#   cmake -DOUT=<file.cpp> -DSOURCES=<a.sql|b.sql|...> -P EmbedMigrations.cmake
#
# Files must be named NNN_name.sql; NNN is the version.
string(REPLACE "|" ";" sources "${SOURCES}")
list(SORT sources)
set(entries "")
foreach(src IN LISTS sources)
  get_filename_component(file "${src}" NAME)
  if(NOT file MATCHES "^([0-9][0-9][0-9])_([a-z0-9_]+)\\.sql$")
    message(FATAL_ERROR "migration '${file}' is not named NNN_name.sql")
  endif()
  set(name "${CMAKE_MATCH_2}")
  string(REGEX REPLACE "^0+" "" version "${CMAKE_MATCH_1}")
  if(version STREQUAL "")
    message(FATAL_ERROR "migration '${file}': versions start at 001")
  endif()
  file(READ "${src}" sql)
  if(sql MATCHES "\\)bridge_sql\"")
    message(FATAL_ERROR "migration '${file}' contains the embedding delimiter")
  endif()
  string(APPEND entries
    "    {${version}, \"${name}\", R\"bridge_sql(${sql})bridge_sql\"},\n")
endforeach()

set(text "// Generated from storage/migrations/*.sql by cmake/EmbedMigrations.cmake.
#include \"storage/migrations.hpp\"

namespace bridge::storage {

const std::vector<migration>& embedded_migrations() {
  static const std::vector<migration> all{
${entries}  };
  return all;
}

} // namespace bridge::storage
")
file(WRITE "${OUT}.tmp" "${text}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUT}.tmp" "${OUT}")
file(REMOVE "${OUT}.tmp")
