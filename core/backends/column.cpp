#include "backends/column.h"

namespace dblearn {

QString valueKindName(ValueKind kind)
{
    switch (kind) {
    case ValueKind::Null: return QStringLiteral("null");
    case ValueKind::Integer: return QStringLiteral("integer");
    case ValueKind::Real: return QStringLiteral("real");
    case ValueKind::Text: return QStringLiteral("text");
    case ValueKind::Blob: return QStringLiteral("blob");
    case ValueKind::Boolean: return QStringLiteral("boolean");
    case ValueKind::Decimal: return QStringLiteral("decimal");
    case ValueKind::Date: return QStringLiteral("date");
    case ValueKind::Time: return QStringLiteral("time");
    case ValueKind::DateTime: return QStringLiteral("datetime");
    case ValueKind::Json: return QStringLiteral("json");
    case ValueKind::Other: break;
    }
    return QStringLiteral("other");
}

} // namespace dblearn
