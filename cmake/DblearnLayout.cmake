# Where things go, in the build tree and in the install tree.
#
# Build tree:   build/bin/{dblearn,dblearn-cli}, build/lib/dblearn/plugins/*.so,
#               build/share/dblearn/web/ (npm libraries, lesson page assets)
# Install tree: <prefix>/bin, <prefix>/lib/dblearn/plugins, <prefix>/share/dblearn/{content,web}
# The executables find everything relative to their own directory, so both trees work unchanged.

set(CMAKE_RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bin)
set(CMAKE_LIBRARY_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/lib)

set(DBLEARN_INSTALL_LIBDIR ${CMAKE_INSTALL_LIBDIR}/dblearn)
set(DBLEARN_INSTALL_PLUGINDIR ${DBLEARN_INSTALL_LIBDIR}/plugins)
set(DBLEARN_INSTALL_DATADIR ${CMAKE_INSTALL_DATADIR}/dblearn)

set(DBLEARN_BUILD_PLUGINDIR ${CMAKE_BINARY_DIR}/lib/dblearn/plugins)
set(DBLEARN_BUILD_DATADIR ${CMAKE_BINARY_DIR}/share/dblearn)

# Relative paths from bin/ used at run time (same in both trees).
file(RELATIVE_PATH DBLEARN_REL_PLUGINDIR /prefix/${CMAKE_INSTALL_BINDIR} /prefix/${DBLEARN_INSTALL_PLUGINDIR})
file(RELATIVE_PATH DBLEARN_REL_DATADIR /prefix/${CMAKE_INSTALL_BINDIR} /prefix/${DBLEARN_INSTALL_DATADIR})
file(RELATIVE_PATH DBLEARN_REL_LIBDIR /prefix/${CMAKE_INSTALL_BINDIR} /prefix/${DBLEARN_INSTALL_LIBDIR})

# Executables and plugins find the shared core library through RPATH, in both trees.
set(CMAKE_BUILD_RPATH_USE_ORIGIN ON)
set(CMAKE_INSTALL_RPATH "$ORIGIN/${DBLEARN_REL_LIBDIR}")

function(dblearn_set_plugin_output target)
    set_target_properties(${target} PROPERTIES
        LIBRARY_OUTPUT_DIRECTORY ${DBLEARN_BUILD_PLUGINDIR}
        BUILD_RPATH "$ORIGIN/.."
        INSTALL_RPATH "$ORIGIN/..")
    install(TARGETS ${target} LIBRARY DESTINATION ${DBLEARN_INSTALL_PLUGINDIR})
endfunction()
