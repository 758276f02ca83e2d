#include "datasets/batchinsertwriter.h"

#include "backends/databasebackend.h"
#include "datasets/valuetext.h"

namespace dblearn {

BatchInsertWriter::BatchInsertWriter(DatabaseConnection &connection, const TableSpec &table, InsertContext *context)
    : m_connection(connection), m_tableName(table.name), m_context(context), m_batch(int(table.columns.size()))
{
    for (const ColumnSpec &column : table.columns)
        m_columns << column.name;
    m_batch.reserveRows(maxRowsPerBatch);
}

void BatchInsertWriter::addNull()
{
    ++m_column;
    m_batch.addNull();
}

void BatchInsertWriter::addInteger(qint64 value)
{
    ++m_column;
    m_batch.addInteger(value);
}

void BatchInsertWriter::addFixed(qint64 units, int decimals)
{
    // As text ("19.99"): every engine turns the same short decimal into its column's type.
    char buffer[32];
    addTextValue(buffer, ValueText::fixed(units, decimals, buffer), ValueKind::Decimal);
}

void BatchInsertWriter::addText(const char *utf8, int size)
{
    addTextValue(utf8, size, ValueKind::Text);
}

void BatchInsertWriter::addTimestamp(qint64 secondsSinceEpoch)
{
    char buffer[32];
    addTextValue(buffer, ValueText::timestamp(secondsSinceEpoch, buffer), ValueKind::DateTime);
}

void BatchInsertWriter::addDate(qint64 secondsSinceEpoch)
{
    char buffer[32];
    addTextValue(buffer, ValueText::date(secondsSinceEpoch, buffer), ValueKind::Date);
}

void BatchInsertWriter::addBoolean(bool value)
{
    ++m_column;
    m_batch.addBoolean(value);
}

void BatchInsertWriter::addTextValue(const char *utf8, int size, ValueKind kind)
{
    ++m_column;
    m_batch.addText(utf8, size, kind);
    m_textBytes += size;
}

bool BatchInsertWriter::endRow()
{
    Q_ASSERT_X(m_column == m_batch.columnCount(), "BatchInsertWriter::endRow", "wrong number of values in a row");
    m_column = 0;
    ++m_rows;
    if (m_batch.rowCount() >= maxRowsPerBatch || m_textBytes >= maxTextBytesPerBatch)
        return flush();
    return !m_context->failed;
}

bool BatchInsertWriter::flush()
{
    if (m_context->failed)
        return false;
    if (m_batch.isEmpty())
        return true;
    if (m_beforeFlush && !m_beforeFlush())
        return false;
    if (m_context->cancel && m_context->cancel->load()) {
        m_context->failed = true;
        m_context->error = QStringLiteral("cancelled");
        return false;
    }
    const StatementStatus status = m_connection.insertRows(m_tableName, m_columns, m_batch);
    if (!status.ok) {
        m_context->failed = true;
        m_context->error = status.error.kind == QueryError::Kind::Cancelled
            ? QStringLiteral("cancelled")
            : QStringLiteral("inserting into %1 failed: %2").arg(m_tableName, status.error.message);
        return false;
    }
    m_context->rowsDone += m_batch.rowCount();
    m_batch.clear();
    m_textBytes = 0;
    if (m_context->progress)
        m_context->progress(m_tableName);
    return true;
}

} // namespace dblearn
