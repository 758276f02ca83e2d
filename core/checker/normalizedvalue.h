#pragma once

#include <QByteArray>
#include <QString>

namespace dblearn {

// One value of a result in the canonical form the checker compares (see ValueNormalizer):
//   Null      SQL NULL; equal to NULL, to nothing else (not 0, not '').
//   Number    an exact integer (qint64), an exact big integer (decimal digits, beyond qint64), or an
//             approximate real (double). Booleans become the integers 1 and 0 (they remember that
//             they were booleans, for display only).
//   Text      text, compared exactly (no trimming, no case folding). JSON is stored compacted.
//   Temporal  a date, timestamp or time of day in canonical text: "2024-01-05",
//             "2024-01-05 10:00:00.5", "10:00:00"; timestamps with an offset are converted to UTC.
//   Blob      bytes, kept as lower-case hex.
class NormalizedValue final
{
public:
    enum class Type : quint8 { Null, Number, Text, Temporal, Blob };
    enum class NumberForm : quint8 { Integer, BigInteger, Real };

    NormalizedValue() = default; // NULL

    static NormalizedValue integer(qint64 value);
    static NormalizedValue boolean(bool value);
    static NormalizedValue real(double value);
    // `digits`: an optional '-' and decimal digits without leading zeros, outside the qint64 range.
    static NormalizedValue bigInteger(const QString &digits);
    static NormalizedValue text(const QString &value);
    static NormalizedValue temporal(const QString &canonical);
    static NormalizedValue blob(const QByteArray &bytes);

    Type type() const { return m_type; }
    bool isNull() const { return m_type == Type::Null; }
    bool isNumber() const { return m_type == Type::Number; }
    NumberForm numberForm() const { return m_form; }
    bool isExactNumber() const { return m_type == Type::Number && m_form != NumberForm::Real; }
    bool isApproximateNumber() const { return m_type == Type::Number && m_form == NumberForm::Real; }
    bool wasBoolean() const { return m_boolean; }

    qint64 integerValue() const { return m_integer; } // NumberForm::Integer
    double realValue() const { return m_real; }       // any number, as a double (may round)
    // Text, canonical temporal text, big-integer digits, or blob hex.
    const QString &textValue() const { return m_text; }

    // Approximate heap and inline memory this value holds, for the capture's memory limit.
    qsizetype memoryUsed() const;

private:
    Type m_type = Type::Null;
    NumberForm m_form = NumberForm::Integer;
    bool m_boolean = false;
    qint64 m_integer = 0;
    double m_real = 0;
    QString m_text;
};

} // namespace dblearn
