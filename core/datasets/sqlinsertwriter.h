#pragma once

#include "datasets/sqldialect.h"
#include "datasets/tablewriter.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <functional>

namespace dblearn {

class DatabaseConnection;

// State shared by the writers of one dataset creation.
struct SqlInsertContext {
    const std::atomic<bool> *cancel = nullptr;
    QString error;      // the first failure, as a sentence
    bool failed = false;
    qint64 rowsDone = 0;
    std::function<void(const QString &table)> progress; // called after each statement
};

// Renders rows as SQL literals into multi-row INSERT statements of up to ~500 rows and runs them
// on a DatabaseConnection. Before it runs a statement it lets the tables before it flush first
// (setBeforeFlush), so that foreign keys always point at rows already inserted.
class SqlInsertWriter final : public TableWriter
{
public:
    static constexpr int maxRowsPerStatement = 500;
    static constexpr int maxBytesPerStatement = 512 * 1024;

    SqlInsertWriter(DatabaseConnection &connection, const SqlDialect &dialect, const TableSpec &table,
                    SqlInsertContext *context);
    Q_DISABLE_COPY_MOVE(SqlInsertWriter)

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

    // Runs the pending statement, if any. Returns false on failure (see the context's error).
    bool flush();
    qint64 rowsWritten() const { return m_rows; }
    const QString &tableName() const { return m_tableName; }

private:
    void beginValue()
    {
        if (m_column++ == 0) {
            if (m_rowsPending)
                m_sql.append(',');
            m_sql.append('(');
        } else {
            m_sql.append(',');
        }
    }

    DatabaseConnection &m_connection;
    SqlDialect m_dialect;
    QString m_tableName;
    int m_columnCount = 0;
    SqlInsertContext *m_context = nullptr;
    std::function<bool()> m_beforeFlush;
    QByteArray m_prefix;
    QByteArray m_sql;
    int m_column = 0;
    int m_rowsPending = 0;
    qint64 m_rows = 0;
};

} // namespace dblearn
