# SPDX-License-Identifier: Apache-2.0
# Run by CPack on its staging folder: configuration belongs in /etc, not
# under the package's /usr prefix.
file(GLOB_RECURSE staged_etc LIST_DIRECTORIES true
     "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*/usr/etc")
if(NOT staged_etc AND EXISTS "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/usr/etc")
  set(staged_etc "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/usr/etc")
endif()
foreach(dir ${staged_etc})
  if(IS_DIRECTORY "${dir}")
    get_filename_component(usr "${dir}" DIRECTORY)
    get_filename_component(root "${usr}" DIRECTORY)
    file(RENAME "${dir}" "${root}/etc")
  endif()
endforeach()
