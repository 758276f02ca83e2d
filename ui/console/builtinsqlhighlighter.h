#pragma once

#include "sqlhighlighter.h"

#include <QSet>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace dblearn {

// Keywords, types, functions, strings, quoted identifiers, numbers, comments (block comments and
// strings may span lines) and PostgreSQL dollar-quoted bodies.
class BuiltinSqlHighlighter final : public QSyntaxHighlighter, public SqlHighlighter
{
    Q_OBJECT
public:
    explicit BuiltinSqlHighlighter(QTextDocument *document, const QString &dialect = QStringLiteral("sqlite"));

    void setDialect(const QString &dialect) override;
    void setDarkTheme(bool dark) override;
    QString implementationName() const override { return QStringLiteral("built-in"); }

protected:
    void highlightBlock(const QString &text) override;

private:
    enum State { Normal = 0, InBlockComment = 1, InString = 2, InDollar = 3 };
    void applyColors();

    QString m_dialect;
    bool m_dark = false;
    QSet<QString> m_keywords;
    QSet<QString> m_functions;
    QSet<QString> m_types;
    QTextCharFormat m_keyword;
    QTextCharFormat m_function;
    QTextCharFormat m_type;
    QTextCharFormat m_string;
    QTextCharFormat m_identifier;
    QTextCharFormat m_number;
    QTextCharFormat m_comment;
};

} // namespace dblearn
