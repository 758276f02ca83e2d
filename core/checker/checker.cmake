# The exercise checker: runs a reference solution and the learner's SQL under limits and compares
# the results by the rules in lesson-authoring.md ("Checking an exercise answer robustly").
target_sources(dblearn-core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/exercisechecker.cpp ${CMAKE_CURRENT_LIST_DIR}/exercisechecker.h
    ${CMAKE_CURRENT_LIST_DIR}/normalizedvalue.cpp ${CMAKE_CURRENT_LIST_DIR}/normalizedvalue.h
    ${CMAKE_CURRENT_LIST_DIR}/querywatchdog.cpp ${CMAKE_CURRENT_LIST_DIR}/querywatchdog.h
    ${CMAKE_CURRENT_LIST_DIR}/resultcapture.cpp ${CMAKE_CURRENT_LIST_DIR}/resultcapture.h
    ${CMAKE_CURRENT_LIST_DIR}/resultcomparator.cpp ${CMAKE_CURRENT_LIST_DIR}/resultcomparator.h
    ${CMAKE_CURRENT_LIST_DIR}/resultset.cpp ${CMAKE_CURRENT_LIST_DIR}/resultset.h
    ${CMAKE_CURRENT_LIST_DIR}/rowmatcher.cpp ${CMAKE_CURRENT_LIST_DIR}/rowmatcher.h
    ${CMAKE_CURRENT_LIST_DIR}/sqltext.cpp ${CMAKE_CURRENT_LIST_DIR}/sqltext.h
    ${CMAKE_CURRENT_LIST_DIR}/valuenormalizer.cpp ${CMAKE_CURRENT_LIST_DIR}/valuenormalizer.h
)
