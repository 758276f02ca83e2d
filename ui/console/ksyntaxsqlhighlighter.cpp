#include "ksyntaxsqlhighlighter.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>

namespace dblearn {

namespace {
// One repository for the application's lifetime, as KSyntaxHighlighting recommends.
KSyntaxHighlighting::Repository &repository()
{
    static KSyntaxHighlighting::Repository repo;
    return repo;
}
} // namespace

KSyntaxSqlHighlighter::KSyntaxSqlHighlighter(QTextDocument *document, const QString &dialect)
    : KSyntaxHighlighting::SyntaxHighlighter(document)
{
    setDarkTheme(false);
    setDialect(dialect);
}

void KSyntaxSqlHighlighter::setDialect(const QString &dialect)
{
    QString name = QStringLiteral("SQL");
    if (dialect == QLatin1String("postgresql"))
        name = QStringLiteral("SQL (PostgreSQL)");
    else if (dialect == QLatin1String("mysql") || dialect == QLatin1String("mariadb"))
        name = QStringLiteral("SQL (MySQL)");
    else if (dialect == QLatin1String("sqlite"))
        name = QStringLiteral("SQL (SQLite)");
    KSyntaxHighlighting::Definition definition = repository().definitionForName(name);
    if (!definition.isValid())
        definition = repository().definitionForName(QStringLiteral("SQL"));
    setDefinition(definition);
    rehighlight();
}

void KSyntaxSqlHighlighter::setDarkTheme(bool dark)
{
    setTheme(repository().defaultTheme(dark ? KSyntaxHighlighting::Repository::DarkTheme
                                            : KSyntaxHighlighting::Repository::LightTheme));
    rehighlight();
}

} // namespace dblearn
