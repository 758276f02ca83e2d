#pragma once

#include <QStringView>

namespace dblearn {

// Finds where the first statement of a script ends, for server engines that take one statement
// per request. It knows each dialect's quoting and comments, so a semicolon inside a string,
// a quoted identifier, a comment or (PostgreSQL) a dollar-quoted body does not end a statement.
class StatementSplitter final
{
public:
    enum class Dialect { PostgreSQL, MySQL };

    struct Span {
        qsizetype begin = 0; // first character of the statement (after whitespace and comments)
        qsizetype end = 0;   // one past its last character, not counting the ';'
        qsizetype next = 0;  // where the next statement's search starts (after the ';')
        bool empty = true;   // nothing but whitespace, comments and semicolons before `next`
    };

    static Span first(QStringView sql, Dialect dialect);
};

} // namespace dblearn
