# dblearn-bench-plan: parse + analyse + lay out a large plan against QJsonDocument::fromJson on the
# same bytes. The plan is made by makeplan.sh on a PostgreSQL server. Included by CMakeLists.txt here.
add_executable(dblearn-bench-plan ${CMAKE_CURRENT_LIST_DIR}/planbench.cpp)
target_link_libraries(dblearn-bench-plan PRIVATE dblearn::core)
