#pragma once

#include <QString>
#include <QStringList>

namespace dblearn {

// The plan formats DB Learn reads, and which engine wrote each.
enum class PlanFormat { Auto, PgJson, PgText, MariaDbJson, MySqlJson, MySqlTree, SqliteEqp };
enum class PlanEngine { Unknown, PostgreSQL, MariaDB, MySQL, SQLite };

namespace PlanFormats {
QString name(PlanFormat format);            // "pg-json", ... as the CLI takes them
bool fromName(const QString &name, PlanFormat *format);
QStringList names();                        // every name, "auto" first
QString engineName(PlanEngine engine);      // "postgresql", "mariadb", "mysql", "sqlite"
PlanEngine engineOf(PlanFormat format);
// Maps an ExplainResult::format ("postgresql-json", "sqlite-eqp-json", ...) to a format, or Auto.
PlanFormat fromExplainFormat(const QString &explainFormat);
// Looks at the text and decides which format it is; Auto when it is none of them.
PlanFormat detect(const QString &text);
} // namespace PlanFormats

} // namespace dblearn
