#include "backends/queryrunner.h"

#include <QThread>

namespace dblearn {

// Lives on the runner's thread and owns the connection.
class QueryWorker final : public QObject
{
    Q_OBJECT
public:
    QueryWorker(std::unique_ptr<DatabaseConnection> connection, QueryRunner *runner, QAtomicInt *busy,
                QAtomicInt *cancelled)
        : m_connection(std::move(connection)), m_runner(runner), m_busy(busy), m_cancelled(cancelled)
    {
    }

    void open(const ConnectionUri &uri)
    {
        QueryError error;
        const bool ok = m_connection->open(uri, &error);
        emit m_runner->opened(ok, ok ? m_connection->serverVersion() : QString(), error.message);
    }

    void run(const QString &script, qint64 rowLimit, int batchSize)
    {
        int offset = 0;
        int statement = 0;
        bool ok = true;
        while (offset < script.size()) {
            if (m_cancelled->loadAcquire()) {
                StatementStatus status;
                status.error = QueryError::make(QueryError::Kind::Cancelled, QStringLiteral("cancelled"));
                emit m_runner->statementFinished(statement, status, false);
                ok = false;
                break;
            }
            // A view of the rest, not a copy: copying it for every statement would be quadratic.
            const QString rest = QString::fromRawData(script.constData() + offset, script.size() - offset);
            StatementStatus status = m_connection->execute(rest);
            if (!status.ok) {
                if (status.error.position >= 0)
                    status.error.position += offset;
                emit m_runner->statementStarted(statement, offset, int(rest.size()), {});
                emit m_runner->statementFinished(statement, status, false);
                ok = false;
                break;
            }
            if (status.consumed <= 0)
                break;
            const QString text = rest.left(status.consumed);
            if (status.empty || text.trimmed().isEmpty()) { // trailing whitespace or comments only
                m_connection->finish();
                break;
            }
            if (m_cancelled->loadAcquire() && status.hasRows) {
                // A cancel that arrived just before execute() started found the connection idle.
                m_connection->finish();
                status.ok = false;
                status.error = QueryError::make(QueryError::Kind::Cancelled, QStringLiteral("cancelled"));
                emit m_runner->statementStarted(statement, offset, status.consumed, {});
                emit m_runner->statementFinished(statement, status, false);
                ok = false;
                break;
            }
            const ColumnList columns = status.hasRows ? m_connection->columns() : ColumnList{};
            emit m_runner->statementStarted(statement, offset, status.consumed, columns);
            bool truncated = false;
            if (status.hasRows) {
                qint64 delivered = 0;
                bool atEnd = false;
                while (!atEnd) {
                    int want = batchSize;
                    if (rowLimit >= 0 && delivered + want > rowLimit)
                        want = int(rowLimit - delivered);
                    if (want <= 0) {
                        truncated = true;
                        break;
                    }
                    RowBatch batch(int(columns.size()));
                    QueryError error;
                    if (!m_connection->fetch(batch, want, &atEnd, &error)) {
                        status.ok = false;
                        status.error = error;
                        break;
                    }
                    delivered += batch.rowCount();
                    if (!batch.isEmpty())
                        emit m_runner->rowsReady(statement, batch);
                }
                status.rowsAffected = m_connection->rowsAffected();
            }
            m_connection->finish();
            status.messages << m_connection->takeMessages();
            emit m_runner->statementFinished(statement, status, truncated);
            if (!status.ok) {
                ok = false;
                break;
            }
            offset += status.consumed;
            ++statement;
        }
        m_busy->storeRelease(0);
        emit m_runner->finished(ok);
    }

    void explain(const QString &sql, const ExplainOptions &options)
    {
        QueryError error;
        const ExplainResult result = m_connection->explain(sql, options, &error);
        emit m_runner->explained(result, error);
    }

    void readSchema()
    {
        QueryError error;
        const SchemaInfo schema = m_connection->schema(&error);
        emit m_runner->schemaRead(schema, error);
    }

    DatabaseConnection *connection() const { return m_connection.get(); }

private:
    std::unique_ptr<DatabaseConnection> m_connection;
    QueryRunner *m_runner;
    QAtomicInt *m_busy;
    QAtomicInt *m_cancelled;
};

QueryRunner::QueryRunner(std::unique_ptr<DatabaseConnection> connection, QObject *parent)
    : QObject(parent), m_thread(new QThread)
{
    qRegisterMetaType<ColumnList>();
    qRegisterMetaType<RowBatch>();
    qRegisterMetaType<StatementStatus>();
    qRegisterMetaType<ExplainResult>();
    qRegisterMetaType<SchemaInfo>();
    qRegisterMetaType<QueryError>();
    m_connection = connection.get();
    m_worker = new QueryWorker(std::move(connection), this, &m_busy, &m_cancelled);
    m_worker->moveToThread(m_thread);
    // The worker (and with it the connection) is deleted on its own thread when the thread ends.
    // A queued delete is not enough: quit() can end the event loop before it runs (the loop not
    // yet started, or busy with a statement), and the worker then leaked.
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->setObjectName(QStringLiteral("QueryRunner"));
    m_thread->start();
}

QueryRunner::~QueryRunner()
{
    cancel();
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

void QueryRunner::open(const ConnectionUri &uri)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, uri] { worker->open(uri); }, Qt::QueuedConnection);
}

void QueryRunner::run(const QString &script, qint64 rowLimit, int batchSize)
{
    m_busy.storeRelease(1);
    m_cancelled.storeRelease(0);
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, script, rowLimit, batchSize] { worker->run(script, rowLimit, batchSize); },
        Qt::QueuedConnection);
}

// Neither changes isBusy(): they are queued behind any run, and the caller knows it is waiting.
void QueryRunner::explain(const QString &sql, const ExplainOptions &options)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, sql, options] { worker->explain(sql, options); }, Qt::QueuedConnection);
}

void QueryRunner::readSchema()
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->readSchema(); }, Qt::QueuedConnection);
}

void QueryRunner::cancel()
{
    m_cancelled.storeRelease(1);
    if (m_connection)
        m_connection->cancel();
}

} // namespace dblearn

#include "queryrunner.moc"
