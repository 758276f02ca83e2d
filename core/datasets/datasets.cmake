# Teaching datasets: deterministic generators, the catalog, the builder that loads them through the
# backend interface, and checksums for comparing engines. Included from core/CMakeLists.txt.
target_sources(dblearn-core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/datasetprovider.cpp ${CMAKE_CURRENT_LIST_DIR}/datasetprovider.h
    ${CMAKE_CURRENT_LIST_DIR}/bankgenerator.cpp
    ${CMAKE_CURRENT_LIST_DIR}/bankgenerator.h
    ${CMAKE_CURRENT_LIST_DIR}/batchinsertwriter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/batchinsertwriter.h
    ${CMAKE_CURRENT_LIST_DIR}/datasetbuilder.cpp
    ${CMAKE_CURRENT_LIST_DIR}/datasetbuilder.h
    ${CMAKE_CURRENT_LIST_DIR}/datasetcatalog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/datasetcatalog.h
    ${CMAKE_CURRENT_LIST_DIR}/datasetchecksum.cpp
    ${CMAKE_CURRENT_LIST_DIR}/datasetchecksum.h
    ${CMAKE_CURRENT_LIST_DIR}/datasetgenerator.cpp
    ${CMAKE_CURRENT_LIST_DIR}/datasetgenerator.h
    ${CMAKE_CURRENT_LIST_DIR}/datasetrandom.cpp
    ${CMAKE_CURRENT_LIST_DIR}/datasetrandom.h
    ${CMAKE_CURRENT_LIST_DIR}/datasetsink.h
    ${CMAKE_CURRENT_LIST_DIR}/docsgenerator.cpp
    ${CMAKE_CURRENT_LIST_DIR}/docsgenerator.h
    ${CMAKE_CURRENT_LIST_DIR}/featuresgenerator.cpp
    ${CMAKE_CURRENT_LIST_DIR}/featuresgenerator.h
    ${CMAKE_CURRENT_LIST_DIR}/hrgenerator.cpp
    ${CMAKE_CURRENT_LIST_DIR}/hrgenerator.h
    ${CMAKE_CURRENT_LIST_DIR}/iotgenerator.cpp
    ${CMAKE_CURRENT_LIST_DIR}/iotgenerator.h
    ${CMAKE_CURRENT_LIST_DIR}/samplenames.cpp
    ${CMAKE_CURRENT_LIST_DIR}/samplenames.h
    ${CMAKE_CURRENT_LIST_DIR}/snippetsandbox.cpp
    ${CMAKE_CURRENT_LIST_DIR}/snippetsandbox.h
    ${CMAKE_CURRENT_LIST_DIR}/shopgenerator.cpp
    ${CMAKE_CURRENT_LIST_DIR}/shopgenerator.h
    ${CMAKE_CURRENT_LIST_DIR}/socialgenerator.cpp
    ${CMAKE_CURRENT_LIST_DIR}/socialgenerator.h
    ${CMAKE_CURRENT_LIST_DIR}/sqldialect.cpp
    ${CMAKE_CURRENT_LIST_DIR}/sqldialect.h
    ${CMAKE_CURRENT_LIST_DIR}/tablespec.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tablespec.h
    ${CMAKE_CURRENT_LIST_DIR}/tablewriter.h
    ${CMAKE_CURRENT_LIST_DIR}/textbuilder.cpp
    ${CMAKE_CURRENT_LIST_DIR}/textbuilder.h
    ${CMAKE_CURRENT_LIST_DIR}/valuetext.cpp
    ${CMAKE_CURRENT_LIST_DIR}/valuetext.h
    ${CMAKE_CURRENT_LIST_DIR}/vectormath.cpp
    ${CMAKE_CURRENT_LIST_DIR}/vectormath.h
)
