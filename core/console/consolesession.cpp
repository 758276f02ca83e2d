#include "console/consolesession.h"

#include "backends/queryrunner.h"
#include "console/resultspool.h"

#include <QMutexLocker>
#include <QRegularExpression>
#include <QTimer>

namespace dblearn {

namespace {
constexpr int tickMs = 100;
} // namespace

ConsoleSession::ConsoleSession(std::unique_ptr<DatabaseConnection> connection, const QString &dialect, QObject *parent)
    : QObject(parent), m_dialect(dialect), m_runner(new QueryRunner(std::move(connection), this)),
      m_ticker(new QTimer(this)), m_limitTimer(new QTimer(this))
{
    qRegisterMetaType<StatementOutcome>();
    m_ticker->setInterval(tickMs);
    connect(m_ticker, &QTimer::timeout, this, &ConsoleSession::tick);
    m_limitTimer->setSingleShot(true);
    connect(m_limitTimer, &QTimer::timeout, this, [this] {
        if (!m_busy)
            return;
        m_timedOut = true;
        m_runner->cancel();
    });

    // These run on the worker thread, as the runner emits: rows go straight into the spool.
    connect(
        m_runner, &QueryRunner::statementStarted, this,
        [this](int statement, int offset, int length, const ColumnList &columns) {
            std::shared_ptr<ResultSpool> spool;
            if (!columns.isEmpty())
                spool = std::make_shared<ResultSpool>(columns, m_spoolMemoryBudget);
            {
                QMutexLocker lock(&m_mutex);
                m_spool = spool;
                m_spoolStatement = statement;
            }
            QMetaObject::invokeMethod(
                this,
                [this, statement, offset, length, columns, spool] {
                    onStarted(statement, offset, length, columns);
                    emit statementStarted(statement, m_baseOffset + offset, length, columns, spool);
                },
                Qt::QueuedConnection);
        },
        Qt::DirectConnection);
    connect(
        m_runner, &QueryRunner::rowsReady, this,
        [this](int statement, const RowBatch &rows) {
            std::shared_ptr<ResultSpool> spool;
            {
                QMutexLocker lock(&m_mutex); // held briefly: the UI's tick takes it too
                if (statement == m_spoolStatement)
                    spool = m_spool;
            }
            if (!spool || m_spoolFull.loadRelaxed())
                return;
            if (!spool->append(rows)) {
                // Out of room: keep what is spooled and stop the statement.
                m_spoolFull.storeRelease(1);
                m_runner->cancel();
            } else if (spool->rowCount() == rows.rowCount()) {
                // The first rows: show them now rather than at the next tick.
                QMetaObject::invokeMethod(this, &ConsoleSession::tick, Qt::QueuedConnection);
            }
        },
        Qt::DirectConnection);
    connect(
        m_runner, &QueryRunner::statementFinished, this,
        [this](int statement, const StatementStatus &status, bool truncated) {
            qint64 rows = 0;
            {
                QMutexLocker lock(&m_mutex);
                if (m_spool && statement == m_spoolStatement) {
                    m_spool->finish();
                    rows = m_spool->rowCount();
                }
                m_spool.reset();
            }
            const qint64 now = m_clock.nsecsElapsed();
            const qint64 elapsedMs = (now - m_statementStartNs) / 1000000;
            m_statementStartNs = now;
            QMetaObject::invokeMethod(
                this, [=] { onFinished(statement, status, truncated, elapsedMs, rows); }, Qt::QueuedConnection);
        },
        Qt::DirectConnection);
    connect(m_runner, &QueryRunner::finished, this, [this](bool ok) {
        m_ticker->stop();
        m_limitTimer->stop();
        m_lastElapsed = m_clock.elapsed();
        m_busy = false;
        emit finished(ok && !m_timedOut);
    });
    connect(m_runner, &QueryRunner::opened, this, &ConsoleSession::opened);
    connect(m_runner, &QueryRunner::explained, this, &ConsoleSession::explained);
    connect(m_runner, &QueryRunner::schemaRead, this, &ConsoleSession::schemaRead);
}

ConsoleSession::~ConsoleSession()
{
    // The runner's worker calls back into this object; stop it while this object is whole.
    delete m_runner;
    m_runner = nullptr;
}

bool ConsoleSession::run(const QString &script, int baseOffset)
{
    if (m_busy)
        return false;
    m_busy = true;
    m_timedOut = false;
    m_cancelRequested = false;
    m_script = script;
    m_baseOffset = baseOffset;
    m_reportedRows = -1;
    m_places.clear();
    m_spoolFull.storeRelease(0);
    m_clock.start();
    m_statementStartNs = 0;
    m_ticker->start();
    if (m_timeLimitMs > 0)
        m_limitTimer->start(m_timeLimitMs);
    // Rows are delivered in blocks of 2,000: the spool's unit, and the grid's loading unit.
    m_runner->run(script, -1, 2000);
    return true;
}

void ConsoleSession::cancel()
{
    if (!m_busy)
        return;
    m_cancelRequested = true;
    m_runner->cancel();
}

qint64 ConsoleSession::elapsedMs() const
{
    return m_busy ? m_clock.elapsed() : m_lastElapsed;
}

void ConsoleSession::open(const ConnectionUri &uri)
{
    m_runner->open(uri);
}

void ConsoleSession::explain(const QString &sql, const ExplainOptions &options)
{
    m_runner->explain(sql, options);
}

void ConsoleSession::readSchema()
{
    m_runner->readSchema();
}

void ConsoleSession::onStarted(int statement, int offset, int length, const ColumnList &columns)
{
    Q_UNUSED(columns)
    m_places.insert(statement, {offset, length});
    if (m_timeLimitMs > 0 && m_busy)
        m_limitTimer->start(m_timeLimitMs); // the limit is per statement
    m_reportedRows = -1;
}

void ConsoleSession::tick()
{
    std::shared_ptr<ResultSpool> spool;
    int statement = -1;
    {
        QMutexLocker lock(&m_mutex);
        spool = m_spool;
        statement = m_spoolStatement;
    }
    if (!spool)
        return;
    const qint64 rows = spool->rowCount();
    if (rows != m_reportedRows) {
        m_reportedRows = rows;
        emit rowsArrived(statement, rows);
    }
}

void ConsoleSession::onFinished(int statement, const StatementStatus &status, bool truncated, qint64 elapsedMs,
                                qint64 rows)
{
    StatementOutcome outcome;
    outcome.index = statement;
    outcome.ok = status.ok;
    outcome.hasRows = status.hasRows;
    outcome.rows = rows;
    outcome.rowsAffected = status.hasRows ? -1 : status.rowsAffected;
    outcome.elapsedMs = elapsedMs;
    outcome.truncated = truncated;
    outcome.messages = status.messages;
    outcome.error = status.error;
    if (outcome.error.position >= 0)
        outcome.error.position += m_baseOffset;
    if (m_spoolFull.loadAcquire()) {
        outcome.truncated = true;
        if (outcome.error.kind == QueryError::Kind::Cancelled) {
            outcome.ok = true; // the rows kept are a result; the message says what was dropped
            outcome.error = {};
        }
        outcome.messages << tr("Result too large to keep whole: the first %1 rows are shown.").arg(rows);
    } else if (m_timedOut && outcome.error.kind == QueryError::Kind::Cancelled) {
        outcome.error.kind = QueryError::Kind::Timeout;
        outcome.error.message = tr("stopped by the time limit of %1 s").arg(m_timeLimitMs / 1000.0, 0, 'g', 3);
    } else if (outcome.error.kind == QueryError::Kind::Cancelled) {
        outcome.error.message = tr("cancelled");
    }
    const auto place = m_places.value(statement, {-1, 0});
    if (place.first >= 0) {
        outcome.length = status.ok ? status.consumed : place.second;
        const QString raw = m_script.mid(place.first, outcome.length);
        int leading = 0; // the statement starts after the whitespace the engine skipped
        while (leading < raw.size() && raw[leading].isSpace())
            ++leading;
        outcome.offset = m_baseOffset + place.first + leading;
        outcome.text = raw.trimmed();
        if (outcome.text.endsWith(QLatin1Char(';')))
            outcome.text.chop(1);
    }
    if (outcome.ok) {
        // The transaction state follows what ran: the backend interface has no probe for it.
        const int effect = transactionEffect(outcome.text);
        const TransactionState state = effect > 0 ? TransactionState::Open
            : effect < 0                          ? TransactionState::AutoCommit
                                                  : m_transaction;
        if (state != m_transaction) {
            m_transaction = state;
            emit transactionStateChanged(state);
        }
    }
    emit statementFinished(outcome);
}

int ConsoleSession::transactionEffect(const QString &statement)
{
    // BEGIN [DEFERRED|IMMEDIATE|EXCLUSIVE|WORK|TRANSACTION], START TRANSACTION; COMMIT, END, ROLLBACK
    // (but not ROLLBACK TO SAVEPOINT, which stays inside the transaction).
    static const QRegularExpression begins(QStringLiteral(R"(^\s*(BEGIN|START\s+TRANSACTION)\b(?!\s*ATOMIC))"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression ends(QStringLiteral(R"(^\s*(COMMIT|END|ROLLBACK)\b(?!\s+(WORK\s+|TRANSACTION\s+)?TO\b))"),
                                         QRegularExpression::CaseInsensitiveOption);
    if (begins.match(statement).hasMatch())
        return +1;
    if (ends.match(statement).hasMatch())
        return -1;
    return 0;
}

} // namespace dblearn
