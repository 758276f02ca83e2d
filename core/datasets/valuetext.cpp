#include "datasets/valuetext.h"

namespace dblearn {

namespace {

// Howard Hinnant's days_from_civil and civil_from_days (public domain algorithms).
qint64 daysFromCivil(qint64 y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

void civilFromDays(qint64 z, qint64 *year, unsigned *month, unsigned *day)
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    *day = doy - (153 * mp + 2) / 5 + 1;
    *month = mp < 10 ? mp + 3 : mp - 9;
    *year = qint64(yoe) + era * 400 + (*month <= 2);
}

inline void two(unsigned v, char *out)
{
    out[0] = char('0' + v / 10);
    out[1] = char('0' + v % 10);
}

int writeDate(qint64 days, char *out)
{
    qint64 y;
    unsigned m, d;
    civilFromDays(days, &y, &m, &d);
    const unsigned year = unsigned(y < 0 ? 0 : y > 9999 ? 9999 : y);
    out[0] = char('0' + year / 1000);
    out[1] = char('0' + year / 100 % 10);
    out[2] = char('0' + year / 10 % 10);
    out[3] = char('0' + year % 10);
    out[4] = '-';
    two(m, out + 5);
    out[7] = '-';
    two(d, out + 8);
    return 10;
}

qint64 floorDiv(qint64 a, qint64 b)
{
    qint64 q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        --q;
    return q;
}

} // namespace

int ValueText::integer(qint64 value, char *out)
{
    char buffer[24];
    int n = 0;
    quint64 v = value < 0 ? quint64(0) - quint64(value) : quint64(value);
    do {
        buffer[n++] = char('0' + v % 10);
        v /= 10;
    } while (v);
    int i = 0;
    if (value < 0)
        out[i++] = '-';
    while (n)
        out[i++] = buffer[--n];
    return i;
}

int ValueText::fixed(qint64 units, int decimals, char *out)
{
    if (decimals <= 0)
        return integer(units, out);
    quint64 scale = 1;
    for (int i = 0; i < decimals; ++i)
        scale *= 10;
    int i = 0;
    if (units < 0)
        out[i++] = '-';
    const quint64 magnitude = units < 0 ? quint64(0) - quint64(units) : quint64(units);
    i += integer(qint64(magnitude / scale), out + i);
    out[i++] = '.';
    quint64 fraction = magnitude % scale;
    for (int d = decimals - 1; d >= 0; --d) {
        out[i + d] = char('0' + fraction % 10);
        fraction /= 10;
    }
    return i + decimals;
}

int ValueText::timestamp(qint64 secondsSinceEpoch, char *out)
{
    const qint64 days = floorDiv(secondsSinceEpoch, day);
    const unsigned seconds = unsigned(secondsSinceEpoch - days * day);
    writeDate(days, out);
    out[10] = ' ';
    two(seconds / 3600, out + 11);
    out[13] = ':';
    two(seconds / 60 % 60, out + 14);
    out[16] = ':';
    two(seconds % 60, out + 17);
    return 19;
}

int ValueText::date(qint64 secondsSinceEpoch, char *out)
{
    return writeDate(floorDiv(secondsSinceEpoch, day), out);
}

qint64 ValueText::epoch(int year, int month, int day, int hour, int minute, int second)
{
    return daysFromCivil(year, unsigned(month), unsigned(day)) * ValueText::day + hour * 3600 + minute * 60 + second;
}

} // namespace dblearn
