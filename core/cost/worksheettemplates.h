#pragma once

#include "cost/worksheet.h"

#include <QList>
#include <QString>

namespace dblearn {

// The worksheet templates in content/worksheets/<id>.json. Lessons open one by its id
// ("reserved-vs-on-demand"); a template opens as a new, unsaved worksheet.
class WorksheetTemplates final
{
public:
    struct Entry {
        QString id;
        QString title;
        QString description;
    };

    // `contentDir` empty means AppPaths::contentDir().
    explicit WorksheetTemplates(const QString &contentDir = QString());

    QString directory() const { return m_directory; }
    QString path(const QString &id) const;
    // Every template, by title; unreadable files are left out.
    QList<Entry> list() const;
    bool load(const QString &id, Worksheet *out, QString *error) const;

private:
    QString m_directory;
};

} // namespace dblearn
