#include "worksheetmenu.h"

#include "worksheetdocument.h"
#include "worksheetwindow.h"

#include "cost/worksheetautosave.h"
#include "cost/worksheetfile.h"
#include "cost/worksheettemplates.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>

namespace dblearn {

WorksheetMenu::WorksheetMenu(const QString &title, QWidget *parent)
    : QMenu(title, parent)
{
    connect(this, &QMenu::aboutToShow, this, &WorksheetMenu::rebuild);
    rebuild();
}

WorksheetWindow *WorksheetMenu::openTemplate(const QString &id, QWidget *parent)
{
    QString error;
    WorksheetWindow *window = WorksheetWindow::openTemplate(id, parent, &error);
    if (!window) {
        QMessageBox::warning(parent, tr("Open worksheet"), error);
        return nullptr;
    }
    window->show();
    window->raise();
    return window;
}

WorksheetWindow *WorksheetMenu::openFile(const QString &path, QWidget *parent)
{
    QString error;
    WorksheetWindow *window = WorksheetWindow::openFile(path, parent, &error);
    if (!window) {
        QMessageBox::warning(parent, tr("Open worksheet"), error); // nothing was opened or overwritten
        return nullptr;
    }
    window->show();
    window->raise();
    return window;
}

void WorksheetMenu::rebuild()
{
    clear();
    QWidget *owner = parentWidget();
    QMenu *templates = addMenu(tr("New from &Template"));
    const QList<WorksheetTemplates::Entry> entries = WorksheetTemplates().list();
    for (const WorksheetTemplates::Entry &entry : entries) {
        QAction *action = templates->addAction(entry.title, this, [owner, id = entry.id] { openTemplate(id, owner); });
        action->setToolTip(entry.description);
        action->setData(entry.id);
    }
    if (entries.isEmpty())
        templates->addAction(tr("No templates found"))->setEnabled(false);
    addAction(tr("&Open Worksheet…"), this, [owner] {
        const QString path = QFileDialog::getOpenFileName(owner, tr("Open worksheet"), QString(), tr("Worksheets (*.json)"));
        if (!path.isEmpty())
            openFile(path, owner);
    });
    QMenu *recent = addMenu(tr("Open &Recent"));
    const QStringList files = WorksheetWindow::recentFiles();
    for (const QString &path : files)
        recent->addAction(QFileInfo(path).fileName(), this, [owner, path] { openFile(path, owner); })->setToolTip(path);
    recent->setEnabled(!files.isEmpty());

    const QList<WorksheetAutosave::Pending> pending = WorksheetAutosave().pending();
    if (!pending.isEmpty()) {
        addSeparator();
        QMenu *recover = addMenu(tr("Recover Unsaved Worksheets (%1)").arg(pending.size()));
        for (const WorksheetAutosave::Pending &p : pending) {
            const QString label = tr("%1 — autosaved %2").arg(p.title, QLocale().toString(p.savedAt.toLocalTime(), QLocale::ShortFormat));
            recover->addAction(label, this, [owner, p] {
                Worksheet w;
                QString error;
                if (!WorksheetAutosave().recover(p, &w, &error)) {
                    QMessageBox::warning(owner, tr("Recover worksheet"), error);
                    return;
                }
                auto *window = new WorksheetWindow(owner);
                window->document()->setWorksheet(w, p.originalPath);
                window->document()->setAutosaveId(p.id); // saved or closed, the copy goes
                window->document()->setModified(true);
                window->show();
            });
            recover->addAction(tr("Discard \"%1\"").arg(p.title), this, [p] { WorksheetAutosave().remove(p.id); });
        }
    }
}

} // namespace dblearn
