#pragma once

#include "cost/worksheet.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace dblearn {

// Autosave and crash recovery for worksheets being edited. An open worksheet with unsaved changes
// is written every little while to <app data>/worksheet-autosave/<id>.json (a worksheet file with an
// extra "autosave" object: the file it belongs to and when). Saving or closing it cleanly removes the
// copy, so copies found at start-up are what a crash left behind.
class WorksheetAutosave final
{
public:
    struct Pending {
        QString id;
        QString file;         // the autosave copy
        QString originalPath; // the worksheet's own file, or empty if it was never saved
        QString title;
        QDateTime savedAt;
    };

    // `directory` empty: the application data folder's "worksheet-autosave".
    explicit WorksheetAutosave(const QString &directory = QString());

    QString directory() const { return m_directory; }
    bool write(const QString &id, const Worksheet &worksheet, const QString &originalPath, QString *error) const;
    void remove(const QString &id) const;
    QList<Pending> pending() const;
    // Reads a copy back; the copy is kept until the recovered worksheet is saved or closed.
    bool recover(const Pending &pending, Worksheet *out, QString *error) const;

private:
    QString m_directory;
};

} // namespace dblearn
