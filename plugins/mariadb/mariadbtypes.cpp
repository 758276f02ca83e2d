#include "mariadbtypes.h"

namespace dblearn {

namespace {
// The character set number of binary strings (BLOB, BINARY, VARBINARY).
constexpr unsigned BinaryCharset = 63;
} // namespace

ValueKind MariadbTypes::kindOf(const MYSQL_FIELD &field)
{
    switch (field.type) {
    case MYSQL_TYPE_TINY:
    case MYSQL_TYPE_SHORT:
    case MYSQL_TYPE_LONG:
    case MYSQL_TYPE_INT24:
    case MYSQL_TYPE_YEAR:
        return ValueKind::Integer;
    case MYSQL_TYPE_LONGLONG:
        // An unsigned BIGINT may exceed qint64: kept exact as a decimal string.
        return (field.flags & UNSIGNED_FLAG) ? ValueKind::Decimal : ValueKind::Integer;
    case MYSQL_TYPE_FLOAT:
    case MYSQL_TYPE_DOUBLE:
        return ValueKind::Real;
    case MYSQL_TYPE_DECIMAL:
    case MYSQL_TYPE_NEWDECIMAL:
        return ValueKind::Decimal;
    case MYSQL_TYPE_DATE:
    case MYSQL_TYPE_NEWDATE:
        return ValueKind::Date;
    case MYSQL_TYPE_TIME:
        return ValueKind::Time;
    case MYSQL_TYPE_DATETIME:
    case MYSQL_TYPE_TIMESTAMP:
        return ValueKind::DateTime;
    case MYSQL_TYPE_JSON:
        return ValueKind::Json;
    case MYSQL_TYPE_NULL:
        return ValueKind::Null;
    case MYSQL_TYPE_BIT:
    case MYSQL_TYPE_GEOMETRY:
        return ValueKind::Blob;
    case MYSQL_TYPE_TINY_BLOB:
    case MYSQL_TYPE_MEDIUM_BLOB:
    case MYSQL_TYPE_LONG_BLOB:
    case MYSQL_TYPE_BLOB:
    case MYSQL_TYPE_STRING:
    case MYSQL_TYPE_VAR_STRING:
    case MYSQL_TYPE_VARCHAR:
        return field.charsetnr == BinaryCharset ? ValueKind::Blob : ValueKind::Text;
    default:
        return ValueKind::Other;
    }
}

QString MariadbTypes::nameOf(const MYSQL_FIELD &field)
{
    const bool binary = field.charsetnr == BinaryCharset;
    QString name;
    switch (field.type) {
    case MYSQL_TYPE_TINY: name = QStringLiteral("tinyint"); break;
    case MYSQL_TYPE_SHORT: name = QStringLiteral("smallint"); break;
    case MYSQL_TYPE_INT24: name = QStringLiteral("mediumint"); break;
    case MYSQL_TYPE_LONG: name = QStringLiteral("int"); break;
    case MYSQL_TYPE_LONGLONG: name = QStringLiteral("bigint"); break;
    case MYSQL_TYPE_YEAR: name = QStringLiteral("year"); break;
    case MYSQL_TYPE_FLOAT: name = QStringLiteral("float"); break;
    case MYSQL_TYPE_DOUBLE: name = QStringLiteral("double"); break;
    case MYSQL_TYPE_DECIMAL:
    case MYSQL_TYPE_NEWDECIMAL: name = QStringLiteral("decimal"); break;
    case MYSQL_TYPE_DATE:
    case MYSQL_TYPE_NEWDATE: name = QStringLiteral("date"); break;
    case MYSQL_TYPE_TIME: name = QStringLiteral("time"); break;
    case MYSQL_TYPE_DATETIME: name = QStringLiteral("datetime"); break;
    case MYSQL_TYPE_TIMESTAMP: name = QStringLiteral("timestamp"); break;
    case MYSQL_TYPE_JSON: name = QStringLiteral("json"); break;
    case MYSQL_TYPE_BIT: name = QStringLiteral("bit"); break;
    case MYSQL_TYPE_GEOMETRY: name = QStringLiteral("geometry"); break;
    case MYSQL_TYPE_NULL: name = QStringLiteral("null"); break;
    case MYSQL_TYPE_TINY_BLOB:
    case MYSQL_TYPE_MEDIUM_BLOB:
    case MYSQL_TYPE_LONG_BLOB:
    case MYSQL_TYPE_BLOB: name = binary ? QStringLiteral("blob") : QStringLiteral("text"); break;
    case MYSQL_TYPE_STRING: name = binary ? QStringLiteral("binary") : QStringLiteral("char"); break;
    case MYSQL_TYPE_VAR_STRING:
    case MYSQL_TYPE_VARCHAR: name = binary ? QStringLiteral("varbinary") : QStringLiteral("varchar"); break;
    default: name = QStringLiteral("type %1").arg(int(field.type)); break;
    }
    if ((field.flags & UNSIGNED_FLAG) && kindOf(field) != ValueKind::Blob && field.type != MYSQL_TYPE_YEAR)
        name += QStringLiteral(" unsigned");
    return name;
}

} // namespace dblearn
