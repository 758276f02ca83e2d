#include "sqliteconnection.h"

#include "datasets/vectormath.h"

#include "sqliteschemareader.h"
#include "sqlitestatement.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <sqlite3.h>

#include <climits>
#include <cstring>
#include <thread>

namespace dblearn {

namespace {
Q_LOGGING_CATEGORY(lcSqlite, "dblearn.sqlite", QtWarningMsg)

// Rows reserved in a batch when the first row arrives; larger batches grow as rows arrive, so a
// small result fetched with a large maxRows does not pay for the whole batch.
constexpr int ReserveRows = 4096;
// The progress handler checks for a cancel every this many virtual machine instructions. It closes
// the gap in which sqlite3_interrupt() is forgotten: SQLite clears it when a statement starts.
constexpr int ProgressInstructions = 1000;
// Characters of a script converted to UTF-8 at first; the prefix grows until a statement fits.
constexpr qsizetype FirstChunk = 4096;
// The largest string or blob a statement may build (SQLite's default is 1 GB).
constexpr int MaxValueBytes = 256 * 1024 * 1024;

// UTF-16 code units in `size` bytes of valid UTF-8: one per lead byte, two for 4-byte sequences.
int utf16Length(const char *utf8, qsizetype size)
{
    int units = 0;
    for (qsizetype i = 0; i < size; ++i) {
        const auto byte = static_cast<unsigned char>(utf8[i]);
        if ((byte & 0xC0) != 0x80)
            units += byte >= 0xF0 ? 2 : 1;
    }
    return units;
}

// Skips whitespace and SQL comments.
const char *skipSpace(const char *p, const char *end)
{
    while (p < end) {
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f') {
            ++p;
        } else if (p + 1 < end && p[0] == '-' && p[1] == '-') {
            while (p < end && *p != '\n')
                ++p;
        } else if (p + 1 < end && p[0] == '/' && p[1] == '*') {
            const char *close = p + 2;
            while (close + 1 < end && !(close[0] == '*' && close[1] == '/'))
                ++close;
            p = close + 1 < end ? close + 2 : end;
        } else {
            break;
        }
    }
    return p;
}

// Whether the statement's first keyword makes it a data change (its rows affected count).
// WITH counts too: the caller has already checked that the statement writes.
bool startsWithDataChange(const char *begin, const char *end)
{
    const char *p = skipSpace(begin, end);
    const char *word = p;
    while (p < end && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
        ++p;
    const QByteArray keyword = QByteArray(word, p - word).toUpper();
    return keyword == "INSERT" || keyword == "UPDATE" || keyword == "DELETE" || keyword == "REPLACE"
        || keyword == "WITH";
}

// The broad kind of a column from its declared type, by SQLite's affinity rules
// (https://www.sqlite.org/datatype3.html#determination_of_column_affinity), with NUMERIC
// affinity refined by the usual type names. Expressions have no declared type: Other.
ValueKind kindFromDeclaredType(const char *declared)
{
    if (!declared || !*declared)
        return ValueKind::Other;
    const QByteArray type = QByteArray(declared).toUpper();
    if (type.contains("INT"))
        return ValueKind::Integer;
    if (type.contains("CHAR") || type.contains("CLOB") || type.contains("TEXT"))
        return ValueKind::Text;
    if (type.contains("BLOB"))
        return ValueKind::Blob;
    if (type.contains("REAL") || type.contains("FLOA") || type.contains("DOUB"))
        return ValueKind::Real;
    if (type.contains("BOOL"))
        return ValueKind::Boolean;
    if (type.contains("DATETIME") || type.contains("TIMESTAMP"))
        return ValueKind::DateTime;
    if (type.contains("DATE"))
        return ValueKind::Date;
    if (type.contains("TIME"))
        return ValueKind::Time;
    if (type.contains("JSON"))
        return ValueKind::Json;
    if (type.contains("DECIMAL") || type.contains("NUMERIC"))
        return ValueKind::Decimal;
    return ValueKind::Other;
}

} // namespace

SqliteConnection::SqliteConnection() = default;

SqliteConnection::~SqliteConnection()
{
    close();
}

bool SqliteConnection::open(const ConnectionUri &uri, QueryError *error)
{
    close();
    auto failWith = [error](QueryError::Kind kind, const QString &message) {
        if (error)
            *error = QueryError::make(kind, message);
        return false;
    };
    if (uri.scheme() != QLatin1String("sqlite"))
        return failWith(QueryError::Kind::Connection,
                        QStringLiteral("not a SQLite connection URI: %1").arg(uri.displayString()));

    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE; // one thread at a time uses a connection
    const QString mode = uri.parameter(QStringLiteral("mode"), QStringLiteral("rwc"));
    if (mode == QLatin1String("ro"))
        flags |= SQLITE_OPEN_READONLY;
    else if (mode == QLatin1String("rw"))
        flags |= SQLITE_OPEN_READWRITE;
    else if (mode == QLatin1String("rwc"))
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    else
        return failWith(QueryError::Kind::Connection,
                        QStringLiteral("unknown mode \"%1\" (ro, rw or rwc)").arg(mode));
    const bool inMemory = uri.isInMemory() || uri.path() == QLatin1String(":memory:");
    // Paths are absolute (ConnectionUri refuses others), so they are never taken for "file:" URIs.
    const QByteArray path = inMemory ? QByteArrayLiteral(":memory:") : QFile::encodeName(uri.path());

    sqlite3 *db = nullptr;
    const int rc = sqlite3_open_v2(path.constData(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString message = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_close_v2(db);
        return failWith(QueryError::Kind::Connection, message);
    }
    m_db = db;
    m_handle.store(db);
    if (!configure(error)) {
        close();
        return false;
    }
    // Opening reads nothing: a file of random bytes is only noticed by the first read.
    SqliteStatement check(m_db, QByteArrayLiteral("PRAGMA schema_version"));
    check.next();
    if (check.failed()) {
        const QueryError checkError = check.error(QueryError::Kind::Connection);
        close();
        return failWith(QueryError::Kind::Connection, checkError.message);
    }
    qCDebug(lcSqlite).noquote() << "opened" << uri.displayString();
    return true;
}

bool SqliteConnection::configure(QueryError *error)
{
    sqlite3_extended_result_codes(m_db, 1);
    int enabled = 0;
    // Defensive mode: no writable_schema, no corrupting the file with ordinary SQL.
    if (sqlite3_db_config(m_db, SQLITE_DBCONFIG_DEFENSIVE, 1, &enabled) != SQLITE_OK || enabled != 1) {
        if (error)
            *error = QueryError::make(QueryError::Kind::Connection,
                                      QStringLiteral("this SQLite library cannot enable defensive mode"));
        return false;
    }
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, &enabled);
    sqlite3_enable_load_extension(m_db, 0);
    // Debian builds with SQLITE_ENABLE_FTS3_TOKENIZER, which turns on the two-argument
    // fts3_tokenizer() that takes a raw function pointer from SQL.
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER, 0, &enabled);
#ifdef SQLITE_DBCONFIG_TRUSTED_SCHEMA
    // Views and triggers in a database file may only use functions marked innocuous.
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &enabled);
#endif
    sqlite3_limit(m_db, SQLITE_LIMIT_LENGTH, MaxValueBytes);
    sqlite3_set_authorizer(m_db, &SqliteConnection::authorize, this);
    sqlite3_progress_handler(m_db, ProgressInstructions, &SqliteConnection::progress, this);
    registerFunctions();
    return true;
}

namespace {

using VectorFunction = double (*)(QByteArrayView, QByteArrayView, bool *, QString *);

// vector distance(a, b) over JSON-array text such as '[0.1, 0.2]'; NULL in, NULL out.
template<VectorFunction function>
void vectorSqlFunction(sqlite3_context *context, int, sqlite3_value **argv)
{
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL || sqlite3_value_type(argv[1]) == SQLITE_NULL) {
        sqlite3_result_null(context);
        return;
    }
    // sqlite3_value_text() before sqlite3_value_bytes(), as the SQLite documentation requires.
    const auto *a = reinterpret_cast<const char *>(sqlite3_value_text(argv[0]));
    const int aSize = sqlite3_value_bytes(argv[0]);
    const auto *b = reinterpret_cast<const char *>(sqlite3_value_text(argv[1]));
    const int bSize = sqlite3_value_bytes(argv[1]);
    bool ok = false;
    QString error;
    const double value = function(QByteArrayView(a, aSize), QByteArrayView(b, bSize), &ok, &error);
    if (!ok) {
        const QByteArray message = error.toUtf8();
        sqlite3_result_error(context, message.constData(), int(message.size()));
        return;
    }
    sqlite3_result_double(context, value);
}

void vectorDimsSqlFunction(sqlite3_context *context, int, sqlite3_value **argv)
{
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(context);
        return;
    }
    const auto *a = reinterpret_cast<const char *>(sqlite3_value_text(argv[0]));
    bool ok = false;
    QString error;
    const int dims = vectorDimensions(QByteArrayView(a, sqlite3_value_bytes(argv[0])), &ok, &error);
    if (!ok) {
        const QByteArray message = error.toUtf8();
        sqlite3_result_error(context, message.constData(), int(message.size()));
        return;
    }
    sqlite3_result_int(context, dims);
}

} // namespace

void SqliteConnection::registerFunctions()
{
    // SQL functions for lessons, flagged SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS (the schema is not
    // trusted, so views and triggers may only call innocuous functions). Vector similarity runs in
    // the embedded default with the same names and meaning as pgvector's operators:
    // cosine_distance (<=>), l2_distance (<->), inner_product (the plain dot product).
    const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    sqlite3_create_function_v2(m_db, "cosine_distance", 2, flags, nullptr, &vectorSqlFunction<&cosineDistance>,
                               nullptr, nullptr, nullptr);
    sqlite3_create_function_v2(m_db, "l2_distance", 2, flags, nullptr, &vectorSqlFunction<&l2Distance>, nullptr,
                               nullptr, nullptr);
    sqlite3_create_function_v2(m_db, "inner_product", 2, flags, nullptr, &vectorSqlFunction<&innerProduct>, nullptr,
                               nullptr, nullptr);
    sqlite3_create_function_v2(m_db, "vector_dims", 1, flags, nullptr, &vectorDimsSqlFunction, nullptr, nullptr,
                               nullptr);
}

void SqliteConnection::close()
{
    finalizeStatement();
    m_columns.clear();
    if (!m_db)
        return;
    sqlite3 *db = m_db;
    m_db = nullptr;
    m_handle.store(nullptr);
    // A cancel() that saw the handle finishes its sqlite3_interrupt() before the handle goes away.
    while (m_cancelCallers.load() != 0)
        std::this_thread::yield();
    sqlite3_close_v2(db);
}

bool SqliteConnection::isOpen() const
{
    return m_db != nullptr;
}

QString SqliteConnection::serverVersion() const
{
    return QString::fromLatin1(sqlite3_libversion());
}

void SqliteConnection::beginOperation()
{
    // A cancel that arrived while the connection was idle does not affect what starts now.
    m_cancelRequested.store(false);
    m_refusal.clear();
}

void SqliteConnection::finalizeStatement()
{
    if (m_stmt) {
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
    m_stmtDone = false;
    m_stmtChangesRows = false;
}

StatementStatus SqliteConnection::execute(const QString &sql)
{
    StatementStatus status;
    finalizeStatement();
    m_columns.clear();
    m_rowsAffected = -1;
    if (!m_db) {
        status.error = QueryError::make(QueryError::Kind::Connection, QStringLiteral("not connected"));
        return status;
    }
    beginOperation();

    // Only a prefix of the input is converted to UTF-8: enough for its first statement. Callers walk
    // scripts statement by statement, so converting the whole rest each time would be quadratic.
    qsizetype chunk = qMin(sql.size(), FirstChunk);
    QByteArray utf8;
    const char *start = nullptr;
    const char *tail = nullptr;
    sqlite3_stmt *stmt = nullptr;
    int rc = SQLITE_OK;
    for (;;) {
        if (chunk < sql.size() && sql.at(chunk - 1).isHighSurrogate())
            ++chunk; // never split a surrogate pair
        utf8 = QStringView(sql).first(chunk).toUtf8();
        if (utf8.size() >= INT_MAX) {
            status.error = QueryError::make(QueryError::Kind::Execution, QStringLiteral("the SQL text is too long"));
            return status;
        }
        rc = prepareFirst(utf8, &stmt, &start, &tail);
        // A statement ended by ';' before the end of the prefix is complete; anything else (no
        // statement yet, one running to the end of the prefix, an error) may be cut off: look further.
        const bool complete = rc == SQLITE_OK && stmt && tail < utf8.constData() + utf8.size();
        if (complete || chunk == sql.size())
            break;
        sqlite3_finalize(stmt);
        stmt = nullptr;
        chunk = qMin(sql.size(), chunk * 8);
    }
    const char *const base = utf8.constData();
    if (rc != SQLITE_OK) {
        // A statement the authorizer refused parsed fine: not a syntax error.
        const auto kind = (rc & 0xff) == SQLITE_ERROR && m_refusal.isEmpty() ? QueryError::Kind::Syntax
                                                                             : QueryError::Kind::Execution;
        status.error = statementError(rc, kind, utf8, start - base);
        sqlite3_finalize(stmt);
        return status;
    }
    status.consumed = utf16Length(base, tail - base);
    if (!stmt) {
        status.ok = true;
        status.empty = true;
        status.consumed = int(sql.size());
        return status;
    }

    m_stmtChangesRows = !sqlite3_stmt_readonly(stmt) && startsWithDataChange(start, tail);
    const int columnCount = sqlite3_column_count(stmt);
    if (columnCount > 0) {
        m_stmt = stmt;
        m_columns.reserve(columnCount);
        for (int i = 0; i < columnCount; ++i) {
            const char *declared = sqlite3_column_decltype(stmt, i);
            m_columns.append(Column{QString::fromUtf8(sqlite3_column_name(stmt, i)),
                                    QString::fromUtf8(declared), kindFromDeclaredType(declared)});
        }
        status.ok = true;
        status.hasRows = true;
        return status;
    }

    rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE || rc == SQLITE_ROW) {
        m_rowsAffected = m_stmtChangesRows ? sqlite3_changes64(m_db) : -1;
        status.ok = true;
        status.rowsAffected = m_rowsAffected;
    } else {
        status.error = statementError(rc, QueryError::Kind::Execution, utf8, start - base);
    }
    sqlite3_finalize(stmt);
    m_stmtChangesRows = false;
    return status;
}

StatementStatus SqliteConnection::insertRows(const QString &table, const QStringList &columns, const RowBatch &rows)
{
    StatementStatus status;
    finalizeStatement();
    m_columns.clear();
    m_rowsAffected = -1;
    if (!m_db) {
        status.error = QueryError::make(QueryError::Kind::Connection, QStringLiteral("not connected"));
        return status;
    }
    if (columns.isEmpty() || columns.size() != rows.columnCount()) {
        status.error = QueryError::make(QueryError::Kind::Internal,
                                        QStringLiteral("%1 column names for rows of %2 columns")
                                            .arg(columns.size())
                                            .arg(rows.columnCount()));
        return status;
    }
    beginOperation();

    const auto quote = [](const QString &name) -> QString { // a QString, not a builder of a local
        QString quoted = name;
        quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
        return QLatin1Char('"') + quoted + QLatin1Char('"');
    };
    QString sql = QStringLiteral("INSERT INTO ") + quote(table) + QStringLiteral(" (");
    QString marks;
    for (qsizetype i = 0; i < columns.size(); ++i) {
        sql += (i ? QStringLiteral(", ") : QString()) + quote(columns.at(i));
        marks += i ? QStringLiteral(", ?") : QStringLiteral("?");
    }
    const QByteArray utf8 = (sql + QStringLiteral(") VALUES (") + marks + QLatin1Char(')')).toUtf8();

    // One statement for the whole batch: each row is bound, stepped and reset, and nothing is
    // parsed per row. (The progress handler still sees the steps, so cancel() interrupts them.)
    sqlite3_stmt *stmt = nullptr;
    m_refusal.clear();
    int rc = sqlite3_prepare_v3(m_db, utf8.constData(), int(utf8.size()) + 1, 0, &stmt, nullptr);
    if (rc != SQLITE_OK) {
        status.error = statementError(rc, QueryError::Kind::Execution);
        sqlite3_finalize(stmt);
        return status;
    }
    const int rowCount = rows.rowCount();
    for (int row = 0; row < rowCount; ++row) {
        rc = bindRow(stmt, rows, row);
        if (rc == SQLITE_OK)
            rc = sqlite3_step(stmt);
        if (rc != SQLITE_DONE) {
            status.error = statementError(rc, QueryError::Kind::Execution);
            sqlite3_finalize(stmt);
            return status;
        }
        sqlite3_reset(stmt);
    }
    sqlite3_finalize(stmt);
    m_rowsAffected = rowCount;
    status.ok = true;
    status.rowsAffected = rowCount;
    return status;
}

int SqliteConnection::bindRow(sqlite3_stmt *stmt, const RowBatch &rows, int row)
{
    const int columnCount = rows.columnCount();
    for (int column = 0; column < columnCount; ++column) {
        const int parameter = column + 1;
        int rc = SQLITE_OK;
        switch (rows.kindAt(row, column)) {
        case ValueKind::Null:
            rc = sqlite3_bind_null(stmt, parameter);
            break;
        case ValueKind::Integer:
        case ValueKind::Boolean:
            rc = sqlite3_bind_int64(stmt, parameter, rows.integerAt(row, column));
            break;
        case ValueKind::Real:
            rc = sqlite3_bind_double(stmt, parameter, rows.realAt(row, column));
            break;
        case ValueKind::Blob: {
            const QByteArrayView bytes = rows.storedBytesAt(row, column);
            rc = sqlite3_bind_blob(stmt, parameter, bytes.data() ? bytes.data() : "", int(bytes.size()), SQLITE_STATIC);
            break;
        }
        default: {
            // Text as the column's affinity takes it: '19.99' becomes the number in a NUMERIC
            // column, exactly as the literal 19.99 would. The batch outlives the statement's use
            // of the bytes, so they are not copied. (A null pointer would bind NULL, not ''.)
            const QByteArrayView bytes = rows.storedBytesAt(row, column);
            rc = sqlite3_bind_text(stmt, parameter, bytes.data() ? bytes.data() : "", int(bytes.size()), SQLITE_STATIC);
            break;
        }
        }
        if (rc != SQLITE_OK)
            return rc;
    }
    return SQLITE_OK;
}

int SqliteConnection::prepareFirst(const QByteArray &utf8, sqlite3_stmt **stmt, const char **start, const char **tail)
{
    const char *const end = utf8.constData() + utf8.size();
    *stmt = nullptr;
    *start = utf8.constData();
    *tail = *start;
    // Empty statements (whitespace, comments, a lone ';') prepare to no statement: skip them.
    while (*start < end) {
        m_refusal.clear();
        // The length includes the terminating NUL, which spares SQLite a copy of the text.
        const int rc = sqlite3_prepare_v3(m_db, *start, int(end - *start) + 1, 0, stmt, tail);
        if (rc != SQLITE_OK)
            return rc;
        if (!*tail || *tail <= *start || *tail > end)
            *tail = end;
        if (*stmt)
            return SQLITE_OK;
        *start = *tail;
    }
    return SQLITE_OK;
}

ColumnList SqliteConnection::columns() const
{
    return m_columns;
}

bool SqliteConnection::fetch(RowBatch &batch, int maxRows, bool *atEnd, QueryError *error)
{
    *atEnd = false;
    if (!m_stmt || m_stmtDone) {
        *atEnd = true;
        return true;
    }
    const int columnCount = int(m_columns.size());
    if (batch.columnCount() != columnCount) {
        if (error)
            *error = QueryError::make(QueryError::Kind::Internal,
                                      QStringLiteral("the row batch has %1 columns, the result %2")
                                          .arg(batch.columnCount())
                                          .arg(columnCount));
        return false;
    }
    if (m_cancelRequested.load(std::memory_order_relaxed)) {
        m_stmtDone = true;
        if (error)
            *error = QueryError::make(QueryError::Kind::Cancelled, QStringLiteral("cancelled"));
        return false;
    }
    // The hot loop: values go straight from SQLite's buffers into the batch.
    sqlite3_stmt *const stmt = m_stmt;
    for (int row = 0; row < maxRows; ++row) {
        const int rc = sqlite3_step(stmt);
        if (rc != SQLITE_ROW) {
            m_stmtDone = true;
            if (rc == SQLITE_DONE) {
                m_rowsAffected = m_stmtChangesRows ? sqlite3_changes64(m_db) : -1;
                *atEnd = true;
                return true;
            }
            if (error)
                *error = statementError(rc, QueryError::Kind::Execution);
            return false;
        }
        if (row == 0)
            batch.reserveRows(batch.rowCount() + qMin(maxRows, ReserveRows));
        for (int column = 0; column < columnCount; ++column) {
            switch (sqlite3_column_type(stmt, column)) {
            case SQLITE_INTEGER:
                batch.addInteger(sqlite3_column_int64(stmt, column));
                break;
            case SQLITE_FLOAT:
                batch.addReal(sqlite3_column_double(stmt, column));
                break;
            case SQLITE_TEXT: {
                const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(stmt, column));
                batch.addText(text, sqlite3_column_bytes(stmt, column));
                break;
            }
            case SQLITE_BLOB: {
                const void *blob = sqlite3_column_blob(stmt, column);
                batch.addBlob(blob, sqlite3_column_bytes(stmt, column));
                break;
            }
            default:
                batch.addNull();
                break;
            }
        }
    }
    return true;
}

void SqliteConnection::finish()
{
    finalizeStatement();
}

qint64 SqliteConnection::rowsAffected() const
{
    return m_rowsAffected;
}

void SqliteConnection::cancel()
{
    // Atomics only: safe from any thread and from a signal handler.
    m_cancelRequested.store(true);
    m_cancelCallers.fetch_add(1);
    if (sqlite3 *db = m_handle.load())
        sqlite3_interrupt(db);
    m_cancelCallers.fetch_sub(1);
}

ExplainResult SqliteConnection::explain(const QString &sql, const ExplainOptions &options, QueryError *error)
{
    // SQLite has no EXPLAIN ANALYZE. Measured counts per plan step would need
    // sqlite3_stmt_scanstatus(), which exists only in builds with SQLITE_ENABLE_STMT_SCANSTATUS
    // (Debian's libsqlite3 has it off), so options.analyze gives the query plan alone.
    Q_UNUSED(options);
    ExplainResult result;
    if (!m_db) {
        if (error)
            *error = QueryError::make(QueryError::Kind::Connection, QStringLiteral("not connected"));
        return result;
    }
    beginOperation();
    const QByteArray prefix = QByteArrayLiteral("EXPLAIN QUERY PLAN ");
    const QByteArray utf8 = sql.toUtf8();
    SqliteStatement plan(m_db, prefix + utf8);
    QJsonArray steps;
    while (plan.next()) {
        steps.append(QJsonObject{{QStringLiteral("id"), plan.integer(0)},
                                 {QStringLiteral("parent"), plan.integer(1)},
                                 {QStringLiteral("detail"), plan.text(3)}});
    }
    if (plan.failed()) {
        if (error) {
            const int offset = sqlite3_error_offset(m_db);
            *error = plan.error((plan.resultCode() & 0xff) == SQLITE_ERROR && !plan.isValid() && m_refusal.isEmpty()
                                    ? QueryError::Kind::Syntax
                                    : QueryError::Kind::Execution);
            if (!m_refusal.isEmpty())
                error->message += QStringLiteral(" (") + m_refusal + QLatin1Char(')');
            if (offset >= prefix.size() && offset - prefix.size() <= utf8.size())
                error->position = utf16Length(utf8.constData(), offset - prefix.size());
        }
        return result;
    }
    result.format = QStringLiteral("sqlite-eqp-json");
    result.text = QString::fromUtf8(QJsonDocument(steps).toJson(QJsonDocument::Compact));
    return result;
}

SchemaInfo SqliteConnection::schema(QueryError *error)
{
    if (!m_db) {
        if (error)
            *error = QueryError::make(QueryError::Kind::Connection, QStringLiteral("not connected"));
        return {};
    }
    beginOperation();
    return SqliteSchemaReader(m_db).read(error);
}

QueryError SqliteConnection::statementError(int rc, QueryError::Kind kind, const QByteArray &utf8,
                                            qsizetype statementStart) const
{
    QueryError e;
    e.kind = kind;
    e.message = QString::fromUtf8(sqlite3_errmsg(m_db));
    e.sqlState = QString::number(sqlite3_extended_errcode(m_db));
    if ((rc & 0xff) == SQLITE_INTERRUPT) {
        e.kind = QueryError::Kind::Cancelled;
        e.message = QStringLiteral("cancelled: ") + e.message;
    } else if (!m_refusal.isEmpty()) {
        e.message += QStringLiteral(" (") + m_refusal + QLatin1Char(')'); // the authorizer's reason
    }
    const int offset = sqlite3_error_offset(m_db);
    if (offset >= 0 && !utf8.isEmpty() && statementStart + offset <= utf8.size())
        e.position = utf16Length(utf8.constData(), statementStart + offset);
    return e;
}

int SqliteConnection::authorize(void *self, int action, const char *arg1, const char *arg2, const char *database,
                                const char *trigger)
{
    Q_UNUSED(database);
    Q_UNUSED(trigger);
    auto *connection = static_cast<SqliteConnection *>(self);
    switch (action) {
    case SQLITE_ATTACH:
        // ATTACH ':memory:' and ATTACH '' make temporary databases; a file would let learner SQL
        // read and write anywhere the user can.
        if (arg1 && (std::strcmp(arg1, ":memory:") == 0 || arg1[0] == '\0'))
            return SQLITE_OK;
        connection->m_refusal = QStringLiteral("ATTACH of a file is refused here: only ATTACH ':memory:' or '' "
                                               "for a temporary database");
        return SQLITE_DENY;
    case SQLITE_FUNCTION:
        if (arg2 && sqlite3_stricmp(arg2, "load_extension") == 0) {
            connection->m_refusal = QStringLiteral("loading SQLite extensions is disabled");
            return SQLITE_DENY;
        }
        return SQLITE_OK;
    case SQLITE_PRAGMA:
        // Process-wide settings that would redirect temporary files of the whole application.
        if (arg1 && (sqlite3_stricmp(arg1, "temp_store_directory") == 0
                     || sqlite3_stricmp(arg1, "data_store_directory") == 0)) {
            connection->m_refusal = QStringLiteral("PRAGMA %1 is disabled").arg(QString::fromUtf8(arg1));
            return SQLITE_DENY;
        }
        return SQLITE_OK;
    default:
        return SQLITE_OK;
    }
}

int SqliteConnection::progress(void *self)
{
    return static_cast<SqliteConnection *>(self)->m_cancelRequested.load(std::memory_order_relaxed) ? 1 : 0;
}

} // namespace dblearn
