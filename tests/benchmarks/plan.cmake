# dblearn-bench-plan: parse + analyse + lay out a large plan against QJsonDocument::fromJson on the
# same bytes. The plan is made by makeplan.sh on a PostgreSQL server. Included by CMakeLists.txt here.
add_executable(dblearn-bench-plan ${CMAKE_CURRENT_LIST_DIR}/planbench.cpp)
target_link_libraries(dblearn-bench-plan PRIVATE dblearn::core)

# dblearn-bench-planview: the plan window on that plan, offscreen: open to painted, and pan/zoom
# frames of the graph against the same view with an empty scene.
add_executable(dblearn-bench-planview ${CMAKE_CURRENT_LIST_DIR}/planviewbench.cpp)
target_link_libraries(dblearn-bench-planview PRIVATE dblearn-ui)
