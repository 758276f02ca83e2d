#pragma once

#include <QMenu>

namespace dblearn {

class WorksheetWindow;

// The "Worksheets" menu, in the main window and in each worksheet window: new from a template,
// open a file, recent files, and the worksheets an earlier session left unsaved (autosave copies).
class WorksheetMenu final : public QMenu
{
    Q_OBJECT
public:
    WorksheetMenu(const QString &title, QWidget *parent);

    // Opens and shows a template's worksheet; lessons' "Open worksheet" actions call this with the
    // template id. Returns nullptr (after telling the user why) if there is no such template.
    static WorksheetWindow *openTemplate(const QString &id, QWidget *parent);
    static WorksheetWindow *openFile(const QString &path, QWidget *parent);

private:
    void rebuild();
};

} // namespace dblearn
