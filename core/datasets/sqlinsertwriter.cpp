#include "datasets/sqlinsertwriter.h"

#include "backends/databasebackend.h"
#include "datasets/valuetext.h"

namespace dblearn {

SqlInsertWriter::SqlInsertWriter(DatabaseConnection &connection, const SqlDialect &dialect, const TableSpec &table,
                                 SqlInsertContext *context)
    : m_connection(connection),
      m_dialect(dialect),
      m_tableName(table.name),
      m_columnCount(int(table.columns.size())),
      m_context(context),
      m_prefix(dialect.insertPrefix(table))
{
    m_sql.reserve(maxBytesPerStatement + 64 * 1024);
    m_sql.append(m_prefix);
}

void SqlInsertWriter::addNull()
{
    beginValue();
    m_sql.append("NULL", 4);
}

void SqlInsertWriter::addInteger(qint64 value)
{
    beginValue();
    char buffer[32];
    m_sql.append(buffer, ValueText::integer(value, buffer));
}

void SqlInsertWriter::addFixed(qint64 units, int decimals)
{
    beginValue();
    char buffer[32];
    m_sql.append(buffer, ValueText::fixed(units, decimals, buffer));
}

void SqlInsertWriter::addText(const char *utf8, int size)
{
    beginValue();
    m_dialect.appendStringLiteral(m_sql, utf8, size);
}

void SqlInsertWriter::addTimestamp(qint64 secondsSinceEpoch)
{
    beginValue();
    char buffer[32];
    buffer[0] = '\'';
    const int n = ValueText::timestamp(secondsSinceEpoch, buffer + 1);
    buffer[n + 1] = '\'';
    m_sql.append(buffer, n + 2);
}

void SqlInsertWriter::addDate(qint64 secondsSinceEpoch)
{
    beginValue();
    char buffer[32];
    buffer[0] = '\'';
    const int n = ValueText::date(secondsSinceEpoch, buffer + 1);
    buffer[n + 1] = '\'';
    m_sql.append(buffer, n + 2);
}

void SqlInsertWriter::addBoolean(bool value)
{
    beginValue();
    m_sql.append(m_dialect.booleanLiteral(value));
}

bool SqlInsertWriter::endRow()
{
    Q_ASSERT_X(m_column == m_columnCount, "SqlInsertWriter::endRow", "wrong number of values in a row");
    m_sql.append(')');
    m_column = 0;
    ++m_rowsPending;
    ++m_rows;
    if (m_rowsPending >= maxRowsPerStatement || m_sql.size() >= maxBytesPerStatement)
        return flush();
    return !m_context->failed;
}

bool SqlInsertWriter::flush()
{
    if (m_context->failed)
        return false;
    if (m_rowsPending == 0)
        return true;
    if (m_beforeFlush && !m_beforeFlush())
        return false;
    if (m_context->cancel && m_context->cancel->load()) {
        m_context->failed = true;
        m_context->error = QStringLiteral("cancelled");
        return false;
    }
    const StatementStatus status = m_connection.execute(QString::fromUtf8(m_sql));
    m_connection.finish();
    if (!status.ok) {
        m_context->failed = true;
        m_context->error = status.error.kind == QueryError::Kind::Cancelled
            ? QStringLiteral("cancelled")
            : QStringLiteral("inserting into %1 failed: %2").arg(m_tableName, status.error.message);
        return false;
    }
    m_context->rowsDone += m_rowsPending;
    m_rowsPending = 0;
    m_sql.truncate(m_prefix.size());
    if (m_context->progress)
        m_context->progress(m_tableName);
    return true;
}

} // namespace dblearn
