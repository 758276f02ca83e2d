# dblearn_add_test(<name> SOURCES <files...> [LIBRARIES <targets...>] [GUI] [LABELS <labels...>])
# One QtTest executable per unit, registered with CTest. GUI tests run offscreen.
function(dblearn_add_test name)
    cmake_parse_arguments(ARG "GUI" "TIMEOUT" "SOURCES;LIBRARIES;LABELS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test dblearn::core ${ARG_LIBRARIES})
    target_compile_definitions(${name} PRIVATE
        DBLEARN_TEST_SOURCE_DIR="${CMAKE_SOURCE_DIR}/tests"
        DBLEARN_TEST_PLUGIN_DIR="${CMAKE_BINARY_DIR}/tests/plugins")
    add_test(NAME ${name} COMMAND ${name})
    set(env "QT_QPA_PLATFORM=offscreen")
    if(ARG_GUI)
        # Tests may run as root in CI containers, where Chromium's sandbox cannot start.
        list(APPEND env "QTWEBENGINE_DISABLE_SANDBOX=1" "QTWEBENGINE_CHROMIUM_FLAGS=--disable-gpu")
    endif()
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES ENVIRONMENT "${env}" TIMEOUT ${ARG_TIMEOUT} LABELS "${ARG_LABELS}")
endfunction()
