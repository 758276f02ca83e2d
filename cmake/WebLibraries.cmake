# The lesson page's third-party libraries: highlight.js, mermaid and KaTeX.
#
# They come from npm, pinned by the committed package-lock.json, and are installed as part of the
# build (never committed): `npm ci` runs in ${CMAKE_BINARY_DIR}/npm, then only the files the page
# loads are copied to ${DBLEARN_BUILD_DATADIR}/web/vendor/{highlight,mermaid,katex}/ with each
# library's licence. The step reruns only when package.json, package-lock.json or this file change,
# or when a copied file is missing; an incremental build does nothing.
#
# Licences (for the About dialog; each LICENSE file is copied next to its library):
#   highlight.js (@highlightjs/cdn-assets) BSD-3-Clause.
#   mermaid MIT; its bundle also carries d3 (ISC), DOMPurify (MPL-2.0 OR Apache-2.0), cytoscape,
#     dagre-d3-es, lodash-es, marked, roughjs, stylis, khroma, dayjs, KaTeX (MIT) and others, whose
#     notices are kept in mermaid.min.js.
#   KaTeX MIT; its font files are under the SIL Open Font License 1.1 (stated in the fonts' metadata).
#
# Offline builds (Flatpak, distribution packages) give the unpacked npm packages instead:
#   -DDBLEARN_NODE_MODULES_DIR=/path/node_modules   (with @highlightjs/cdn-assets, katex, mermaid)
# and the build copies from there without running npm.
#
# Included from resources/CMakeLists.txt. Also run in script mode by the build itself
# (cmake -DMODULES_DIR=.../node_modules -DVENDOR_DIR=... -P WebLibraries.cmake) to copy the files.

# The files the page loads, relative to node_modules. Fonts are copied as a glob below.
set(DBLEARN_WEB_HIGHLIGHT_FILES
    @highlightjs/cdn-assets/highlight.min.js
    @highlightjs/cdn-assets/languages/pgsql.min.js
    @highlightjs/cdn-assets/languages/dockerfile.min.js
    @highlightjs/cdn-assets/LICENSE)
set(DBLEARN_WEB_MERMAID_FILES
    mermaid/dist/mermaid.min.js
    mermaid/LICENSE)
set(DBLEARN_WEB_KATEX_FILES
    katex/dist/katex.min.js
    katex/dist/katex.min.css
    katex/LICENSE)

if(CMAKE_SCRIPT_MODE_FILE)
    # Script mode: copy from MODULES_DIR (a node_modules folder) into VENDOR_DIR, replacing what was there.
    if(NOT MODULES_DIR OR NOT VENDOR_DIR)
        message(FATAL_ERROR "WebLibraries.cmake: MODULES_DIR and VENDOR_DIR must be set")
    endif()
    set(modules ${MODULES_DIR})
    file(REMOVE_RECURSE ${VENDOR_DIR})
    foreach(lib highlight mermaid katex)
        string(TOUPPER ${lib} upper)
        foreach(relative IN LISTS DBLEARN_WEB_${upper}_FILES)
            if(NOT EXISTS ${modules}/${relative})
                message(FATAL_ERROR "WebLibraries.cmake: ${modules}/${relative} is missing after npm ci; "
                                    "does package-lock.json still pin the versions this file expects?")
            endif()
            # highlight.js languages keep their folder, as the page loads them from languages/.
            string(REGEX MATCH "languages/" in_languages ${relative})
            if(in_languages)
                file(COPY ${modules}/${relative} DESTINATION ${VENDOR_DIR}/${lib}/languages)
            else()
                file(COPY ${modules}/${relative} DESTINATION ${VENDOR_DIR}/${lib})
            endif()
        endforeach()
    endforeach()
    # KaTeX: Chromium takes the first format of each @font-face, woff2, so the woff and ttf copies
    # would never be requested.
    file(GLOB katex_fonts ${modules}/katex/dist/fonts/*.woff2)
    if(NOT katex_fonts)
        message(FATAL_ERROR "WebLibraries.cmake: no KaTeX fonts in ${modules}/katex/dist/fonts")
    endif()
    file(COPY ${katex_fonts} DESTINATION ${VENDOR_DIR}/katex/fonts)
    return()
endif()

if(NOT DBLEARN_FETCH_WEB_LIBRARIES)
    message(STATUS "Web libraries: not fetched (DBLEARN_FETCH_WEB_LIBRARIES=OFF); lessons show plain code, "
                   "diagram sources and TeX unless ${DBLEARN_BUILD_DATADIR}/web/vendor is provided")
    return()
endif()

set(DBLEARN_WEB_VENDOR_DIR ${DBLEARN_BUILD_DATADIR}/web/vendor)
# The main files are outputs, so that deleting the vendor folder makes the next build restore it.
set(vendored_files)
foreach(lib highlight mermaid katex)
    string(TOUPPER ${lib} upper)
    foreach(relative IN LISTS DBLEARN_WEB_${upper}_FILES)
        if(relative MATCHES "\\.(js|css)$")
            string(REGEX MATCH "languages/.*$|[^/]+$" name ${relative})
            list(APPEND vendored_files ${DBLEARN_WEB_VENDOR_DIR}/${lib}/${name})
        endif()
    endforeach()
endforeach()

set(DBLEARN_NODE_MODULES_DIR "" CACHE PATH "Unpacked npm packages to use instead of running npm ci (offline builds)")
if(DBLEARN_NODE_MODULES_DIR)
    add_custom_command(
        OUTPUT ${vendored_files}
        COMMAND ${CMAKE_COMMAND} -DMODULES_DIR=${DBLEARN_NODE_MODULES_DIR} -DVENDOR_DIR=${DBLEARN_WEB_VENDOR_DIR}
                -P ${CMAKE_CURRENT_LIST_FILE}
        DEPENDS ${CMAKE_CURRENT_LIST_FILE}
        COMMENT "Copying the lesson page's web libraries from ${DBLEARN_NODE_MODULES_DIR}"
        VERBATIM)
    add_custom_target(dblearn-web ALL DEPENDS ${vendored_files})
    install(DIRECTORY ${DBLEARN_WEB_VENDOR_DIR}/ DESTINATION ${DBLEARN_INSTALL_DATADIR}/web/vendor)
    return()
endif()

find_program(DBLEARN_NPM_EXECUTABLE NAMES npm DOC "npm, used at build time to install the lesson page's libraries")
if(NOT DBLEARN_NPM_EXECUTABLE)
    message(FATAL_ERROR
        "npm was not found. The lesson page's libraries (highlight.js, mermaid, KaTeX) are installed from npm "
        "during the build, pinned by package-lock.json. Install Node.js with npm (Debian/Ubuntu: "
        "apt-get install npm), point CMake at it with -DDBLEARN_NPM_EXECUTABLE=/path/to/npm, or configure with "
        "-DDBLEARN_FETCH_WEB_LIBRARIES=OFF to build without them.")
endif()

get_filename_component(DBLEARN_WEB_PACKAGE_DIR ${CMAKE_CURRENT_LIST_DIR}/.. ABSOLUTE) # package.json is there
set(DBLEARN_WEB_NPM_DIR ${CMAKE_BINARY_DIR}/npm)
set(stamp ${DBLEARN_WEB_NPM_DIR}/npm-ci.stamp)

set(outputs ${stamp} ${vendored_files})

add_custom_command(
    OUTPUT ${outputs}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${DBLEARN_WEB_NPM_DIR}
    COMMAND ${CMAKE_COMMAND} -E copy_if_different ${DBLEARN_WEB_PACKAGE_DIR}/package.json
            ${DBLEARN_WEB_PACKAGE_DIR}/package-lock.json ${DBLEARN_WEB_NPM_DIR}
    COMMAND ${DBLEARN_NPM_EXECUTABLE} ci --ignore-scripts --no-audit --no-fund --prefer-offline --loglevel=error
            --prefix ${DBLEARN_WEB_NPM_DIR}
    COMMAND ${CMAKE_COMMAND} -DMODULES_DIR=${DBLEARN_WEB_NPM_DIR}/node_modules -DVENDOR_DIR=${DBLEARN_WEB_VENDOR_DIR}
            -P ${CMAKE_CURRENT_LIST_FILE}
    COMMAND ${CMAKE_COMMAND} -E touch ${stamp}
    DEPENDS ${DBLEARN_WEB_PACKAGE_DIR}/package.json ${DBLEARN_WEB_PACKAGE_DIR}/package-lock.json
            ${CMAKE_CURRENT_LIST_FILE}
    WORKING_DIRECTORY ${CMAKE_BINARY_DIR}
    COMMENT "Installing the lesson page's web libraries with npm ci (package-lock.json)"
    VERBATIM
    USES_TERMINAL)
add_custom_target(dblearn-web ALL DEPENDS ${outputs})

install(DIRECTORY ${DBLEARN_WEB_VENDOR_DIR}/ DESTINATION ${DBLEARN_INSTALL_DATADIR}/web/vendor)
