# The fuzz build (-DDBLEARN_FUZZ=ON, clang only): every source compiled with libFuzzer's coverage
# instrumentation and AddressSanitizer + UndefinedBehaviorSanitizer. The core library is linked
# without libFuzzer's main (fuzzer-no-link); each target in tests/fuzz adds -fsanitize=fuzzer.
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "DBLEARN_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++ "
                        "-DCMAKE_C_COMPILER=clang (Debian: clang and libclang-rt-14-dev)")
endif()
set(DBLEARN_FUZZ_SANITIZERS address,undefined)
add_compile_options(-fsanitize=fuzzer-no-link,${DBLEARN_FUZZ_SANITIZERS} -fno-sanitize-recover=undefined
                    -fno-omit-frame-pointer -gline-tables-only)
add_link_options(-fsanitize=${DBLEARN_FUZZ_SANITIZERS})
# Findings abort with a stack; asserts in Qt and in the targets stay on.
add_compile_definitions(QT_FORCE_ASSERTS)
