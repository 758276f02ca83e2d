#include "mariadbconnection.h"

#include "mariadbschemareader.h"
#include "mariadbtypes.h"

#include "backends/multirowinsert.h"
#include "backends/resulttext.h"
#include "backends/statementsplitter.h"

#include <QLoggingCategory>
#include <QRegularExpression>

#include <utility>

#include <errmsg.h>
#include <mysqld_error.h>

#include <cstdlib>
#include <cstring>

namespace dblearn {

namespace {
Q_LOGGING_CATEGORY(lcMariadb, "dblearn.mariadb", QtWarningMsg)

constexpr unsigned DefaultConnectTimeoutSeconds = 10;
constexpr int ReserveRows = 4096;
// Unread rows endResult() reads and drops before it stops the rest with KILL QUERY.
constexpr int DrainBeforeCancel = 20000;
// MySQL's error for max_execution_time (ER_QUERY_TIMEOUT in MySQL 8.0; not in MariaDB's headers).
constexpr unsigned MysqlQueryTimeout = 3024;

bool isConnectionLoss(unsigned error)
{
    return error == CR_SERVER_GONE_ERROR || error == CR_SERVER_LOST || error == CR_CONNECTION_ERROR
           || error == CR_CONN_HOST_ERROR || error == ER_CONNECTION_KILLED || error == ER_SERVER_SHUTDOWN;
}

// MariaDB reports a syntax error's place as "near '<text>' at line N": find <text> in the statement.
int syntaxErrorPosition(const QString &message, const QString &statement)
{
    static const QRegularExpression near(QStringLiteral("near '(.*)' at line (\\d+)"),
                                         QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = near.match(message);
    if (!match.hasMatch())
        return -1;
    const int line = match.captured(2).toInt();
    qsizetype lineStart = 0;
    for (int l = 1; l < line && lineStart >= 0; ++l) {
        lineStart = statement.indexOf(QLatin1Char('\n'), lineStart);
        if (lineStart >= 0)
            ++lineStart;
    }
    if (lineStart < 0)
        return -1;
    const QString text = match.captured(1);
    if (text.isEmpty()) // "near '' at line N": the statement ended too early
        return int(statement.size());
    const qsizetype found = statement.indexOf(text.left(40), lineStart);
    return found < 0 ? -1 : int(found);
}

} // namespace

MariadbConnection::~MariadbConnection()
{
    close();
}

MYSQL *MariadbConnection::connectHandle(const ConnectionUri &uri, QueryError *error)
{
    MYSQL *conn = mysql_init(nullptr);
    if (!conn) {
        *error = QueryError::make(QueryError::Kind::Connection, QStringLiteral("out of memory while connecting"));
        return nullptr;
    }
    unsigned timeout = DefaultConnectTimeoutSeconds;
    const QString timeoutText = uri.parameter(QStringLiteral("connect_timeout"));
    if (!timeoutText.isEmpty())
        timeout = timeoutText.toUInt();
    mysql_options(conn, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
    mysql_options(conn, MYSQL_SET_CHARSET_NAME, "utf8mb4");
    mysql_options(conn, MYSQL_READ_DEFAULT_GROUP, nullptr);
    const my_bool noLocalInfile = 0;
    mysql_options(conn, MYSQL_OPT_LOCAL_INFILE, &noLocalInfile); // the server may not read the learner's files
    const QString socket = uri.parameter(QStringLiteral("socket"));
    const QByteArray host = (uri.host().isEmpty() ? QStringLiteral("127.0.0.1") : uri.host()).toUtf8();
    const QByteArray user = uri.user().toUtf8();
    const QByteArray password = uri.password().toUtf8();
    const QByteArray database = uri.database().toUtf8();
    const QByteArray socketPath = socket.toUtf8();
    if (!mysql_real_connect(conn, socket.isEmpty() ? host.constData() : nullptr, user.constData(),
                            uri.password().isNull() ? nullptr : password.constData(),
                            database.isEmpty() ? nullptr : database.constData(), uri.port() > 0 ? uri.port() : 3306,
                            socket.isEmpty() ? nullptr : socketPath.constData(), 0)) {
        *error = QueryError::make(QueryError::Kind::Connection,
                                  QStringLiteral("cannot connect to %1: %2")
                                      .arg(uri.displayString(), QString::fromUtf8(mysql_error(conn))));
        error->sqlState = QString::number(mysql_errno(conn));
        mysql_close(conn);
        return nullptr;
    }
    return conn;
}

bool MariadbConnection::open(const ConnectionUri &uri, QueryError *error)
{
    close();
    if (uri.scheme() != QLatin1String("mariadb") && uri.scheme() != QLatin1String("mysql")) {
        *error = QueryError::make(QueryError::Kind::Connection,
                                  QStringLiteral("the MariaDB backend takes mariadb:// or mysql:// URIs, not %1:")
                                      .arg(uri.scheme()));
        return false;
    }
    const auto parameters = uri.parameters();
    for (auto it = parameters.cbegin(); it != parameters.cend(); ++it) {
        if (it.key() != QLatin1String("connect_timeout") && it.key() != QLatin1String("socket")) {
            *error = QueryError::make(QueryError::Kind::Connection,
                                      QStringLiteral("unknown connection parameter \"%1\"").arg(it.key()));
            return false;
        }
    }
    m_uri = uri;
    m_conn = connectHandle(uri, error);
    if (!m_conn)
        return false;
    m_threadId = mysql_thread_id(m_conn);
    m_serverInfo = QString::fromUtf8(mysql_get_server_info(m_conn));
    m_isMariadb = m_serverInfo.contains(QLatin1String("MariaDB"), Qt::CaseInsensitive);
    return true;
}

bool MariadbConnection::reconnect(QueryError *error)
{
    qCInfo(lcMariadb) << "connection lost; reconnecting to" << m_uri.displayString();
    {
        std::lock_guard<std::mutex> lock(m_cancelMutex);
        mysql_close(m_conn);
        m_conn = nullptr;
        m_threadId = 0;
    }
    m_conn = connectHandle(m_uri, error);
    if (!m_conn)
        return false;
    m_threadId = mysql_thread_id(m_conn);
    return true;
}

void MariadbConnection::close()
{
    endResult();
    std::lock_guard<std::mutex> lock(m_cancelMutex);
    if (m_conn) {
        mysql_close(m_conn);
        m_conn = nullptr;
    }
    m_threadId = 0;
}

bool MariadbConnection::isOpen() const
{
    return m_conn != nullptr;
}

QString MariadbConnection::serverVersion() const
{
    if (!m_conn)
        return {};
    return (m_isMariadb ? QStringLiteral("MariaDB ") : QStringLiteral("MySQL ")) + m_serverInfo;
}

StatementStatus MariadbConnection::execute(const QString &sql)
{
    endResult();
    m_rowsAffected = -1;
    m_columns.clear();
    StatementStatus status;
    const StatementSplitter::Span span = StatementSplitter::first(sql, StatementSplitter::Dialect::MySQL);
    status.consumed = int(span.next);
    if (span.empty) {
        status.ok = true;
        status.empty = true;
        return status;
    }
    if (!m_conn && !m_lostDuringStatement) {
        status.error = QueryError::make(QueryError::Kind::Connection, QStringLiteral("the connection is closed"));
        return status;
    }
    m_statementStart = span.begin;
    m_statement = sql.mid(span.begin, span.end - span.begin);
    const QByteArray utf8 = m_statement.toUtf8();

    if (m_lostDuringStatement) {
        // The session died during the previous statement: start a new one before this statement.
        // If the server is still away, the session stays lost and the next statement tries again.
        QueryError reconnectError;
        if (!reconnect(&reconnectError)) {
            status.error = reconnectError;
            return status;
        }
        m_lostDuringStatement = false;
        status.messages << QStringLiteral("Note: the connection was lost and has been re-established; "
                                          "session variables and temporary tables are gone");
    }
    m_cancelRequested = false;
    m_busy = true;
    int rc = mysql_real_query(m_conn, utf8.constData(), utf8.size());
    if (rc != 0 && mysql_errno(m_conn) == CR_SERVER_GONE_ERROR) {
        // The server dropped the session while it was idle, so the statement was never run:
        // reconnect once and send it again. (A session lost *during* a statement is not retried:
        // the statement may have run.)
        QueryError reconnectError;
        if (!reconnect(&reconnectError)) {
            m_busy = false;
            m_lostDuringStatement = true; // the next statement tries again
            status.error = reconnectError;
            return status;
        }
        status.messages << QStringLiteral("Note: the connection was lost and has been re-established; "
                                          "session variables and temporary tables are gone");
        rc = mysql_real_query(m_conn, utf8.constData(), utf8.size());
    }
    if (rc != 0) {
        status.error = lastError(m_statementStart, m_statement);
        m_busy = false;
        return status;
    }
    if (mysql_field_count(m_conn) > 0) {
        m_result = mysql_use_result(m_conn);
        if (!m_result) {
            status.error = lastError(m_statementStart, m_statement);
            m_busy = false;
            return status;
        }
        const unsigned n = mysql_num_fields(m_result);
        const MYSQL_FIELD *fields = mysql_fetch_fields(m_result);
        for (unsigned i = 0; i < n; ++i) {
            m_columns.push_back(Column{QString::fromUtf8(fields[i].name, int(fields[i].name_length)),
                                       MariadbTypes::nameOf(fields[i]), MariadbTypes::kindOf(fields[i])});
        }
        status.ok = true;
        status.hasRows = true;
        return status; // still busy: rows stream in fetch()
    }
    m_rowsAffected = qint64(mysql_affected_rows(m_conn));
    status.rowsAffected = m_rowsAffected;
    status.ok = true;
    m_busy = false;
    status.messages << readWarnings();
    return status;
}

ColumnList MariadbConnection::columns() const
{
    return m_columns;
}

bool MariadbConnection::fetch(RowBatch &batch, int maxRows, bool *atEnd, QueryError *error)
{
    *atEnd = !m_result;
    if (!m_result)
        return true;
    const int n = int(m_columns.size());
    int fetched = 0;
    while (fetched < maxRows) {
        MYSQL_ROW row = mysql_fetch_row(m_result);
        if (!row) {
            const bool failed = mysql_errno(m_conn) != 0;
            if (failed)
                *error = lastError(m_statementStart, m_statement);
            else
                m_rowsAffected = qint64(mysql_num_rows(m_result));
            endResult();
            m_resultWarningsPending = !failed; // the end-of-result packet carries the warning count
            *atEnd = true;
            return !failed;
        }
        if (fetched == 0)
            batch.reserveRows(ReserveRows);
        const unsigned long *lengths = mysql_fetch_lengths(m_result);
        for (int c = 0; c < n; ++c) {
            const char *value = row[c];
            if (!value) {
                batch.addNull();
                continue;
            }
            const int length = int(lengths[c]);
            switch (m_columns[c].kind) {
            case ValueKind::Integer:
                batch.addInteger(std::strtoll(value, nullptr, 10));
                break;
            case ValueKind::Real:
                batch.addReal(std::strtod(value, nullptr));
                break;
            case ValueKind::Blob:
                batch.addBlob(value, length);
                break;
            default:
                batch.addText(value, length, m_columns[c].kind);
                break;
            }
        }
        ++fetched;
    }
    return true;
}

void MariadbConnection::endResult()
{
    if (!m_result)
        return;
    // mysql_free_result reads and drops the rows not fetched: an unbuffered result must be read to
    // its end before the connection takes another statement. A long rest is stopped with KILL QUERY.
    int dropped = 0;
    while (mysql_fetch_row(m_result)) {
        if (++dropped == DrainBeforeCancel) {
            cancel();
        }
    }
    mysql_free_result(m_result);
    m_result = nullptr;
    m_busy = false;
}

void MariadbConnection::finish()
{
    endResult();
}

QStringList MariadbConnection::takeMessages()
{
    if (!std::exchange(m_resultWarningsPending, false))
        return {}; // statements without rows reported theirs from execute()
    return readWarnings();
}

StatementStatus MariadbConnection::insertRows(const QString &table, const QStringList &columns, const RowBatch &rows)
{
    // Multi-row INSERTs with the values as literals. Backslashes escape unless the session's
    // sql_mode has NO_BACKSLASH_ESCAPES (a new session after a reconnect has the default: they do).
    unsigned int serverStatus = 0;
    if (m_conn)
        mariadb_get_infov(m_conn, MARIADB_CONNECTION_SERVER_STATUS, &serverStatus);
    const bool backslashEscapes = !(serverStatus & SERVER_STATUS_NO_BACKSLASH_ESCAPES);
    return MultiRowInsert(MultiRowInsert::Engine::MySql, backslashEscapes, table, columns).run(*this, rows);
}

qint64 MariadbConnection::rowsAffected() const
{
    return m_rowsAffected;
}

void MariadbConnection::cancel()
{
    if (!m_busy)
        return;
    m_cancelRequested = true;
    std::lock_guard<std::mutex> lock(m_cancelMutex);
    const unsigned long thread = m_threadId;
    if (thread == 0)
        return;
    QueryError error;
    MYSQL *killer = connectHandle(m_uri, &error);
    if (!killer) {
        qCWarning(lcMariadb) << "cannot open a connection to cancel the query:" << error.message;
        return;
    }
    const QByteArray kill = "KILL QUERY " + QByteArray::number(qulonglong(thread));
    if (mysql_real_query(killer, kill.constData(), kill.size()) != 0)
        qCWarning(lcMariadb) << "KILL QUERY failed:" << mysql_error(killer);
    mysql_close(killer);
}

QStringList MariadbConnection::readWarnings()
{
    QStringList messages;
    if (!m_conn || mysql_warning_count(m_conn) == 0)
        return messages;
    if (mysql_real_query(m_conn, "SHOW WARNINGS", 13) != 0)
        return messages;
    MYSQL_RES *result = mysql_store_result(m_conn);
    if (!result)
        return messages;
    while (MYSQL_ROW row = mysql_fetch_row(result)) {
        // Level, Code, Message
        messages << QStringLiteral("%1 %2: %3").arg(QString::fromUtf8(row[0] ? row[0] : ""),
                                                   QString::fromUtf8(row[1] ? row[1] : ""),
                                                   QString::fromUtf8(row[2] ? row[2] : ""));
    }
    mysql_free_result(result);
    return messages;
}

ExplainResult MariadbConnection::explain(const QString &sql, const ExplainOptions &options, QueryError *error)
{
    ExplainResult result;
    const StatementSplitter::Span span = StatementSplitter::first(sql, StatementSplitter::Dialect::MySQL);
    if (span.empty) {
        *error = QueryError::make(QueryError::Kind::Syntax, QStringLiteral("there is no statement to explain"));
        return result;
    }
    const QString statement = sql.mid(span.begin, span.end - span.begin);
    const bool text = options.format == QLatin1String("text") || options.format == QLatin1String("tree");
    QString prefix;
    if (m_isMariadb) {
        // MariaDB: ANALYZE FORMAT=JSON runs the statement and adds r_* (real) figures.
        prefix = options.analyze ? (text ? QStringLiteral("ANALYZE ") : QStringLiteral("ANALYZE FORMAT=JSON "))
                                 : (text ? QStringLiteral("EXPLAIN ") : QStringLiteral("EXPLAIN FORMAT=JSON "));
        result.format = text ? QStringLiteral("mariadb-table") : QStringLiteral("mariadb-json");
    } else if (options.analyze) {
        // MySQL 8.0.18+: EXPLAIN ANALYZE runs the statement and prints the iterator tree with timings.
        prefix = QStringLiteral("EXPLAIN ANALYZE ");
        result.format = QStringLiteral("mysql-tree");
    } else {
        prefix = text ? QStringLiteral("EXPLAIN FORMAT=TREE ") : QStringLiteral("EXPLAIN FORMAT=JSON ");
        result.format = text ? QStringLiteral("mysql-tree") : QStringLiteral("mysql-json");
    }
    // Analysing runs the statement: outside a transaction, run it in one that is rolled back
    // (changes to non-transactional tables such as MyISAM cannot be undone).
    const bool wrap = options.analyze && m_conn && !(m_conn->server_status & SERVER_STATUS_IN_TRANS);
    QueryError ignored;
    if (wrap)
        ResultText::run(*this, QStringLiteral("START TRANSACTION"), &ignored);
    result.text = ResultText::run(*this, prefix + statement, error);
    if (wrap)
        ResultText::run(*this, QStringLiteral("ROLLBACK"), &ignored);
    if (error->isError()) {
        if (error->position >= 0)
            error->position = std::max(0, error->position - int(prefix.size())) + int(span.begin);
        result.format.clear();
    }
    return result;
}

SchemaInfo MariadbConnection::schema(QueryError *error)
{
    if (!m_conn) {
        *error = QueryError::make(QueryError::Kind::Connection, QStringLiteral("the connection is closed"));
        return {};
    }
    endResult();
    MariadbSchemaReader reader(m_conn);
    return reader.read(error);
}

QueryError MariadbConnection::lastError(qsizetype statementStart, const QString &statement)
{
    QueryError e;
    const unsigned code = mysql_errno(m_conn);
    e.message = QString::fromUtf8(mysql_error(m_conn));
    e.sqlState = QString::fromLatin1(mysql_sqlstate(m_conn));
    if (code == ER_QUERY_INTERRUPTED) {
        e.kind = m_cancelRequested ? QueryError::Kind::Cancelled : QueryError::Kind::Execution;
        if (m_cancelRequested)
            e.message = QStringLiteral("the statement was cancelled (%1)").arg(e.message);
    } else if (code == ER_STATEMENT_TIMEOUT || code == MysqlQueryTimeout) {
        e.kind = QueryError::Kind::Timeout;
    } else if (isConnectionLoss(code)) {
        e.kind = QueryError::Kind::Connection;
        m_lostDuringStatement = true;
    } else if (code == ER_PARSE_ERROR || code == ER_SYNTAX_ERROR) {
        e.kind = QueryError::Kind::Syntax;
        const int position = syntaxErrorPosition(e.message, statement);
        if (position >= 0)
            e.position = int(statementStart) + position;
    } else {
        e.kind = QueryError::Kind::Execution;
    }
    return e;
}

} // namespace dblearn
