#pragma once

#include <QtGlobal>

namespace dblearn {

// Fast, locale-independent text forms of generated values, shared by every row writer so that
// all engines receive exactly the same literals. Each function writes into `out` (which must have
// room for 32 bytes) and returns the number of bytes written; nothing is NUL-terminated.
class ValueText final
{
public:
    static int integer(qint64 value, char *out);
    // units / 10^decimals with exactly `decimals` digits after the point: (1999, 2) -> "19.99".
    static int fixed(qint64 units, int decimals, char *out);
    // Seconds since 1970-01-01 00:00:00 UTC -> "YYYY-MM-DD HH:MM:SS".
    static int timestamp(qint64 secondsSinceEpoch, char *out);
    // Seconds since the epoch -> "YYYY-MM-DD" (the day containing that instant).
    static int date(qint64 secondsSinceEpoch, char *out);

    // Seconds since the epoch of a UTC calendar time.
    static qint64 epoch(int year, int month, int day, int hour = 0, int minute = 0, int second = 0);
    static constexpr qint64 day = 86400;
};

} // namespace dblearn
