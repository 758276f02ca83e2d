#pragma once

// The one interface every database backend plugin implements.
//
// A plugin exports a QObject that implements DatabaseBackend and carries JSON metadata
// (see docs/backend-plugins.md): the loader reads that metadata before loading the library and
// refuses a plugin whose API version differs from DatabaseBackend::apiVersion().

#include "backends/column.h"
#include "backends/connectionuri.h"
#include "backends/queryerror.h"
#include "backends/rowbatch.h"
#include "backends/schemainfo.h"

#include <QtPlugin>

#include <memory>

namespace dblearn {

struct ExplainOptions {
    bool analyze = false;
    bool buffers = false;
    bool verbose = false;
    bool settings = false;
    bool wal = false;
    QString format; // "json", "text", or empty for the engine's richest machine-readable format
};

struct ExplainResult {
    QString format; // "sqlite-eqp-json", "postgresql-json", "postgresql-text", "mariadb-json", ...
    QString text;   // the plan as the engine produced it (JSON or text)
};

// The outcome of starting one statement.
struct StatementStatus {
    bool ok = false;
    bool hasRows = false;     // the statement produces a result set; call fetch() until atEnd
    qint64 rowsAffected = -1; // for DML, once the statement is complete
    int consumed = 0;         // characters of the input that made up this statement (scripts)
    bool empty = false;       // the input held no statement, only whitespace and comments
    QStringList messages;     // notices and warnings
    QueryError error;
};

// One connection to a database. Not thread-safe, except cancel(), which any thread may call
// while another thread executes or fetches. A connection stays usable after a cancel.
class DatabaseConnection
{
public:
    virtual ~DatabaseConnection() = default;

    virtual bool open(const ConnectionUri &uri, QueryError *error) = 0;
    virtual void close() = 0;
    virtual bool isOpen() const = 0;
    virtual QString serverVersion() const = 0;

    // Starts the first statement of `sql`. Leading whitespace and comments are skipped; if nothing
    // but whitespace and comments remains, returns ok and empty with consumed == sql.size() and no rows.
    virtual StatementStatus execute(const QString &sql) = 0;
    // The columns of the current result (valid after execute() returned hasRows).
    virtual ColumnList columns() const = 0;
    // Appends up to maxRows rows of the current result to `batch` (which must have columns().size()
    // columns). Returns false on error (filled in `error`). Sets *atEnd when no rows remain.
    virtual bool fetch(RowBatch &batch, int maxRows, bool *atEnd, QueryError *error) = 0;
    // Ends the current statement, discarding rows not fetched.
    virtual void finish() = 0;
    // Rows changed by the last completed statement, or -1.
    virtual qint64 rowsAffected() const = 0;

    // Interrupts whatever is running on this connection. Thread-safe. Harmless when idle.
    virtual void cancel() = 0;

    virtual ExplainResult explain(const QString &sql, const ExplainOptions &options, QueryError *error) = 0;
    virtual SchemaInfo schema(QueryError *error) = 0;

    // Notices and warnings that arrived after execute() returned: while the rows were read, or
    // only at the end of the result (MariaDB's warnings of a SELECT, PostgreSQL notices raised
    // per row). Called after finish(); returns each message once. (API 1.1)
    virtual QStringList takeMessages() = 0;

    // Inserts every row of `rows` into `table`, one value per column named in `columns`, in that
    // order (API 1.2). Each value goes in by its kind: NULL, integers, reals and booleans as such,
    // blobs as bytes, and the text-like kinds (Text, Decimal, Date, DateTime, ...) as the column
    // would take the same value written as a literal: a Decimal such as 19.99 as a number, a
    // DateTime such as 2024-05-01 12:00:00 as a string. (SQLite binds a Decimal as text: numeric
    // columns convert it as they would the literal; a TEXT column keeps "20.00" as given.)
    // Names are quoted by the plugin.
    // Returns ok with rowsAffected = rows.rowCount(), or the first error; rows before it may remain
    // unless a transaction is rolled back, and callers inserting many rows open one first.
    // SQLite binds the rows to one prepared statement; the server backends send multi-row INSERTs.
    virtual StatementStatus insertRows(const QString &table, const QStringList &columns, const RowBatch &rows) = 0;
};

// The factory a plugin exports.
class DatabaseBackend
{
public:
    virtual ~DatabaseBackend() = default;
    virtual std::unique_ptr<DatabaseConnection> createConnection() = 0;
};

// The API version in the IID and in the metadata's "apiVersion" must match exactly.
inline constexpr int BackendApiMajor = 1;
inline constexpr int BackendApiMinor = 2;

} // namespace dblearn

#define DBLEARN_BACKEND_IID "org.dblearn.DatabaseBackend/1.2"
Q_DECLARE_INTERFACE(dblearn::DatabaseBackend, DBLEARN_BACKEND_IID)
