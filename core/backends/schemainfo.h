#pragma once

#include <QList>
#include <QString>

namespace dblearn {

struct SchemaColumn {
    QString name;
    QString type;
    bool notNull = false;
    bool primaryKey = false;
    QString defaultValue;
};

struct SchemaIndex {
    QString name;
    QString definition; // CREATE INDEX statement or engine's description
    bool unique = false;
    QStringList columns;
};

struct SchemaConstraint {
    QString name;
    QString type;       // "PRIMARY KEY", "FOREIGN KEY", "UNIQUE", "CHECK", "EXCLUDE"
    QString definition; // as the engine prints it, e.g. "FOREIGN KEY (customer_id) REFERENCES customers(id)"
};

struct SchemaTable {
    enum class Kind { Table, View, MaterializedView, ForeignTable, Other };
    QString schema; // "main" for SQLite, "public" etc. elsewhere
    QString name;
    Kind kind = Kind::Table;
    qint64 rowEstimate = -1;
    QList<SchemaColumn> columns;
    QList<SchemaIndex> indexes;
    QList<SchemaConstraint> constraints;
};

struct SchemaInfo {
    QList<SchemaTable> tables;
    QStringList extensions; // installed extensions (PostgreSQL), loaded modules elsewhere
};

} // namespace dblearn
