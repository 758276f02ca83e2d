# dblearn-bench-console: the SQL console's figures (first screen, scrolling memory, CSV export,
# UI-thread stall) over the 10M-row table of dblearn-bench-fetch. Included by CMakeLists.txt here.
add_executable(dblearn-bench-console ${CMAKE_CURRENT_LIST_DIR}/consolebench.cpp)
target_link_libraries(dblearn-bench-console PRIVATE dblearn-ui)
add_dependencies(dblearn-bench-console dblearn-sqlite)
