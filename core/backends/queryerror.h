#pragma once

#include <QString>

namespace dblearn {

// What went wrong with a statement, as the engine said it.
struct QueryError {
    enum class Kind { None, Connection, Syntax, Execution, Cancelled, Timeout, Unsupported, Internal };

    Kind kind = Kind::None;
    QString message;  // the engine's message, unchanged
    QString sqlState; // SQLSTATE or engine error code, when the engine has one
    int position = -1; // character offset (0-based, in UTF-16 units of the statement) or -1

    bool isError() const { return kind != Kind::None; }
    static QueryError make(Kind kind, const QString &message, int position = -1)
    {
        QueryError e;
        e.kind = kind;
        e.message = message;
        e.position = position;
        return e;
    }
};

QString queryErrorKindName(QueryError::Kind kind);

} // namespace dblearn
