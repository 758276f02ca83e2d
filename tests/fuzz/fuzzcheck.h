#pragma once

#include <QString>

#include <cstdio>
#include <cstdlib>

// An invariant a fuzz target asserts: when it does not hold, the input is a finding. The message
// says which invariant broke (libFuzzer then saves the input as crash-*).
#define DBLEARN_FUZZ_CHECK(condition, what)                                                        \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "fuzz invariant broken: %s\n  (%s, %s:%d)\n",                     \
                         qPrintable(QString(what)), #condition, __FILE__, __LINE__);               \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)
