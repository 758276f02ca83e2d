# dblearn-bench-dataset: creating a dataset through the backend interface against raw prepared
# inserts with the SQLite C API (see datasetbench.cpp). Included from tests/benchmarks/CMakeLists.txt.
add_executable(dblearn-bench-dataset ${CMAKE_CURRENT_LIST_DIR}/datasetbench.cpp)
target_link_libraries(dblearn-bench-dataset PRIVATE dblearn::core PkgConfig::SQLITE3)
