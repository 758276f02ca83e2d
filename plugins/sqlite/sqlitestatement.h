#pragma once

#include "backends/queryerror.h"

#include <QByteArray>
#include <QString>

#include <sqlite3.h>

namespace dblearn {

// A prepared statement for the plugin's own catalog and plan queries; finalized on destruction.
// (Learner SQL goes through SqliteConnection::execute, which needs finer control.)
class SqliteStatement final
{
public:
    SqliteStatement(sqlite3 *db, const QByteArray &sql);
    ~SqliteStatement();
    Q_DISABLE_COPY_MOVE(SqliteStatement)

    bool isValid() const { return m_stmt != nullptr; }
    bool failed() const { return m_rc != SQLITE_OK && m_rc != SQLITE_ROW && m_rc != SQLITE_DONE; }
    int resultCode() const { return m_rc; }

    void bindText(int index, const QString &value);
    // Steps to the next row; false at the end or on an error (see failed()).
    bool next();

    int columnCount() const;
    bool isNull(int column) const;
    qint64 integer(int column) const;
    QString text(int column) const;

    // The engine's message for the last failure: Cancelled after an interrupt, else `kind`.
    QueryError error(QueryError::Kind kind) const;

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    int m_rc = SQLITE_OK;
};

} // namespace dblearn
