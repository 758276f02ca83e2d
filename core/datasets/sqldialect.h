#pragma once

#include "datasets/tablespec.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace dblearn {

// What differs between engines when a dataset is created: type names, identifier quoting,
// auto-increment keys and transaction statements. (The rows' values go through
// DatabaseConnection::insertRows(), which each plugin writes in its own way.) The names are those of
// BackendInfo::dialect: "sqlite", "postgresql", "mysql" (MariaDB and MySQL).
class SqlDialect final
{
public:
    enum class Kind { SQLite, PostgreSQL, MySQL };

    explicit SqlDialect(Kind kind = Kind::SQLite);
    // Returns false for a name it does not know (the dialect then stays SQLite).
    static bool fromName(const QString &name, SqlDialect *dialect);
    static QStringList names();

    Kind kind() const { return m_kind; }
    QString name() const;

    QString typeName(const ColumnSpec &column) const;
    // Always quoted, doubling embedded quote characters.
    QString quoteIdentifier(const QString &identifier) const;
    // Quoted only when it is not a plain lower-case identifier or is a reserved word.
    QString identifier(const QString &identifier) const;

    QString createTable(const TableSpec &table) const;
    QString createIndex(const QString &table, const IndexSpec &index) const;
    QString dropTable(const QString &table) const;
    QByteArray insertPrefix(const TableSpec &table) const; // "INSERT INTO t (a, b) VALUES "
    // Statements to run once the rows are in, e.g. moving PostgreSQL identity sequences past them.
    QStringList afterLoad(const TableSpec &table) const;

    // Whether CREATE/DROP take part in transactions (SQLite, PostgreSQL) or commit implicitly (MySQL).
    bool hasTransactionalDdl() const { return m_kind != Kind::MySQL; }
    QString beginTransaction() const;
    QString commit() const;
    QString rollback() const;

private:
    Kind m_kind;
};

} // namespace dblearn
