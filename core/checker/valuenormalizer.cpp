#include "checker/valuenormalizer.h"

#include "backends/rowbatch.h"

#include <QDate>
#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>
#include <QTime>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <limits>

namespace dblearn {

namespace {

bool isDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

// Reads exactly `count` digits at `pos`.
bool readDigits(QStringView s, qsizetype &pos, int count, int *value)
{
    if (pos + count > s.size())
        return false;
    int v = 0;
    for (int i = 0; i < count; ++i) {
        const QChar c = s[pos + i];
        if (!isDigit(c))
            return false;
        v = v * 10 + (c.unicode() - '0');
    }
    pos += count;
    *value = v;
    return true;
}

struct TimeOfDay {
    int hour = 0;
    int minute = 0;
    int second = 0;
    QString fraction; // digits without trailing zeros
};

bool readTime(QStringView s, qsizetype &pos, bool requireSeconds, TimeOfDay *time)
{
    if (!readDigits(s, pos, 2, &time->hour) || pos >= s.size() || s[pos] != QLatin1Char(':'))
        return false;
    ++pos;
    if (!readDigits(s, pos, 2, &time->minute))
        return false;
    if (pos < s.size() && s[pos] == QLatin1Char(':')) {
        ++pos;
        if (!readDigits(s, pos, 2, &time->second))
            return false;
        if (pos < s.size() && s[pos] == QLatin1Char('.')) {
            ++pos;
            const qsizetype start = pos;
            while (pos < s.size() && isDigit(s[pos]))
                ++pos;
            if (pos == start)
                return false;
            QString digits = s.mid(start, pos - start).toString();
            while (digits.endsWith(QLatin1Char('0')))
                digits.chop(1);
            time->fraction = digits;
        }
    } else if (requireSeconds) {
        return false;
    }
    return time->hour <= 23 && time->minute <= 59 && time->second <= 59;
}

// Z, +HH, +HHMM, +HH:MM (also -). Returns the offset east of UTC in seconds.
bool readOffset(QStringView s, qsizetype &pos, int *seconds)
{
    *seconds = 0;
    if (pos >= s.size())
        return true;
    if (s[pos] == QLatin1Char('Z') || s[pos] == QLatin1Char('z')) {
        ++pos;
        return true;
    }
    const QChar sign = s[pos];
    if (sign != QLatin1Char('+') && sign != QLatin1Char('-'))
        return false;
    ++pos;
    int hours = 0;
    int minutes = 0;
    if (!readDigits(s, pos, 2, &hours))
        return false;
    if (pos < s.size() && s[pos] == QLatin1Char(':'))
        ++pos;
    if (pos < s.size() && !readDigits(s, pos, 2, &minutes))
        return false;
    if (hours > 15 || minutes > 59)
        return false;
    *seconds = (hours * 3600 + minutes * 60) * (sign == QLatin1Char('-') ? -1 : 1);
    return true;
}

QString twoDigits(int v)
{
    return QString::number(v).rightJustified(2, QLatin1Char('0'));
}

QString timeText(const TimeOfDay &t)
{
    QString text = twoDigits(t.hour) + QLatin1Char(':') + twoDigits(t.minute) + QLatin1Char(':') + twoDigits(t.second);
    if (!t.fraction.isEmpty())
        text += QLatin1Char('.') + t.fraction;
    return text;
}

QString quoted(const QString &text, int maxChars)
{
    QString body = text;
    body.replace(QLatin1Char('\''), QLatin1String("''"));
    body.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    body.replace(QLatin1Char('\t'), QLatin1String("\\t"));
    body.replace(QLatin1Char('\r'), QLatin1String("\\r"));
    if (maxChars > 1 && body.size() > maxChars)
        body = body.left(maxChars - 1) + QChar(0x2026);
    return QLatin1Char('\'') + body + QLatin1Char('\'');
}

long double asLongDouble(const NormalizedValue &v)
{
    if (v.numberForm() == NormalizedValue::NumberForm::Integer)
        return static_cast<long double>(v.integerValue());
    return static_cast<long double>(v.realValue());
}

bool exactNumbersEqual(const NormalizedValue &a, const NormalizedValue &b)
{
    using Form = NormalizedValue::NumberForm;
    if (a.numberForm() == Form::Real && b.numberForm() == Form::Real) {
        const double x = a.realValue();
        const double y = b.realValue();
        return x == y || (std::isnan(x) && std::isnan(y));
    }
    if (a.numberForm() == Form::Real)
        return exactNumbersEqual(b, a);
    // a is exact.
    if (b.numberForm() == Form::Integer)
        return a.numberForm() == Form::Integer && a.integerValue() == b.integerValue();
    if (b.numberForm() == Form::BigInteger)
        return a.numberForm() == Form::BigInteger && a.textValue() == b.textValue();
    // b is real.
    qint64 i = 0;
    if (ValueNormalizer::realIsInteger(b.realValue(), &i))
        return a.numberForm() == Form::Integer && a.integerValue() == i;
    const double d = b.realValue();
    if (!std::isfinite(d) || std::floor(d) != d)
        return false;
    return a.numberForm() == Form::BigInteger && a.textValue() == ValueNormalizer::integralDigits(d);
}

} // namespace

NormalizedValue ValueNormalizer::fromBatch(const RowBatch &batch, int row, int column)
{
    const ValueKind kind = batch.kindAt(row, column);
    switch (kind) {
    case ValueKind::Null:
        return NormalizedValue();
    case ValueKind::Integer:
        return NormalizedValue::integer(batch.integerAt(row, column));
    case ValueKind::Real:
        return NormalizedValue::real(batch.realAt(row, column));
    case ValueKind::Boolean:
        return NormalizedValue::boolean(batch.integerAt(row, column) != 0);
    case ValueKind::Blob:
        return NormalizedValue::blob(batch.bytesAt(row, column));
    default:
        return fromText(kind, batch.textAt(row, column));
    }
}

NormalizedValue ValueNormalizer::fromText(ValueKind kind, const QString &text)
{
    switch (kind) {
    case ValueKind::Null:
        return NormalizedValue();
    case ValueKind::Integer:
    case ValueKind::Real:
    case ValueKind::Decimal: {
        NormalizedValue number;
        if (parseDecimal(text, &number))
            return number;
        return NormalizedValue::text(text);
    }
    case ValueKind::Boolean: {
        const QString t = text.trimmed().toLower();
        if (t == QLatin1String("true") || t == QLatin1String("t") || t == QLatin1String("1"))
            return NormalizedValue::boolean(true);
        if (t == QLatin1String("false") || t == QLatin1String("f") || t == QLatin1String("0"))
            return NormalizedValue::boolean(false);
        return NormalizedValue::text(text);
    }
    case ValueKind::Date:
    case ValueKind::Time:
    case ValueKind::DateTime: {
        QString canonical;
        if (parseTemporal(QStringView(text).trimmed(), &canonical, false))
            return NormalizedValue::temporal(canonical);
        return NormalizedValue::text(text);
    }
    case ValueKind::Text: {
        // SQLite has no date type: dates are text. Only strings that are entirely a date,
        // timestamp or HH:MM:SS time are taken as temporal values.
        QString canonical;
        if (!text.isEmpty() && isDigit(text.front()) && parseTemporal(text, &canonical, true))
            return NormalizedValue::temporal(canonical);
        return NormalizedValue::text(text);
    }
    case ValueKind::Json: {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
        if (error.error == QJsonParseError::NoError && !document.isNull())
            return NormalizedValue::text(QString::fromUtf8(document.toJson(QJsonDocument::Compact)));
        return NormalizedValue::text(text);
    }
    case ValueKind::Blob:
        return NormalizedValue::blob(text.toUtf8());
    case ValueKind::Other:
        break;
    }
    return NormalizedValue::text(text);
}

NormalizedValue ValueNormalizer::fromVariant(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return NormalizedValue();
    switch (value.typeId()) {
    case QMetaType::Bool:
        return NormalizedValue::boolean(value.toBool());
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::Char:
    case QMetaType::SChar:
    case QMetaType::UChar:
        return NormalizedValue::integer(value.toLongLong());
    case QMetaType::ULong:
    case QMetaType::ULongLong: {
        const qulonglong u = value.toULongLong();
        if (u > qulonglong(std::numeric_limits<qint64>::max()))
            return NormalizedValue::bigInteger(QString::number(u));
        return NormalizedValue::integer(qint64(u));
    }
    case QMetaType::Double:
    case QMetaType::Float:
        return NormalizedValue::real(value.toDouble());
    case QMetaType::QByteArray:
        return NormalizedValue::blob(value.toByteArray());
    case QMetaType::QDate:
        return NormalizedValue::temporal(value.toDate().toString(Qt::ISODate));
    case QMetaType::QTime:
        return fromText(ValueKind::Time, value.toTime().toString(QStringLiteral("HH:mm:ss.zzz")));
    case QMetaType::QDateTime: {
        const QDateTime dt = value.toDateTime().toUTC();
        return fromText(ValueKind::DateTime, dt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")));
    }
    default:
        break;
    }
    return fromText(ValueKind::Text, value.toString());
}

bool ValueNormalizer::parseDecimal(QStringView text, NormalizedValue *value)
{
    const QStringView s = text.trimmed();
    if (s.isEmpty())
        return false;
    const QString lower = s.toString().toLower();
    if (lower == QLatin1String("nan")) {
        *value = NormalizedValue::real(std::numeric_limits<double>::quiet_NaN());
        return true;
    }
    if (lower == QLatin1String("infinity") || lower == QLatin1String("+infinity") || lower == QLatin1String("inf")) {
        *value = NormalizedValue::real(std::numeric_limits<double>::infinity());
        return true;
    }
    if (lower == QLatin1String("-infinity") || lower == QLatin1String("-inf")) {
        *value = NormalizedValue::real(-std::numeric_limits<double>::infinity());
        return true;
    }

    qsizetype pos = 0;
    bool negative = false;
    if (s[pos] == QLatin1Char('+') || s[pos] == QLatin1Char('-')) {
        negative = s[pos] == QLatin1Char('-');
        ++pos;
    }
    const qsizetype intStart = pos;
    while (pos < s.size() && isDigit(s[pos]))
        ++pos;
    QStringView intPart = s.mid(intStart, pos - intStart);
    QStringView fracPart;
    if (pos < s.size() && s[pos] == QLatin1Char('.')) {
        ++pos;
        const qsizetype fracStart = pos;
        while (pos < s.size() && isDigit(s[pos]))
            ++pos;
        fracPart = s.mid(fracStart, pos - fracStart);
    }
    if (intPart.isEmpty() && fracPart.isEmpty())
        return false;
    bool hasExponent = false;
    if (pos < s.size() && (s[pos] == QLatin1Char('e') || s[pos] == QLatin1Char('E'))) {
        hasExponent = true;
        ++pos;
        if (pos < s.size() && (s[pos] == QLatin1Char('+') || s[pos] == QLatin1Char('-')))
            ++pos;
        const qsizetype expStart = pos;
        while (pos < s.size() && isDigit(s[pos]))
            ++pos;
        if (pos == expStart)
            return false;
    }
    if (pos != s.size())
        return false;

    bool fractionIsZero = true;
    for (QChar c : fracPart) {
        if (c != QLatin1Char('0')) {
            fractionIsZero = false;
            break;
        }
    }
    if (!hasExponent && fractionIsZero) {
        // An integer, possibly written with a zero fraction ("12.00"): exact.
        qsizetype firstNonZero = 0;
        while (firstNonZero < intPart.size() && intPart[firstNonZero] == QLatin1Char('0'))
            ++firstNonZero;
        QString digits = intPart.mid(firstNonZero).toString();
        if (digits.isEmpty()) {
            *value = NormalizedValue::integer(0);
            return true;
        }
        if (negative)
            digits.prepend(QLatin1Char('-'));
        bool ok = false;
        const qint64 i = digits.toLongLong(&ok);
        *value = ok ? NormalizedValue::integer(i) : NormalizedValue::bigInteger(digits);
        return true;
    }
    bool ok = false;
    const double d = s.toString().toDouble(&ok);
    if (!ok)
        return false;
    *value = NormalizedValue::real(d);
    return true;
}

bool ValueNormalizer::parseTemporal(QStringView text, QString *canonical, bool requireSeconds)
{
    const QStringView s = text;
    qsizetype pos = 0;
    int year = 0;
    int month = 0;
    int day = 0;
    auto dash = [&] {
        if (pos < s.size() && s[pos] == QLatin1Char('-')) {
            ++pos;
            return true;
        }
        return false;
    };
    const bool hasDate = readDigits(s, pos, 4, &year) && dash() && readDigits(s, pos, 2, &month) && dash()
        && readDigits(s, pos, 2, &day);
    if (hasDate) {
        const QDate date(year, month, day);
        if (!date.isValid())
            return false;
        if (pos == s.size()) {
            *canonical = date.toString(Qt::ISODate);
            return true;
        }
        if (s[pos] != QLatin1Char('T') && s[pos] != QLatin1Char(' ') && s[pos] != QLatin1Char('t'))
            return false;
        ++pos;
        TimeOfDay time;
        if (!readTime(s, pos, false, &time))
            return false;
        int offset = 0;
        if (pos < s.size() && s[pos] == QLatin1Char(' ') && pos + 1 < s.size())
            ++pos; // "2024-01-05 10:00:00 +02:00"
        if (!readOffset(s, pos, &offset) || pos != s.size())
            return false;
        QDate d = date;
        if (offset != 0) {
            const QDateTime utc = QDateTime(date, QTime(time.hour, time.minute, time.second), QTimeZone::utc())
                                      .addSecs(-offset);
            d = utc.date();
            time.hour = utc.time().hour();
            time.minute = utc.time().minute();
            time.second = utc.time().second();
            // Converted past the years ISO text can show (0001-9999) the date has no canonical form
            // (QDate::toString gives an empty string, and every such instant looked alike): it is
            // not taken as a temporal value.
            if (d.year() < 1 || d.year() > 9999)
                return false;
        }
        QString result = d.toString(Qt::ISODate);
        if (time.hour != 0 || time.minute != 0 || time.second != 0 || !time.fraction.isEmpty())
            result += QLatin1Char(' ') + timeText(time);
        *canonical = result;
        return true;
    }

    pos = 0;
    TimeOfDay time;
    if (!readTime(s, pos, requireSeconds, &time))
        return false;
    int offset = 0;
    if (!readOffset(s, pos, &offset) || pos != s.size())
        return false;
    if (offset != 0) {
        int seconds = time.hour * 3600 + time.minute * 60 + time.second - offset;
        seconds = ((seconds % 86400) + 86400) % 86400;
        time.hour = seconds / 3600;
        time.minute = seconds / 60 % 60;
        time.second = seconds % 60;
    }
    *canonical = timeText(time);
    return true;
}

bool ValueNormalizer::numbersClose(long double a, long double b, double tolerance)
{
    if (std::isnan(a) || std::isnan(b))
        return std::isnan(a) && std::isnan(b);
    if (std::isinf(a) || std::isinf(b))
        return a == b;
    if (tolerance <= 0)
        return a == b;
    const long double scale = std::max({1.0L, std::fabs(a), std::fabs(b)});
    return std::fabs(a - b) <= static_cast<long double>(tolerance) * scale;
}

bool ValueNormalizer::equal(const NormalizedValue &a, const NormalizedValue &b, double tolerance)
{
    if (a.type() != b.type())
        return false;
    switch (a.type()) {
    case NormalizedValue::Type::Null:
        return true;
    case NormalizedValue::Type::Number:
        if ((a.isExactNumber() && b.isExactNumber()) || tolerance <= 0)
            return exactNumbersEqual(a, b);
        return numbersClose(asLongDouble(a), asLongDouble(b), tolerance);
    case NormalizedValue::Type::Text:
    case NormalizedValue::Type::Temporal:
    case NormalizedValue::Type::Blob:
        return a.textValue() == b.textValue();
    }
    return false;
}

QString ValueNormalizer::display(const NormalizedValue &value, int maxChars)
{
    switch (value.type()) {
    case NormalizedValue::Type::Null:
        return QStringLiteral("NULL");
    case NormalizedValue::Type::Number:
        switch (value.numberForm()) {
        case NormalizedValue::NumberForm::Integer:
            if (value.wasBoolean())
                return value.integerValue() ? QStringLiteral("true") : QStringLiteral("false");
            return QString::number(value.integerValue());
        case NormalizedValue::NumberForm::BigInteger:
            return value.textValue();
        case NormalizedValue::NumberForm::Real: {
            const double d = value.realValue();
            if (std::isnan(d))
                return QStringLiteral("NaN");
            if (std::isinf(d))
                return d > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
            QString text = QString::number(d, 'g', QLocale::FloatingPointShortest);
            if (!text.contains(QLatin1Char('.')) && !text.contains(QLatin1Char('e')))
                text += QLatin1String(".0"); // show that it is a real: 3.0, not 3
            return text;
        }
        }
        break;
    case NormalizedValue::Type::Text:
    case NormalizedValue::Type::Temporal:
        return quoted(value.textValue(), maxChars);
    case NormalizedValue::Type::Blob: {
        QString hex = value.textValue();
        if (maxChars > 4 && hex.size() > maxChars - 3)
            hex = hex.left(maxChars - 4) + QChar(0x2026);
        return QLatin1String("x'") + hex + QLatin1Char('\'');
    }
    }
    return QString();
}

NormalizedValue ValueNormalizer::loosened(const NormalizedValue &value, int flags)
{
    if (value.type() != NormalizedValue::Type::Text)
        return value;
    QString text = value.textValue();
    if (flags & TrimSpaces)
        text = text.trimmed();
    if (flags & NumbersFromText) {
        NormalizedValue number;
        if (parseDecimal(text, &number))
            return number;
    }
    if (flags & IgnoreCase)
        text = text.toCaseFolded();
    return NormalizedValue::text(text);
}

bool ValueNormalizer::realIsInteger(double value, qint64 *integer)
{
    // [-2^63, 2^63): every integral double in this range converts to qint64 exactly.
    if (!std::isfinite(value) || std::floor(value) != value || value < -9223372036854775808.0
        || value >= 9223372036854775808.0) {
        return false;
    }
    *integer = static_cast<qint64>(value);
    return true;
}

QString ValueNormalizer::integralDigits(double value)
{
    return QString::number(value, 'f', 0);
}

} // namespace dblearn
