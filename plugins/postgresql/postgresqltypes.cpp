#include "postgresqltypes.h"

namespace dblearn {

namespace {
// OIDs from PostgreSQL's src/include/catalog/pg_type.dat; they are fixed across versions.
enum : Oid {
    BoolOid = 16, ByteaOid = 17, CharOid = 18, NameOid = 19, Int8Oid = 20, Int2Oid = 21, Int4Oid = 23,
    TextOid = 25, OidOid = 26, JsonOid = 114, XmlOid = 142, Float4Oid = 700, Float8Oid = 701,
    MoneyOid = 790, BpcharOid = 1042, VarcharOid = 1043, DateOid = 1082, TimeOid = 1083,
    TimestampOid = 1114, TimestamptzOid = 1184, IntervalOid = 1186, TimetzOid = 1266, NumericOid = 1700,
    UuidOid = 2950, JsonbOid = 3802,
};
} // namespace

ValueKind PostgresqlTypes::kindOf(Oid type)
{
    switch (type) {
    case BoolOid:
        return ValueKind::Boolean;
    case Int2Oid:
    case Int4Oid:
    case Int8Oid:
    case OidOid:
        return ValueKind::Integer;
    case Float4Oid:
    case Float8Oid:
        return ValueKind::Real;
    case NumericOid:
        return ValueKind::Decimal;
    case TextOid:
    case VarcharOid:
    case BpcharOid:
    case CharOid:
    case NameOid:
    case UuidOid:
    case XmlOid:
        return ValueKind::Text;
    case ByteaOid:
        return ValueKind::Blob;
    case DateOid:
        return ValueKind::Date;
    case TimeOid:
    case TimetzOid:
        return ValueKind::Time;
    case TimestampOid:
    case TimestamptzOid:
        return ValueKind::DateTime;
    case JsonOid:
    case JsonbOid:
        return ValueKind::Json;
    default:
        return ValueKind::Other;
    }
}

QString PostgresqlTypes::nameOf(Oid type)
{
    switch (type) {
    case BoolOid: return QStringLiteral("boolean");
    case ByteaOid: return QStringLiteral("bytea");
    case CharOid: return QStringLiteral("\"char\"");
    case NameOid: return QStringLiteral("name");
    case Int8Oid: return QStringLiteral("bigint");
    case Int2Oid: return QStringLiteral("smallint");
    case Int4Oid: return QStringLiteral("integer");
    case TextOid: return QStringLiteral("text");
    case OidOid: return QStringLiteral("oid");
    case JsonOid: return QStringLiteral("json");
    case XmlOid: return QStringLiteral("xml");
    case Float4Oid: return QStringLiteral("real");
    case Float8Oid: return QStringLiteral("double precision");
    case MoneyOid: return QStringLiteral("money");
    case BpcharOid: return QStringLiteral("character");
    case VarcharOid: return QStringLiteral("character varying");
    case DateOid: return QStringLiteral("date");
    case TimeOid: return QStringLiteral("time");
    case TimestampOid: return QStringLiteral("timestamp");
    case TimestamptzOid: return QStringLiteral("timestamp with time zone");
    case IntervalOid: return QStringLiteral("interval");
    case TimetzOid: return QStringLiteral("time with time zone");
    case NumericOid: return QStringLiteral("numeric");
    case UuidOid: return QStringLiteral("uuid");
    case JsonbOid: return QStringLiteral("jsonb");
    default: return {};
    }
}

} // namespace dblearn
