# dblearn-bench-tco: recomputing a 3-scenario, 60-month cost worksheet with its tornado (see tcobench.cpp).
# Included from tests/benchmarks/CMakeLists.txt.
add_executable(dblearn-bench-tco ${CMAKE_CURRENT_LIST_DIR}/tcobench.cpp)
target_link_libraries(dblearn-bench-tco PRIVATE dblearn::core)
