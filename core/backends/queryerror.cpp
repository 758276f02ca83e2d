#include "backends/queryerror.h"

namespace dblearn {

QString queryErrorKindName(QueryError::Kind kind)
{
    switch (kind) {
    case QueryError::Kind::None: return QStringLiteral("none");
    case QueryError::Kind::Connection: return QStringLiteral("connection");
    case QueryError::Kind::Syntax: return QStringLiteral("syntax");
    case QueryError::Kind::Execution: return QStringLiteral("execution");
    case QueryError::Kind::Cancelled: return QStringLiteral("cancelled");
    case QueryError::Kind::Timeout: return QStringLiteral("timeout");
    case QueryError::Kind::Unsupported: return QStringLiteral("unsupported");
    case QueryError::Kind::Internal: break;
    }
    return QStringLiteral("internal");
}

} // namespace dblearn
