#pragma once

#include <QString>
#include <QStringView>

namespace dblearn {

// Small lexical helpers the checker needs before handing SQL to an engine: they skip whitespace and
// comments (-- … and /* … */) and read a statement's first word. They do not parse SQL; how far a
// statement extends is always left to the engine (DatabaseConnection::execute() reports it).
// MariaDB's '#' comments are not skipped, since '#' is an operator in PostgreSQL.
class SqlText final
{
public:
    // The index of the first character at or after `from` that is not whitespace, a comment or,
    // when `skipSemicolons` is set, a semicolon.
    static qsizetype skipBlank(QStringView sql, qsizetype from = 0, bool skipSemicolons = false);
    // True when `sql` holds nothing but whitespace, comments and semicolons.
    static bool isBlank(QStringView sql);
    // The first word of the first statement, upper-cased ("SELECT", "WITH", "BEGIN"), or empty.
    static QString firstKeyword(QStringView sql);
    // True when the statement `sql` starts with is transaction control: BEGIN, COMMIT, END,
    // ROLLBACK, SAVEPOINT, RELEASE, START TRANSACTION, ABORT.
    static bool startsWithTransactionControl(QStringView sql);
};

} // namespace dblearn
