#pragma once

// Built only when CMake finds KF6::SyntaxHighlighting (not packaged for Qt 6 on Debian 12).

#include "sqlhighlighter.h"

#include <KSyntaxHighlighting/SyntaxHighlighter>

namespace dblearn {

// KSyntaxHighlighting's own SQL definitions ("SQL (PostgreSQL)", "SQL (MySQL)", "SQL (SQLite)"),
// with the theme that fits the palette.
class KSyntaxSqlHighlighter final : public KSyntaxHighlighting::SyntaxHighlighter, public SqlHighlighter
{
    Q_OBJECT
public:
    KSyntaxSqlHighlighter(QTextDocument *document, const QString &dialect);

    void setDialect(const QString &dialect) override;
    void setDarkTheme(bool dark) override;
    QString implementationName() const override { return QStringLiteral("KSyntaxHighlighting"); }
};

} // namespace dblearn
