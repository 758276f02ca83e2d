# cmake -DMETAINFO=<metainfo.xml> -DVERSION=<project version> -P checkreleaseversion.cmake
# The AppStream metadata's newest (first) release must be the version being built.
file(READ ${METAINFO} xml)
string(REGEX MATCH "<release version=\"([^\"]+)\"" first ${xml})
if(NOT first)
    message(FATAL_ERROR "${METAINFO}: no <release version=...>")
endif()
if(NOT CMAKE_MATCH_1 STREQUAL VERSION)
    message(FATAL_ERROR "${METAINFO}: the newest release is ${CMAKE_MATCH_1}, but the project is ${VERSION}; "
                        "add a <release> for ${VERSION}")
endif()
message(STATUS "metainfo release ${CMAKE_MATCH_1} = project ${VERSION}")
