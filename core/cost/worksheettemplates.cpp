#include "cost/worksheettemplates.h"

#include "cost/worksheetfile.h"
#include "support/apppaths.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>

namespace dblearn {

WorksheetTemplates::WorksheetTemplates(const QString &contentDir)
    : m_directory((contentDir.isEmpty() ? AppPaths::contentDir() : contentDir) + QStringLiteral("/worksheets"))
{
}

QString WorksheetTemplates::path(const QString &id) const
{
    return m_directory + QLatin1Char('/') + id + QStringLiteral(".json");
}

QList<WorksheetTemplates::Entry> WorksheetTemplates::list() const
{
    QList<Entry> entries;
    const QStringList files = QDir(m_directory).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        Worksheet w;
        QString error;
        const QString id = file.chopped(5);
        if (WorksheetFile::load(path(id), &w, &error))
            entries.append({id, w.title, w.description});
    }
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) { return a.title < b.title; });
    return entries;
}

bool WorksheetTemplates::load(const QString &id, Worksheet *out, QString *error) const
{
    // Ids are file names without a folder: nothing outside the templates folder can be named.
    static const QRegularExpression valid(QStringLiteral("^[a-z0-9][a-z0-9-]*$"));
    if (!valid.match(id).hasMatch()) {
        *error = QStringLiteral("\"%1\" is not a worksheet template id").arg(id);
        return false;
    }
    if (!QFile::exists(path(id))) {
        *error = QStringLiteral("there is no worksheet template \"%1\" in %2").arg(id, QDir::toNativeSeparators(m_directory));
        return false;
    }
    return WorksheetFile::load(path(id), out, error);
}

} // namespace dblearn
