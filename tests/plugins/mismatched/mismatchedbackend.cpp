#include "mismatchedbackend.h"

#include <cstdlib>

namespace dblearn {

namespace {
// Runs when the library is loaded (dlopen), before any instance exists.
const bool loadedMarker = [] {
    setenv("DBLEARN_TEST_MISMATCHED_LOADED", "1", 1);
    return true;
}();
} // namespace

MismatchedBackend::MismatchedBackend(QObject *parent) : QObject(parent)
{
    Q_UNUSED(loadedMarker);
}

} // namespace dblearn
