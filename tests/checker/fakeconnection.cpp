#include "fakeconnection.h"

#include <chrono>

using namespace dblearn;

bool FakeConnection::open(const ConnectionUri &, QueryError *)
{
    m_open = true;
    return true;
}

bool FakeConnection::waitForCancel()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    // Never wait forever in a test: 20 s is far beyond any limit the tests set.
    const bool cancelled = m_condition.wait_for(lock, std::chrono::seconds(20), [this] { return m_cancelled; });
    m_cancelled = false;
    return cancelled;
}

void FakeConnection::cancel()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_cancelled = true;
    m_condition.notify_all();
}

StatementStatus FakeConnection::execute(const QString &sql)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_cancelled = false; // a cancel while idle is harmless
    }
    StatementStatus status;
    qsizetype start = 0;
    while (start < sql.size() && sql.at(start).isSpace())
        ++start;
    if (start == sql.size()) {
        status.ok = true;
        status.empty = true;
        status.consumed = int(sql.size());
        return status;
    }
    const qsizetype semicolon = sql.indexOf(QLatin1Char(';'), start);
    const qsizetype end = semicolon < 0 ? sql.size() : semicolon + 1;
    status.consumed = int(end);
    const QString statement = sql.mid(start, (semicolon < 0 ? sql.size() : semicolon) - start).trimmed();
    m_executed << statement;
    const QStringList words = statement.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QString command = words.value(0).toLower();
    m_mode = Mode::None;
    m_rowsAffected = -1;
    if (command == QLatin1String("rows") || command == QLatin1String("wide")) {
        m_mode = command == QLatin1String("rows") ? Mode::Rows : Mode::Wide;
        m_limit = words.value(1).toLongLong();
        m_next = 0;
        m_columns = {Column{QStringLiteral("n"), QStringLiteral("INTEGER"),
                            m_mode == Mode::Rows ? ValueKind::Integer : ValueKind::Text}};
        status.ok = true;
        status.hasRows = true;
    } else if (command == QLatin1String("slowrows")) {
        m_mode = Mode::SlowRows;
        m_next = 0;
        m_columns = {Column{QStringLiteral("n"), QStringLiteral("INTEGER"), ValueKind::Integer}};
        status.ok = true;
        status.hasRows = true;
    } else if (command == QLatin1String("sleep")) {
        waitForCancel();
        status.error = QueryError::make(QueryError::Kind::Cancelled, QStringLiteral("interrupted"));
    } else if (command == QLatin1String("error")) {
        status.error = QueryError::make(QueryError::Kind::Syntax, QStringLiteral("syntax error"), 2);
    } else if (command == QLatin1String("update") || command == QLatin1String("begin")
               || command == QLatin1String("rollback")) {
        status.ok = true;
        status.rowsAffected = command == QLatin1String("update") ? 5 : 0;
        m_rowsAffected = status.rowsAffected;
    } else {
        status.error = QueryError::make(QueryError::Kind::Execution, QStringLiteral("unknown command"));
    }
    return status;
}

bool FakeConnection::fetch(RowBatch &batch, int maxRows, bool *atEnd, QueryError *error)
{
    m_largestFetch = std::max(m_largestFetch, maxRows);
    *atEnd = false;
    if (m_mode == Mode::SlowRows) {
        if (m_next == 0) {
            batch.addInteger(++m_next);
            ++m_rowsProduced;
            return true;
        }
        waitForCancel();
        *error = QueryError::make(QueryError::Kind::Cancelled, QStringLiteral("interrupted"));
        return false;
    }
    static const QByteArray wide(1000, 'x');
    for (int i = 0; i < maxRows; ++i) {
        if (m_limit >= 0 && m_next >= m_limit) {
            *atEnd = true;
            return true;
        }
        ++m_next;
        ++m_rowsProduced;
        if (m_mode == Mode::Rows)
            batch.addInteger(m_next);
        else
            batch.addText(wide.constData(), int(wide.size()));
    }
    if (m_limit >= 0 && m_next >= m_limit)
        *atEnd = true;
    return true;
}

void FakeConnection::finish()
{
    m_mode = Mode::None;
}
