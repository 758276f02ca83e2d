# The Debian package, built by CPack from the install rules:
#   cmake -S . -B build-deb -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDBLEARN_BUILD_TESTS=OFF
#   cmake --build build-deb && (cd build-deb && cpack -G DEB)      # or: ./dev package
# gives build-deb/dblearn_<version>-1_<arch>.deb, installing to /usr.
#
# Dependencies are computed from the binaries by dpkg-shlibdeps (CPACK_DEBIAN_PACKAGE_SHLIBDEPS):
# the executables, libdblearn-core and every plugin are scanned, so libpq5, libmariadb3,
# libqt6webenginewidgets6, libmd4c-html0 and the rest come from what is actually linked. Only what
# is loaded at run time without being linked is named here, each for a reason given below.

set(CPACK_PACKAGE_NAME dblearn)
set(CPACK_PACKAGE_VENDOR "The DB Learn contributors")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "hands-on database learning path for engineers")
set(CPACK_PACKAGE_DESCRIPTION
    "DB Learn takes an engineer, written for senior AI/ML engineers, through a complete database\n"
    "learning path: lessons with runnable examples, exercises the application checks, a SQL console\n"
    "against SQLite, PostgreSQL and MariaDB, query-plan visualisation and cost worksheets.\n"
    "dblearn-cli exposes the same core on the command line.")
string(JOIN "" CPACK_PACKAGE_DESCRIPTION ${CPACK_PACKAGE_DESCRIPTION})
set(CPACK_PACKAGE_CONTACT "The DB Learn contributors <dblearn@users.noreply.github.com>")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/dblearn/dblearn")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # dblearn_0.1.0-1_amd64.deb
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# libdblearn-core is private (lib/dblearn, found through RPATH) and part of this package, not a
# dependency; dpkg-shlibdeps is told where the build tree keeps it (one folder: CMake 3.25 joins
# several with ';', which dpkg-shlibdeps does not understand).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS ${CMAKE_BINARY_DIR}/lib/dblearn)
# Loaded at run time, not linked, so dpkg-shlibdeps cannot see them:
#   qt6-qpa-plugins   the xcb and Wayland platform plugins (libqt6gui6 only recommends them); without
#                     one the window cannot open.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins")
#   qt6-wayland           native Wayland windows; qt6-translations-l10n Qt's own dialogs translated;
#   qt6-svg-plugins       SVG icons from the icon theme.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland, qt6-translations-l10n, qt6-svg-plugins")
#   Tools → Local Servers starts private servers with these programs when they are installed.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "postgresql, mariadb-server")

include(CPack)
