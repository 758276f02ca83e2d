#include "checker/normalizedvalue.h"

namespace dblearn {

NormalizedValue NormalizedValue::integer(qint64 value)
{
    NormalizedValue v;
    v.m_type = Type::Number;
    v.m_form = NumberForm::Integer;
    v.m_integer = value;
    v.m_real = double(value);
    return v;
}

NormalizedValue NormalizedValue::boolean(bool value)
{
    NormalizedValue v = integer(value ? 1 : 0);
    v.m_boolean = true;
    return v;
}

NormalizedValue NormalizedValue::real(double value)
{
    NormalizedValue v;
    v.m_type = Type::Number;
    v.m_form = NumberForm::Real;
    v.m_real = value == 0 ? 0.0 : value; // -0.0 and 0.0 are one value
    return v;
}

NormalizedValue NormalizedValue::bigInteger(const QString &digits)
{
    NormalizedValue v;
    v.m_type = Type::Number;
    v.m_form = NumberForm::BigInteger;
    v.m_text = digits;
    v.m_real = digits.toDouble();
    return v;
}

NormalizedValue NormalizedValue::text(const QString &value)
{
    NormalizedValue v;
    v.m_type = Type::Text;
    v.m_text = value;
    return v;
}

NormalizedValue NormalizedValue::temporal(const QString &canonical)
{
    NormalizedValue v;
    v.m_type = Type::Temporal;
    v.m_text = canonical;
    return v;
}

NormalizedValue NormalizedValue::blob(const QByteArray &bytes)
{
    NormalizedValue v;
    v.m_type = Type::Blob;
    v.m_text = QString::fromLatin1(bytes.toHex());
    return v;
}

qsizetype NormalizedValue::memoryUsed() const
{
    return qsizetype(sizeof(NormalizedValue)) + m_text.capacity() * qsizetype(sizeof(QChar));
}

} // namespace dblearn
