#include "postgresqlconnection.h"

#include "postgresqlschemareader.h"
#include "postgresqltypes.h"

#include "backends/multirowinsert.h"
#include "backends/resulttext.h"
#include "backends/statementsplitter.h"

#include <QLoggingCategory>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace dblearn {

namespace {
Q_LOGGING_CATEGORY(lcPostgresql, "dblearn.postgresql", QtWarningMsg)

// Seconds libpq waits for a server that does not answer, unless the URI says otherwise.
constexpr const char *DefaultConnectTimeout = "10";
// Rows reserved in a batch when the first row of a fetch arrives.
constexpr int ReserveRows = 4096;
// Unread rows finish() reads and drops before it asks the server to cancel the rest.
constexpr int DrainBeforeCancel = 20000;

// libpq keywords a URI's query parameters may set directly.
const char *const PassThroughParameters[] = {
    "sslmode", "sslrootcert", "sslcert", "sslkey", "connect_timeout", "application_name",
    "target_session_attrs", "options", "keepalives", "keepalives_idle", "gssencmode",
};

// Server settings a URI parameter may set for the session (sent as -c name=value).
const char *const SessionSettings[] = {"statement_timeout", "lock_timeout", "idle_in_transaction_session_timeout",
                                       "search_path", "work_mem"};

// UTF-16 offset of the `characters`-th code point (0-based) of `text`.
int utf16OffsetOfCharacter(const QString &text, int characters)
{
    int offset = 0;
    for (int c = 0; c < characters && offset < text.size(); ++c)
        offset += text.at(offset).isHighSurrogate() && offset + 1 < text.size() ? 2 : 1;
    return offset;
}

QString quoteOptionValue(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char(' '), QLatin1String("\\ "));
    return escaped;
}

} // namespace

PostgresqlConnection::~PostgresqlConnection()
{
    close();
}

bool PostgresqlConnection::open(const ConnectionUri &uri, QueryError *error)
{
    close();
    if (uri.scheme() != QLatin1String("postgresql") && uri.scheme() != QLatin1String("postgres")) {
        *error = QueryError::make(QueryError::Kind::Connection,
                                  QStringLiteral("the PostgreSQL backend takes postgresql:// URIs, not %1:").arg(uri.scheme()));
        return false;
    }
    m_uri = uri;
    return connectTo(uri, error);
}

bool PostgresqlConnection::connectTo(const ConnectionUri &uri, QueryError *error)
{
    std::vector<QByteArray> keys;
    std::vector<QByteArray> values;
    auto add = [&](const char *key, const QString &value) {
        if (!value.isEmpty()) {
            keys.emplace_back(key);
            values.push_back(value.toUtf8());
        }
    };
    add("host", uri.host().isEmpty() ? QStringLiteral("127.0.0.1") : uri.host());
    if (uri.port() > 0)
        add("port", QString::number(uri.port()));
    add("user", uri.user());
    add("password", uri.password());
    add("dbname", uri.database());
    add("client_encoding", QStringLiteral("UTF8"));
    add("application_name", QStringLiteral("DB Learn"));
    if (!uri.parameters().contains(QStringLiteral("connect_timeout")))
        add("connect_timeout", QString::fromLatin1(DefaultConnectTimeout));
    QStringList sessionOptions;
    const auto parameters = uri.parameters();
    for (auto it = parameters.cbegin(); it != parameters.cend(); ++it) {
        const QByteArray name = it.key().toUtf8();
        bool known = false;
        for (const char *pass : PassThroughParameters) {
            if (name == pass) {
                add(pass, it.value());
                known = true;
            }
        }
        for (const char *setting : SessionSettings) {
            if (name == setting) {
                sessionOptions << QStringLiteral("-c %1=%2").arg(it.key(), quoteOptionValue(it.value()));
                known = true;
            }
        }
        if (!known) {
            *error = QueryError::make(QueryError::Kind::Connection,
                                      QStringLiteral("unknown connection parameter \"%1\"").arg(it.key()));
            return false;
        }
    }
    if (!sessionOptions.isEmpty())
        add("options", sessionOptions.join(QLatin1Char(' ')));

    std::vector<const char *> keyPointers;
    std::vector<const char *> valuePointers;
    for (size_t i = 0; i < keys.size(); ++i) {
        keyPointers.push_back(keys[i].constData());
        valuePointers.push_back(values[i].constData());
    }
    keyPointers.push_back(nullptr);
    valuePointers.push_back(nullptr);

    PGconn *conn = PQconnectdbParams(keyPointers.data(), valuePointers.data(), 0);
    if (!conn || PQstatus(conn) != CONNECTION_OK) {
        QString message = conn ? QString::fromUtf8(PQerrorMessage(conn)).trimmed()
                               : QStringLiteral("out of memory while connecting");
        if (message.isEmpty())
            message = QStringLiteral("could not connect to the server");
        *error = QueryError::make(QueryError::Kind::Connection,
                                  QStringLiteral("cannot connect to PostgreSQL at %1: %2").arg(uri.displayString(), message));
        if (conn)
            PQfinish(conn);
        return false;
    }
    m_conn = conn;
    PQsetNoticeReceiver(m_conn, &PostgresqlConnection::noticeReceiver, this);
    setCancelHandle(PQgetCancel(m_conn));
    return true;
}

bool PostgresqlConnection::ensureConnected(QueryError *error)
{
    if (!m_conn) {
        *error = QueryError::make(QueryError::Kind::Connection, QStringLiteral("the connection is closed"));
        return false;
    }
    if (PQstatus(m_conn) == CONNECTION_OK)
        return true;
    // The server went away (restart, crash, idle timeout): try once to reconnect.
    qCInfo(lcPostgresql) << "connection lost; reconnecting to" << m_uri.displayString();
    PQreset(m_conn);
    if (PQstatus(m_conn) == CONNECTION_OK) {
        setCancelHandle(PQgetCancel(m_conn));
        m_notices << QStringLiteral("NOTICE: the connection was lost and has been re-established; "
                                    "session settings and temporary tables are gone");
        return true;
    }
    *error = connectionError(QStringLiteral("the server is not reachable"));
    return false;
}

void PostgresqlConnection::setCancelHandle(PGcancel *handle)
{
    std::lock_guard<std::mutex> lock(m_cancelMutex);
    if (m_cancelHandle)
        PQfreeCancel(m_cancelHandle);
    m_cancelHandle = handle;
}

void PostgresqlConnection::close()
{
    if (m_inResult)
        finish();
    setCancelHandle(nullptr);
    if (m_conn) {
        PQfinish(m_conn);
        m_conn = nullptr;
    }
}

bool PostgresqlConnection::isOpen() const
{
    return m_conn != nullptr;
}

QString PostgresqlConnection::serverVersion() const
{
    if (!m_conn)
        return {};
    const char *version = PQparameterStatus(m_conn, "server_version");
    return QStringLiteral("PostgreSQL ") + QString::fromUtf8(version ? version : "");
}

StatementStatus PostgresqlConnection::execute(const QString &sql)
{
    if (m_inResult)
        finish();
    m_rowsAffected = -1;
    m_columns.clear();
    StatementStatus status;

    const StatementSplitter::Span span = StatementSplitter::first(sql, StatementSplitter::Dialect::PostgreSQL);
    status.consumed = int(span.next);
    if (span.empty) {
        status.ok = true;
        status.empty = true;
        return status;
    }
    if (!ensureConnected(&status.error)) {
        status.messages = std::exchange(m_notices, {});
        return status;
    }
    m_statementStart = span.begin;
    m_statement = sql.mid(span.begin, span.end - span.begin);
    const QByteArray utf8 = m_statement.toUtf8();

    m_cancelRequested = false;
    m_busy = true;
    if (!PQsendQueryParams(m_conn, utf8.constData(), 0, nullptr, nullptr, nullptr, nullptr, 0)) {
        m_busy = false;
        status.error = connectionError(QStringLiteral("cannot send the statement"));
        status.messages = std::exchange(m_notices, {});
        return status;
    }
    PQsetSingleRowMode(m_conn);

    PGresult *result = PQgetResult(m_conn);
    const ExecStatusType kind = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    switch (kind) {
    case PGRES_SINGLE_TUPLE:
    case PGRES_TUPLES_OK: {
        const int n = PQnfields(result);
        for (int i = 0; i < n; ++i) {
            const Oid type = PQftype(result, i);
            QString typeName = PostgresqlTypes::nameOf(type);
            if (typeName.isEmpty())
                typeName = QStringLiteral("oid %1").arg(type);
            m_columns.push_back(Column{QString::fromUtf8(PQfname(result, i)), typeName, PostgresqlTypes::kindOf(type)});
        }
        status.ok = true;
        status.hasRows = true;
        if (kind == PGRES_SINGLE_TUPLE) {
            m_firstRow = result;
            m_inResult = true;
        } else { // no rows at all: the statement is over
            const char *tuples = PQcmdTuples(result);
            m_rowsAffected = *tuples ? std::strtoll(tuples, nullptr, 10) : -1;
            PQclear(result);
            drainResults();
        }
        break;
    }
    case PGRES_COMMAND_OK: {
        const char *tuples = PQcmdTuples(result);
        m_rowsAffected = *tuples ? std::strtoll(tuples, nullptr, 10) : -1;
        status.rowsAffected = m_rowsAffected;
        status.ok = true;
        PQclear(result);
        drainResults();
        break;
    }
    case PGRES_EMPTY_QUERY:
        status.ok = true;
        status.empty = true;
        PQclear(result);
        drainResults();
        break;
    case PGRES_COPY_IN:
    case PGRES_COPY_OUT:
    case PGRES_COPY_BOTH:
        // The app has no file to stream from or to; end the copy cleanly.
        if (kind == PGRES_COPY_IN)
            PQputCopyEnd(m_conn, "COPY FROM STDIN is not supported in DB Learn");
        PQclear(result);
        drainResults();
        status.error = QueryError::make(QueryError::Kind::Unsupported,
                                        QStringLiteral("COPY ... FROM STDIN / TO STDOUT needs a client file stream, which "
                                                       "DB Learn does not offer; use INSERT ... SELECT or a server-side file"));
        break;
    default:
        status.error = result ? resultError(result, m_statementStart, m_statement)
                              : connectionError(QStringLiteral("no answer from the server"));
        if (result)
            PQclear(result);
        drainResults();
        break;
    }
    if (!m_inResult)
        m_busy = false;
    status.messages = std::exchange(m_notices, {});
    return status;
}

void PostgresqlConnection::drainResults()
{
    if (!m_conn)
        return;
    while (PGresult *result = PQgetResult(m_conn)) {
        if (PQresultStatus(result) == PGRES_COPY_OUT) {
            char *buffer = nullptr;
            while (PQgetCopyData(m_conn, &buffer, 0) > 0)
                PQfreemem(buffer);
        }
        PQclear(result);
    }
    m_busy = false;
}

ColumnList PostgresqlConnection::columns() const
{
    return m_columns;
}

void PostgresqlConnection::appendRow(RowBatch &batch, const PGresult *result) const
{
    const int n = int(m_columns.size());
    for (int c = 0; c < n; ++c) {
        if (PQgetisnull(result, 0, c)) {
            batch.addNull();
            continue;
        }
        const char *value = PQgetvalue(result, 0, c);
        const int length = PQgetlength(result, 0, c);
        switch (m_columns[c].kind) {
        case ValueKind::Integer:
            batch.addInteger(std::strtoll(value, nullptr, 10));
            break;
        case ValueKind::Real: {
            char *end = nullptr;
            const double d = std::strtod(value, &end);
            if (end == value) // "NaN", "Infinity" are read by strtod; anything else stays text
                batch.addText(value, length, ValueKind::Other);
            else
                batch.addReal(d);
            break;
        }
        case ValueKind::Boolean:
            batch.addBoolean(value[0] == 't');
            break;
        case ValueKind::Blob: {
            size_t size = 0;
            unsigned char *bytes = PQunescapeBytea(reinterpret_cast<const unsigned char *>(value), &size);
            if (bytes) {
                batch.addBlob(bytes, int(size));
                PQfreemem(bytes);
            } else {
                batch.addText(value, length, ValueKind::Other);
            }
            break;
        }
        default:
            batch.addText(value, length, m_columns[c].kind);
            break;
        }
    }
}

bool PostgresqlConnection::fetch(RowBatch &batch, int maxRows, bool *atEnd, QueryError *error)
{
    *atEnd = !m_inResult;
    if (!m_inResult)
        return true;
    int fetched = 0;
    if (m_firstRow) {
        batch.reserveRows(ReserveRows);
        appendRow(batch, m_firstRow);
        PQclear(m_firstRow);
        m_firstRow = nullptr;
        ++fetched;
    }
    while (fetched < maxRows) {
        PGresult *result = PQgetResult(m_conn);
        if (!result) { // the statement ended without its final result: the connection broke
            m_inResult = false;
            m_busy = false;
            *atEnd = true;
            *error = connectionError(QStringLiteral("the result ended early"));
            return false;
        }
        const ExecStatusType kind = PQresultStatus(result);
        if (kind == PGRES_SINGLE_TUPLE) {
            if (fetched == 0)
                batch.reserveRows(ReserveRows);
            appendRow(batch, result);
            PQclear(result);
            ++fetched;
            continue;
        }
        m_inResult = false;
        *atEnd = true;
        if (kind == PGRES_TUPLES_OK) {
            const char *tuples = PQcmdTuples(result);
            m_rowsAffected = *tuples ? std::strtoll(tuples, nullptr, 10) : -1;
            PQclear(result);
            drainResults();
            return true;
        }
        *error = resultError(result, m_statementStart, m_statement);
        PQclear(result);
        drainResults();
        return false;
    }
    return true;
}

void PostgresqlConnection::finish()
{
    if (m_firstRow) {
        PQclear(m_firstRow);
        m_firstRow = nullptr;
    }
    if (!m_inResult)
        return;
    m_inResult = false;
    // Rows nobody will read. A short rest is read and dropped; for a long one the server is asked to
    // stop. (A cancel request travels on its own connection: sent for a statement about to end, it
    // could reach the server after the next one started, so it is kept for results still streaming.)
    for (int i = 0; i < DrainBeforeCancel; ++i) {
        PGresult *result = PQgetResult(m_conn);
        if (!result) {
            m_busy = false;
            return;
        }
        const ExecStatusType kind = PQresultStatus(result);
        PQclear(result);
        if (kind != PGRES_SINGLE_TUPLE) {
            drainResults();
            return;
        }
    }
    {
        std::lock_guard<std::mutex> lock(m_cancelMutex);
        if (m_cancelHandle) {
            char message[256];
            PQcancel(m_cancelHandle, message, sizeof message);
        }
    }
    drainResults();
}

StatementStatus PostgresqlConnection::insertRows(const QString &table, const QStringList &columns, const RowBatch &rows)
{
    // Multi-row INSERTs with the values as literals. The server reports the setting at connection
    // and whenever it changes; before the connection exists it is on, the default since 9.1.
    const char *standard = m_conn ? PQparameterStatus(m_conn, "standard_conforming_strings") : nullptr;
    const bool backslashEscapes = standard && std::strcmp(standard, "off") == 0;
    return MultiRowInsert(MultiRowInsert::Engine::PostgreSql, backslashEscapes, table, columns).run(*this, rows);
}

qint64 PostgresqlConnection::rowsAffected() const
{
    return m_rowsAffected;
}

void PostgresqlConnection::cancel()
{
    // Only while a statement runs: a cancel request that arrives when the session is idle would
    // be harmless, but one that arrives just after the next statement starts would cancel it.
    if (!m_busy)
        return;
    m_cancelRequested = true;
    std::lock_guard<std::mutex> lock(m_cancelMutex);
    if (m_cancelHandle) {
        char message[256];
        if (!PQcancel(m_cancelHandle, message, sizeof message))
            qCWarning(lcPostgresql) << "cancel request failed:" << message;
    }
}

ExplainResult PostgresqlConnection::explain(const QString &sql, const ExplainOptions &options, QueryError *error)
{
    ExplainResult result;
    const bool text = options.format == QLatin1String("text");
    QStringList parts;
    parts << (text ? QStringLiteral("FORMAT TEXT") : QStringLiteral("FORMAT JSON"));
    if (options.analyze)
        parts << QStringLiteral("ANALYZE");
    if (options.buffers)
        parts << QStringLiteral("BUFFERS");
    if (options.verbose)
        parts << QStringLiteral("VERBOSE");
    if (options.settings)
        parts << QStringLiteral("SETTINGS");
    if (options.wal)
        parts << QStringLiteral("WAL");
    const StatementSplitter::Span span = StatementSplitter::first(sql, StatementSplitter::Dialect::PostgreSQL);
    if (span.empty) {
        *error = QueryError::make(QueryError::Kind::Syntax, QStringLiteral("there is no statement to explain"));
        return result;
    }
    const QString statement = sql.mid(span.begin, span.end - span.begin);
    const QString explainSql = QStringLiteral("EXPLAIN (%1) %2").arg(parts.join(QLatin1String(", ")), statement);

    // EXPLAIN ANALYZE runs the statement. Outside a transaction it runs inside one that is rolled
    // back, so explaining an UPDATE does not change the data.
    const bool wrap = options.analyze && m_conn && PQtransactionStatus(m_conn) == PQTRANS_IDLE;
    QueryError ignored;
    if (wrap)
        ResultText::run(*this, QStringLiteral("BEGIN"), &ignored);
    result.text = ResultText::run(*this, explainSql, error);
    if (wrap)
        ResultText::run(*this, QStringLiteral("ROLLBACK"), &ignored);
    if (error->isError()) {
        // Positions refer to the statement the learner wrote, not to the EXPLAIN prefix.
        if (error->position >= 0)
            error->position = std::max(0, error->position - int(explainSql.size() - statement.size())) + int(span.begin);
        return result;
    }
    result.format = text ? QStringLiteral("postgresql-text") : QStringLiteral("postgresql-json");
    return result;
}

SchemaInfo PostgresqlConnection::schema(QueryError *error)
{
    if (!ensureConnected(error))
        return {};
    if (m_inResult)
        finish();
    PostgresqlSchemaReader reader(m_conn);
    return reader.read(error);
}

QueryError PostgresqlConnection::resultError(const PGresult *result, qsizetype statementStart,
                                             const QString &statement) const
{
    QueryError e;
    const char *sqlState = PQresultErrorField(result, PG_DIAG_SQLSTATE);
    e.sqlState = QString::fromLatin1(sqlState ? sqlState : "");
    const char *primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
    e.message = QString::fromUtf8(primary ? primary : PQresultErrorMessage(result)).trimmed();
    if (const char *detail = PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL))
        e.message += QStringLiteral("\nDETAIL: ") + QString::fromUtf8(detail);
    if (const char *hint = PQresultErrorField(result, PG_DIAG_MESSAGE_HINT))
        e.message += QStringLiteral("\nHINT: ") + QString::fromUtf8(hint);
    if (e.message.isEmpty())
        e.message = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
    if (const char *position = PQresultErrorField(result, PG_DIAG_STATEMENT_POSITION)) {
        const int character = std::atoi(position) - 1; // 1-based, in characters
        if (character >= 0)
            e.position = int(statementStart) + utf16OffsetOfCharacter(statement, character);
    }
    if (e.sqlState == QLatin1String("57014")) {
        e.kind = m_cancelRequested ? QueryError::Kind::Cancelled : QueryError::Kind::Timeout;
    } else if (e.sqlState.startsWith(QLatin1String("08")) || e.sqlState == QLatin1String("57P01")
               || e.sqlState == QLatin1String("57P02") || e.sqlState == QLatin1String("57P03")
               || PQstatus(m_conn) != CONNECTION_OK) {
        e.kind = QueryError::Kind::Connection;
        if (e.message.isEmpty())
            e.message = QStringLiteral("the connection to the server was lost");
    } else if (e.sqlState == QLatin1String("42601")) {
        e.kind = QueryError::Kind::Syntax;
    } else {
        e.kind = QueryError::Kind::Execution;
    }
    return e;
}

QueryError PostgresqlConnection::connectionError(const QString &context) const
{
    QString message = m_conn ? QString::fromUtf8(PQerrorMessage(m_conn)).trimmed() : QString();
    if (message.isEmpty())
        message = context;
    else
        message = context + QStringLiteral(": ") + message;
    return QueryError::make(QueryError::Kind::Connection, message);
}

void PostgresqlConnection::noticeReceiver(void *self, const PGresult *result)
{
    auto *connection = static_cast<PostgresqlConnection *>(self);
    const char *severity = PQresultErrorField(result, PG_DIAG_SEVERITY);
    const char *message = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
    QString line = QString::fromUtf8(severity ? severity : "NOTICE") + QStringLiteral(": ")
                   + QString::fromUtf8(message ? message : PQresultErrorMessage(result)).trimmed();
    if (const char *detail = PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL))
        line += QStringLiteral(" (") + QString::fromUtf8(detail) + QLatin1Char(')');
    connection->m_notices << line;
}

} // namespace dblearn
