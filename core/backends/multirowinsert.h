#pragma once

#include "backends/databasebackend.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace dblearn {

// DatabaseConnection::insertRows() for engines that take rows as SQL text (the server backends):
// the rows become multi-row INSERT statements of about maxStatementBytes at most, every value
// written as a literal, run one after the other through the connection's execute().
class MultiRowInsert final
{
public:
    enum class Engine {
        PostgreSql, // "names"; bytea as '\x0a0b'
        MySql,      // `names` (MariaDB and MySQL); blobs as X'0a0b'
    };
    static constexpr qsizetype maxStatementBytes = 512 * 1024;

    // `backslashEscapes`: whether the session reads \ in a string as an escape, so that it must be
    // doubled (MariaDB unless sql_mode has NO_BACKSLASH_ESCAPES; PostgreSQL with
    // standard_conforming_strings off). A ' is always doubled.
    MultiRowInsert(Engine engine, bool backslashEscapes, const QString &table, const QStringList &columns);

    // The statements for `rows`. Empty, with *error, for rows of another width or a value that has
    // no literal (a real that is infinite or not a number).
    QList<QByteArray> statements(const RowBatch &rows, QString *error) const;
    // Runs the statements on `connection`; rowsAffected is the sum of theirs.
    StatementStatus run(DatabaseConnection &connection, const RowBatch &rows) const;

private:
    void appendName(QByteArray &out, const QString &name) const;
    void appendString(QByteArray &out, QByteArrayView utf8) const;
    bool appendValue(QByteArray &out, const RowBatch &rows, int row, int column) const;

    Engine m_engine;
    bool m_backslashEscapes = false;
    int m_columnCount = 0;
    QByteArray m_prefix; // INSERT INTO "t" ("a", "b") VALUES
};

} // namespace dblearn
