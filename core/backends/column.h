#pragma once

#include <QList>
#include <QString>

namespace dblearn {

// The broad kind of values a result column holds; engines map their own types onto these.
enum class ValueKind { Null, Integer, Real, Text, Blob, Boolean, Decimal, Date, Time, DateTime, Json, Other };

struct Column {
    QString name;
    QString declaredType; // the engine's own type name ("INTEGER", "numeric(10,2)", "")
    ValueKind kind = ValueKind::Other;
};

using ColumnList = QList<Column>;

QString valueKindName(ValueKind kind);

} // namespace dblearn
