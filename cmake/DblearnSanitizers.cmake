# Sanitizer builds: -DDBLEARN_SANITIZE=address,undefined instruments every target of the tree
# (core, plugins, ui, apps, tests). Use a build directory of its own (./dev test-sanitizers uses
# build-asan). Qt, WebEngine's Chromium processes and the system libraries are not instrumented.
#
# UBSan findings abort (-fno-sanitize-recover) so that CTest sees them as failures; ASan aborts on
# its own. The run-time options and suppression files (tests/sanitizers/) are given to every test
# by DblearnTesting.cmake through DBLEARN_SANITIZER_TEST_ENV, or DBLEARN_SANITIZER_WEBENGINE_TEST_ENV
# for the tests that open Qt WebEngine pages (dblearn_add_test WEBENGINE).
set(DBLEARN_SANITIZE "" CACHE STRING
    "Comma-separated sanitizers to build with (address, undefined); empty for none")

set(DBLEARN_SANITIZER_TEST_ENV "")
set(DBLEARN_SANITIZER_WEBENGINE_TEST_ENV "")
if(DBLEARN_SANITIZE)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
        message(FATAL_ERROR "DBLEARN_SANITIZE needs gcc or clang")
    endif()
    string(REPLACE "," ";" dblearn_sanitizers "${DBLEARN_SANITIZE}")
    foreach(s IN LISTS dblearn_sanitizers)
        if(NOT s MATCHES "^(address|undefined)$")
            message(FATAL_ERROR "DBLEARN_SANITIZE: unknown sanitizer '${s}' (address, undefined)")
        endif()
    endforeach()
    set(flags -fsanitize=${DBLEARN_SANITIZE} -fno-omit-frame-pointer)
    if("undefined" IN_LIST dblearn_sanitizers)
        list(APPEND flags -fno-sanitize-recover=undefined)
    endif()
    add_compile_options(${flags})
    add_link_options(-fsanitize=${DBLEARN_SANITIZE})

    set(supp ${CMAKE_SOURCE_DIR}/tests/sanitizers)
    # detect_leaks: LeakSanitizer runs at exit of every test; lsan.supp names the leaks that are
    # not ours. strict_string_checks is off: Qt calls strlen-like functions on unterminated views.
    set(asan "detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=0:check_initialization_order=1")
    set(lsan_ubsan
        "LSAN_OPTIONS=suppressions=${supp}/lsan.supp:print_suppressions=0"
        "UBSAN_OPTIONS=suppressions=${supp}/ubsan.supp:print_stacktrace=1:halt_on_error=1")
    set(DBLEARN_SANITIZER_TEST_ENV "ASAN_OPTIONS=${asan}" ${lsan_ubsan})
    # new_delete_type_mismatch is off for the WebEngine tests only: the Chromium inside Qt WebEngine
    # 6.4 (libQt6WebEngineCore, not instrumented) frees an 88-byte object with a sized delete of 24
    # bytes, for instance when a QWebEnginePage is destroyed (~WebContentsAdapter); every frame of
    # the allocation and of the deletion is inside that library. The check stays on for other tests.
    set(DBLEARN_SANITIZER_WEBENGINE_TEST_ENV "ASAN_OPTIONS=${asan}:new_delete_type_mismatch=0" ${lsan_ubsan})
endif()
