#pragma once

#include "backends/rowbatch.h"
#include "datasets/tablespec.h"
#include "datasets/tablewriter.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace dblearn {

class DatabaseConnection;

// State shared by the writers of one dataset creation.
struct InsertContext {
    const std::atomic<bool> *cancel = nullptr;
    QString error;      // the first failure, as a sentence
    bool failed = false;
    qint64 rowsDone = 0;
    std::function<void(const QString &table)> progress; // called after each batch
};

// Collects a table's rows in a RowBatch and hands them to DatabaseConnection::insertRows() up to
// ~500 at a time: the SQLite plugin binds them to one prepared statement, the server plugins send
// multi-row INSERTs. Before it hands over a batch it lets the tables before it flush first
// (setBeforeFlush), so that foreign keys always point at rows already inserted.
class BatchInsertWriter final : public TableWriter
{
public:
    static constexpr int maxRowsPerBatch = 500;
    static constexpr qsizetype maxTextBytesPerBatch = 512 * 1024;

    BatchInsertWriter(DatabaseConnection &connection, const TableSpec &table, InsertContext *context);
    Q_DISABLE_COPY_MOVE(BatchInsertWriter)

    void setBeforeFlush(std::function<bool()> beforeFlush) { m_beforeFlush = std::move(beforeFlush); }

    void addNull() override;
    void addInteger(qint64 value) override;
    void addFixed(qint64 units, int decimals) override;
    void addText(const char *utf8, int size) override;
    void addTimestamp(qint64 secondsSinceEpoch) override;
    void addDate(qint64 secondsSinceEpoch) override;
    void addBoolean(bool value) override;
    bool endRow() override;
    using TableWriter::addText;

    // Inserts the pending rows, if any. Returns false on failure (see the context's error).
    bool flush();
    qint64 rowsWritten() const { return m_rows; }
    const QString &tableName() const { return m_tableName; }

private:
    void addTextValue(const char *utf8, int size, ValueKind kind);

    DatabaseConnection &m_connection;
    QString m_tableName;
    QStringList m_columns;
    InsertContext *m_context = nullptr;
    std::function<bool()> m_beforeFlush;
    RowBatch m_batch;
    int m_column = 0;
    qsizetype m_textBytes = 0;
    qint64 m_rows = 0;
};

} // namespace dblearn
