#pragma once

#include "backends/databasebackend.h"

#include <atomic>
#include <condition_variable>
#include <mutex>

// A scripted DatabaseConnection for testing the capture limits without an engine. Statements
// (separated by ';') are commands:
//   rows N      one integer column with the values 1..N (N = -1: without end)
//   wide N      one text column of 1000 characters, N rows
//   sleep       blocks until cancel(), then fails as cancelled
//   slowrows    one row, then fetch blocks until cancel()
//   error       fails with a syntax error at position 2
//   update      changes 5 rows, returns none
// anything else is an execution error.
class FakeConnection final : public dblearn::DatabaseConnection
{
public:
    bool open(const dblearn::ConnectionUri &, dblearn::QueryError *) override;
    void close() override { m_open = false; }
    bool isOpen() const override { return m_open; }
    QString serverVersion() const override { return QStringLiteral("fake"); }
    dblearn::StatementStatus execute(const QString &sql) override;
    dblearn::ColumnList columns() const override { return m_columns; }
    bool fetch(dblearn::RowBatch &batch, int maxRows, bool *atEnd, dblearn::QueryError *error) override;
    void finish() override;
    qint64 rowsAffected() const override { return m_rowsAffected; }
    void cancel() override;
    dblearn::ExplainResult explain(const QString &, const dblearn::ExplainOptions &, dblearn::QueryError *) override
    {
        return {};
    }
    dblearn::SchemaInfo schema(dblearn::QueryError *) override { return {}; }
    QStringList takeMessages() override { return {}; }
    dblearn::StatementStatus insertRows(const QString &, const QStringList &, const dblearn::RowBatch &) override
    {
        dblearn::StatementStatus status;
        status.error = dblearn::QueryError::make(dblearn::QueryError::Kind::Unsupported,
                                                 QStringLiteral("the fake connection stores no rows"));
        return status;
    }

    qint64 rowsProduced() const { return m_rowsProduced; } // over the connection's life
    int largestFetch() const { return m_largestFetch; }
    QStringList executed() const { return m_executed; }

private:
    bool waitForCancel();

    enum class Mode { None, Rows, Wide, SlowRows };
    bool m_open = true;
    Mode m_mode = Mode::None;
    qint64 m_limit = 0;
    qint64 m_next = 0;
    qint64 m_rowsAffected = -1;
    qint64 m_rowsProduced = 0;
    int m_largestFetch = 0;
    dblearn::ColumnList m_columns;
    QStringList m_executed;
    std::mutex m_mutex;
    std::condition_variable m_condition;
    bool m_cancelled = false;
};
