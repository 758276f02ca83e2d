#include "datasets/tablespec.h"

namespace dblearn {

TableSpec::TableSpec(const QString &name, qint64 baseRows, Scaling scaling, const QString &description)
    : name(name), description(description), baseRows(baseRows), scaling(scaling)
{
}

QStringList TableSpec::columnNames() const
{
    QStringList names;
    names.reserve(columns.size());
    for (const ColumnSpec &c : columns)
        names << c.name;
    return names;
}

TableSpec &TableSpec::id(const QString &column)
{
    ColumnSpec c;
    c.name = column;
    c.type = ColumnType::Integer;
    c.autoIncrement = true;
    columns << c;
    primaryKey = QStringList{column};
    return *this;
}

TableSpec &TableSpec::column(const QString &column, ColumnType type, int length, int scale)
{
    ColumnSpec c;
    c.name = column;
    c.type = type;
    c.length = length;
    c.scale = scale;
    columns << c;
    return *this;
}

TableSpec &TableSpec::nullable(const QString &column, ColumnType type, int length, int scale)
{
    this->column(column, type, length, scale);
    columns.last().nullable = true;
    return *this;
}

TableSpec &TableSpec::key(const QStringList &columns)
{
    primaryKey = columns;
    return *this;
}

TableSpec &TableSpec::references(const QStringList &columns, const QString &table, const QStringList &referencedColumns)
{
    foreignKeys << ForeignKeySpec{columns, table, referencedColumns};
    return *this;
}

TableSpec &TableSpec::index(const QStringList &columns)
{
    indexes << IndexSpec{QStringLiteral("idx_") + name + QLatin1Char('_') + columns.join(QLatin1Char('_')), columns,
                         false};
    return *this;
}

TableSpec &TableSpec::uniqueIndex(const QStringList &columns)
{
    indexes << IndexSpec{QStringLiteral("uq_") + name + QLatin1Char('_') + columns.join(QLatin1Char('_')), columns,
                         true};
    return *this;
}

TableSpec &TableSpec::check(const QString &expression)
{
    checks << expression;
    return *this;
}

} // namespace dblearn
