# dblearn_add_test(<name> SOURCES <files...> [LIBRARIES <targets...>] [GUI] [WEBENGINE] [SERVERS]
#                  [LABELS <labels...>])
# One QtTest executable per unit, registered with CTest. GUI tests run offscreen. WEBENGINE tests
# (GUI tests that open Qt WebEngine pages) get the sanitizer options for WebEngine. SERVERS tests need
# the private PostgreSQL and MariaDB that tests/servers/testservers starts (CTest fixture "servers");
# they find the servers' URIs in the file named by DBLEARN_TEST_SERVERS_ENV.
function(dblearn_add_test name)
    cmake_parse_arguments(ARG "GUI;WEBENGINE;SERVERS" "TIMEOUT" "SOURCES;LIBRARIES;LABELS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test dblearn::core ${ARG_LIBRARIES})
    target_include_directories(${name} PRIVATE ${CMAKE_SOURCE_DIR}/tests)
    target_compile_definitions(${name} PRIVATE
        DBLEARN_TEST_SOURCE_DIR="${CMAKE_SOURCE_DIR}/tests"
        DBLEARN_TEST_PLUGIN_DIR="${CMAKE_BINARY_DIR}/tests/plugins")
    add_test(NAME ${name} COMMAND ${name})
    if(ARG_WEBENGINE)
        set(ARG_GUI TRUE)
        set(env "QT_QPA_PLATFORM=offscreen" ${DBLEARN_SANITIZER_WEBENGINE_TEST_ENV})
    else()
        set(env "QT_QPA_PLATFORM=offscreen" ${DBLEARN_SANITIZER_TEST_ENV})
    endif()
    if(ARG_GUI)
        # Tests may run as root in CI containers, where Chromium's sandbox cannot start.
        list(APPEND env "QTWEBENGINE_DISABLE_SANDBOX=1" "QTWEBENGINE_CHROMIUM_FLAGS=--disable-gpu")
    endif()
    if(ARG_SERVERS)
        list(APPEND env "DBLEARN_TEST_SERVERS_ENV=${DBLEARN_TEST_SERVERS_ENV}")
        set_tests_properties(${name} PROPERTIES FIXTURES_REQUIRED servers)
    endif()
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES ENVIRONMENT "${env}" TIMEOUT ${ARG_TIMEOUT} LABELS "${ARG_LABELS}")
endfunction()

# The private database servers for SERVERS tests: started before the first of them, stopped after
# the last (CTest fixtures), whatever subset of tests runs.
set(DBLEARN_TEST_SERVERS_ENV ${CMAKE_BINARY_DIR}/test-servers.env)
function(dblearn_add_test_servers)
    add_test(NAME test-servers.start
             COMMAND ${CMAKE_SOURCE_DIR}/tests/servers/testservers start ${DBLEARN_TEST_SERVERS_ENV})
    add_test(NAME test-servers.stop
             COMMAND ${CMAKE_SOURCE_DIR}/tests/servers/testservers stop ${DBLEARN_TEST_SERVERS_ENV})
    set_tests_properties(test-servers.start PROPERTIES FIXTURES_SETUP servers TIMEOUT 120)
    set_tests_properties(test-servers.stop PROPERTIES FIXTURES_CLEANUP servers TIMEOUT 60)
endfunction()
