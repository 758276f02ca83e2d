#include "sqlitestatement.h"

namespace dblearn {

SqliteStatement::SqliteStatement(sqlite3 *db, const QByteArray &sql) : m_db(db)
{
    // The terminating NUL is included in the length: SQLite then needs no copy of the text.
    m_rc = sqlite3_prepare_v2(m_db, sql.constData(), int(sql.size()) + 1, &m_stmt, nullptr);
    if (m_rc == SQLITE_OK && !m_stmt)
        m_rc = SQLITE_MISUSE; // empty SQL: a programming error in the plugin
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

void SqliteStatement::bindText(int index, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    if (m_stmt)
        sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

bool SqliteStatement::next()
{
    if (!m_stmt || failed() || m_rc == SQLITE_DONE)
        return false;
    m_rc = sqlite3_step(m_stmt);
    return m_rc == SQLITE_ROW;
}

int SqliteStatement::columnCount() const
{
    return m_stmt ? sqlite3_column_count(m_stmt) : 0;
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

qint64 SqliteStatement::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

QString SqliteStatement::text(int column) const
{
    const auto *utf8 = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(utf8, sqlite3_column_bytes(m_stmt, column));
}

QueryError SqliteStatement::error(QueryError::Kind kind) const
{
    QueryError e;
    const QString message = QString::fromUtf8(sqlite3_errmsg(m_db));
    if ((m_rc & 0xff) == SQLITE_INTERRUPT) {
        e.kind = QueryError::Kind::Cancelled;
        e.message = QStringLiteral("cancelled: ") + message;
    } else {
        e.kind = kind;
        e.message = message;
    }
    e.sqlState = QString::number(sqlite3_extended_errcode(m_db));
    return e;
}

} // namespace dblearn
