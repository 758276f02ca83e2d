#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace dblearn {

// The portable column types a dataset uses; SqlDialect names them for each engine.
enum class ColumnType {
    Integer,   // INTEGER / INTEGER / INT
    BigInt,    // INTEGER / BIGINT / BIGINT
    Decimal,   // NUMERIC(p,s) / NUMERIC(p,s) / DECIMAL(p,s)
    Double,    // REAL / DOUBLE PRECISION / DOUBLE
    ShortText, // TEXT / TEXT / VARCHAR(n): names, codes, keys
    Text,      // TEXT everywhere: prose, JSON arrays
    Timestamp, // TEXT 'YYYY-MM-DD HH:MM:SS' / TIMESTAMP / DATETIME, always UTC
    Date,      // TEXT 'YYYY-MM-DD' / DATE / DATE
    Boolean,   // BOOLEAN (stored 0/1 by SQLite) / BOOLEAN / BOOLEAN (TINYINT(1))
};

struct ColumnSpec {
    QString name;
    ColumnType type = ColumnType::Integer;
    int length = 0; // ShortText: maximum length; Decimal: precision
    int scale = 0;  // Decimal: digits after the point
    bool nullable = false;
    bool autoIncrement = false; // a single-column integer primary key that new rows may omit
};

struct ForeignKeySpec {
    QStringList columns;
    QString table;
    QStringList referencedColumns;
};

struct IndexSpec {
    QString name;
    QStringList columns;
    bool unique = false;
};

// One table of a dataset: its columns and constraints in portable form, what it is for, and how
// many rows it has: `baseRows` at scale 1, times the scale unless the table is fixed.
struct TableSpec {
    enum class Scaling { Fixed, Linear };

    QString name;
    QString description;
    QList<ColumnSpec> columns;
    QStringList primaryKey;
    QList<ForeignKeySpec> foreignKeys;
    QList<IndexSpec> indexes; // created after the rows are loaded
    QStringList checks;       // portable CHECK expressions
    qint64 baseRows = 0;
    Scaling scaling = Scaling::Linear;

    TableSpec() = default;
    TableSpec(const QString &name, qint64 baseRows, Scaling scaling, const QString &description);

    qint64 rowCount(int scale) const { return scaling == Scaling::Fixed ? baseRows : baseRows * scale; }
    QStringList columnNames() const;

    // Builders, for readable table definitions.
    TableSpec &id(const QString &column = QStringLiteral("id"));
    TableSpec &column(const QString &column, ColumnType type, int length = 0, int scale = 0);
    TableSpec &nullable(const QString &column, ColumnType type, int length = 0, int scale = 0);
    TableSpec &key(const QStringList &columns);
    TableSpec &references(const QStringList &columns, const QString &table,
                          const QStringList &referencedColumns = {QStringLiteral("id")});
    TableSpec &index(const QStringList &columns);
    TableSpec &uniqueIndex(const QStringList &columns);
    TableSpec &check(const QString &expression);
};

} // namespace dblearn
