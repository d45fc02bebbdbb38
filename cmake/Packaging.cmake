# SPDX-License-Identifier: Apache-2.0
# Installing and packaging: `cmake --install build --prefix P` puts the
# programs in P/bin, the commented configuration in P/etc/bridge, the man
# page and the systemd unit under P/share and P/lib; `cpack` in the build
# folder makes a .deb of the same files with /etc/bridge/bridge.toml as a
# conffile and a `bridge` system user.

include(GNUInstallDirs)

install(TARGETS bridge tg-sim llm-sim bridge-replay
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${CMAKE_SOURCE_DIR}/config/bridge.toml
        DESTINATION ${CMAKE_INSTALL_SYSCONFDIR}/bridge)
# /usr/lib/systemd/system is where packages' units go on Debian 12.
install(FILES ${CMAKE_SOURCE_DIR}/packaging/bridge.service
        DESTINATION lib/systemd/system)
install(FILES ${CMAKE_SOURCE_DIR}/LICENSE ${CMAKE_SOURCE_DIR}/CHANGELOG.md
              ${CMAKE_SOURCE_DIR}/README.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

# The man page is `bridge --help` and `--version` with the sections
# help2man cannot read from them (environment, exit status, files).
find_program(HELP2MAN help2man)
if(HELP2MAN)
  set(BRIDGE_MAN ${CMAKE_CURRENT_BINARY_DIR}/bridge.1.gz)
  add_custom_command(OUTPUT ${BRIDGE_MAN}
    COMMAND sh -c "'${HELP2MAN}' --no-info --section=1 --include='${CMAKE_SOURCE_DIR}/packaging/bridge.h2m' '$<TARGET_FILE:bridge>' | gzip -9n > '${BRIDGE_MAN}'"
    DEPENDS bridge ${CMAKE_SOURCE_DIR}/packaging/bridge.h2m
    COMMENT "Writing the man page of bridge"
    VERBATIM)
  add_custom_target(bridge-man ALL DEPENDS ${BRIDGE_MAN})
  install(FILES ${BRIDGE_MAN} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(STATUS "help2man not found: no man page (scripts/setup.sh installs it)")
endif()

# -- the Debian package ---------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME bridge)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "translation bot engine for Telegram")
set(CPACK_PACKAGE_DESCRIPTION
  "Bridge is the engine behind a Telegram translation bot: a manager and the\nworkers they hire write in their own languages and read each other's\nmessages translated. It keeps its state in PostgreSQL and Redis and\ntranslates offline with Apertium by default. Also ships tg-sim, llm-sim\nand bridge-replay, the simulators and load tester.")
set(CPACK_PACKAGE_CONTACT "Bridge maintainers <maintainers@bridge.invalid>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# The build keeps line tables for backtraces; the package need not.
set(CPACK_STRIP_FILES TRUE)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The shared libraries come from dpkg-shlibdeps; what the engine runs
# (Apertium and a default pair) and what postinst uses are named here.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser, apertium, apertium-eng-spa")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "postgresql (>= 15), redis-server, systemd")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS
  "apertium-es-pt, apertium-fr-es, apertium-spa-ita, apertium-spa-cat, apertium-eng-cat, apertium-es-gl")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
  ${CMAKE_SOURCE_DIR}/packaging/conffiles
  ${CMAKE_SOURCE_DIR}/packaging/postinst
  ${CMAKE_SOURCE_DIR}/packaging/prerm
  ${CMAKE_SOURCE_DIR}/packaging/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
# Installed under the /usr prefix, the configuration would land in
# /usr/etc; the package moves it to /etc before it is archived.
set(CPACK_PRE_BUILD_SCRIPTS ${CMAKE_SOURCE_DIR}/cmake/PackageEtc.cmake)
include(CPack)
