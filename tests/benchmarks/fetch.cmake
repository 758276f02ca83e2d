# dblearn-bench-fetch: streams every row of a large SQLite table through the sqlite plugin
# (--mode ours) or through a bare sqlite3_step loop (--mode raw). Included by CMakeLists.txt here.
add_executable(dblearn-bench-fetch ${CMAKE_CURRENT_LIST_DIR}/fetchbench.cpp)
target_link_libraries(dblearn-bench-fetch PRIVATE dblearn::core PkgConfig::SQLITE3)
# "ours" loads the plugin from the build tree's plugin folder.
add_dependencies(dblearn-bench-fetch dblearn-sqlite)
