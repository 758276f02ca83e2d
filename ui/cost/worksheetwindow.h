#pragma once

#include "cost/worksheet.h"

#include <QMainWindow>

class QTimer;

namespace dblearn {

class CostCharts;
class ResultsView;
class WorksheetDocument;
class WorksheetEditor;

// A cost worksheet in its own window: the editor on the left, charts and results on the right, and
// the file menu (save atomically, recent files, autosave with recovery, CSV / PDF / PNG export).
class WorksheetWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit WorksheetWindow(QWidget *parent = nullptr);
    ~WorksheetWindow() override;

    // Open a template (as a new, unsaved worksheet) or a file; nullptr with `error` set on failure.
    static WorksheetWindow *openTemplate(const QString &id, QWidget *parent, QString *error);
    static WorksheetWindow *openFile(const QString &path, QWidget *parent, QString *error);

    WorksheetDocument *document() const { return m_document; }
    WorksheetEditor *editor() const { return m_editor; }
    CostCharts *charts() const { return m_charts; }
    ResultsView *results() const { return m_results; }

    bool saveTo(const QString &path, QString *error);
    bool exportCsv(const QString &path, bool lineItems, QString *error) const;
    bool exportPdf(const QString &path, QString *error) const;
    // Sets every value that names a catalog price to the catalog's price (with the user's own prices).
    int updateFromCatalog();
    // Writes the autosave copy now (the timer does it every little while when there are changes).
    bool autosaveNow(QString *error);

    static QStringList recentFiles();
    static void addRecentFile(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void updateTitle();
    bool save();
    bool saveAs();

    WorksheetDocument *m_document = nullptr;
    WorksheetEditor *m_editor = nullptr;
    CostCharts *m_charts = nullptr;
    ResultsView *m_results = nullptr;
    QTimer *m_autosaveTimer = nullptr;
};

} // namespace dblearn
