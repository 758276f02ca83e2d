#pragma once

#include <QString>

class QTextDocument;

namespace dblearn {

// What the console asks of a syntax highlighter. Two implement it: KSyntaxHighlighting's SQL
// definitions (when the build found KF6::SyntaxHighlighting) and BuiltinSqlHighlighter, a compact
// highlighter for Debian 12, where KF6 is not packaged. create() picks one; the highlighter is a
// child of the document and goes with it.
class SqlHighlighter
{
public:
    virtual ~SqlHighlighter() = default;
    virtual void setDialect(const QString &dialect) = 0; // "sqlite", "postgresql", "mysql"
    virtual void setDarkTheme(bool dark) = 0;
    virtual QString implementationName() const = 0;

    static SqlHighlighter *create(QTextDocument *document, const QString &dialect);
};

} // namespace dblearn
