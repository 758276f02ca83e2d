#pragma once

#include "backends/column.h"
#include "checker/normalizedvalue.h"

#include <QString>
#include <QStringView>
#include <QVariant>

namespace dblearn {

class RowBatch;

// The checker's value rules: how an engine's value becomes a NormalizedValue, when two values are
// equal, and how a value is shown in feedback.
//
//   - NULL equals NULL and nothing else (not 0, not '').
//   - Numbers compare by value: integer 3 equals real 3.0 and decimal '3.00'. Two exact integers
//     (qint64 or longer decimals without fraction) compare exactly, whatever the tolerance. When
//     either side is approximate (a real, or a decimal with a fraction), they are equal when
//     |a - b| <= tolerance * max(1, |a|, |b|) (absolute near zero, relative for large values);
//     tolerance 0 means exactly equal. NaN equals NaN; an infinity equals only itself.
//   - Decimals arrive as text ("12.50"): they become numbers (12.5), so '12.50' equals 12.5.
//   - Booleans become 1 and 0, so PostgreSQL's true equals SQLite's and MariaDB's 1.
//   - Dates and timestamps in the common text forms become canonical: '2024-01-05',
//     '2024-01-05 10:00', '2024-01-05T10:00:00', '2024-01-05 10:00:00.000', '2024-01-05 10:00:00+00'
//     all name one instant. A timestamp at midnight equals the date. Offsets are applied (the value
//     is converted to UTC); fractional seconds keep their digits without trailing zeros. Text
//     values are recognised as dates too (SQLite has no date type), which means a text exercise
//     cannot tell '2024-01-05T10:00:00' from '2024-01-05 10:00:00'.
//   - Text compares exactly: no trimming, no case folding (loosened() exists for hints only).
//   - JSON values are compared in compact form with sorted keys.
class ValueNormalizer final
{
public:
    static NormalizedValue fromBatch(const RowBatch &batch, int row, int column);
    // A value an engine delivered as text with the given kind (Decimal, Date, Text, Json, ...).
    static NormalizedValue fromText(ValueKind kind, const QString &text);
    // For tests and for callers holding QVariants: null, bool, integers, double, QString,
    // QByteArray (blob), QDate, QTime, QDateTime.
    static NormalizedValue fromVariant(const QVariant &value);

    // A decimal number as text: [+-]digits[.digits][e[+-]digits], NaN, Infinity. Surrounding
    // spaces are allowed. Returns false when `text` is not such a number.
    static bool parseDecimal(QStringView text, NormalizedValue *value);
    // YYYY-MM-DD, optionally followed by 'T' or ' ' and HH:MM[:SS[.fraction]] and an offset
    // (Z, +HH, +HHMM, +HH:MM); or a time of day alone. `requireSeconds` refuses a bare "10:30"
    // as a time of day (used for plain text). Returns false when `text` is no such value.
    static bool parseTemporal(QStringView text, QString *canonical, bool requireSeconds = true);

    static bool equal(const NormalizedValue &a, const NormalizedValue &b, double tolerance);
    static bool numbersClose(long double a, long double b, double tolerance);

    // The value as it appears in feedback: NULL, 42, 3.5, true, 'text' (quotes doubled),
    // '2024-01-05', x'00ff'; text longer than `maxChars` is elided with "…".
    static QString display(const NormalizedValue &value, int maxChars = 40);

    // Looser forms of a value, used only to explain near misses ("only letter case differs").
    enum LooseFlag { TrimSpaces = 0x1, IgnoreCase = 0x2, NumbersFromText = 0x4 };
    static NormalizedValue loosened(const NormalizedValue &value, int flags);

    // Exact-comparison helpers shared with the row matcher's keys (they must agree with equal()).
    static bool realIsInteger(double value, qint64 *integer);
    static QString integralDigits(double value); // an integral double's exact decimal digits
};

} // namespace dblearn
