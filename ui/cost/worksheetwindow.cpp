#include "worksheetwindow.h"

#include "costcharts.h"
#include "pricecatalogdialog.h"
#include "resultsview.h"
#include "worksheetdocument.h"
#include "worksheeteditor.h"
#include "worksheetmenu.h"
#include "worksheetreport.h"

#include "cost/worksheetautosave.h"
#include "cost/worksheetexporter.h"
#include "cost/worksheetfile.h"
#include "cost/worksheettemplates.h"

#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QSaveFile>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>

namespace dblearn {

namespace {
constexpr int autosaveIntervalMs = 20000;
constexpr int maxRecentFiles = 8;
const char recentKey[] = "worksheets/recentFiles";
} // namespace

WorksheetWindow::WorksheetWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_document(new WorksheetDocument(this))
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowFlag(Qt::Window);
    m_editor = new WorksheetEditor(m_document);
    m_charts = new CostCharts(m_document);
    m_results = new ResultsView(m_document);
    auto *tabs = new QTabWidget;
    tabs->addTab(m_charts, tr("Charts"));
    tabs->addTab(m_results, tr("Results"));
    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(m_editor);
    splitter->addWidget(tabs);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    setCentralWidget(splitter);
    createMenus();
    resize(1500, 950);

    m_autosaveTimer = new QTimer(this);
    m_autosaveTimer->setInterval(autosaveIntervalMs);
    connect(m_autosaveTimer, &QTimer::timeout, this, [this] {
        QString error;
        if (m_document->isModified() && !autosaveNow(&error))
            statusBar()->showMessage(tr("Autosave failed: %1").arg(error), 8000);
    });
    m_autosaveTimer->start();
    connect(m_document, &WorksheetDocument::modifiedChanged, this, &WorksheetWindow::updateTitle);
    connect(m_document, &WorksheetDocument::resultsChanged, this, &WorksheetWindow::updateTitle);
}

WorksheetWindow::~WorksheetWindow() = default;

WorksheetWindow *WorksheetWindow::openTemplate(const QString &id, QWidget *parent, QString *error)
{
    Worksheet w;
    if (!WorksheetTemplates().load(id, &w, error))
        return nullptr;
    auto *window = new WorksheetWindow(parent);
    window->m_document->setWorksheet(w, QString()); // a template opens unsaved: Save asks where
    window->updateTitle();
    return window;
}

WorksheetWindow *WorksheetWindow::openFile(const QString &path, QWidget *parent, QString *error)
{
    Worksheet w;
    int version = 0;
    if (!WorksheetFile::load(path, &w, error, &version))
        return nullptr;
    auto *window = new WorksheetWindow(parent);
    window->m_document->setWorksheet(w, path);
    addRecentFile(path);
    if (version < WorksheetFile::currentVersion)
        window->statusBar()->showMessage(tr("Upgraded from format version %1; saving writes version %2.")
                                             .arg(version).arg(WorksheetFile::currentVersion), 15000);
    window->updateTitle();
    return window;
}

void WorksheetWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addMenu(new WorksheetMenu(tr("Worksheets"), this));
    file->addSeparator();
    file->addAction(tr("&Save"), QKeySequence::Save, this, &WorksheetWindow::save);
    file->addAction(tr("Save &As…"), QKeySequence::SaveAs, this, &WorksheetWindow::saveAs);
    QMenu *exportMenu = file->addMenu(tr("&Export"));
    exportMenu->addAction(tr("Monthly totals as CSV…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export CSV"), QString(), tr("CSV (*.csv)"));
        QString error;
        if (!path.isEmpty() && !exportCsv(path, false, &error))
            QMessageBox::warning(this, tr("Export"), error);
    });
    exportMenu->addAction(tr("Line items as CSV…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export CSV"), QString(), tr("CSV (*.csv)"));
        QString error;
        if (!path.isEmpty() && !exportCsv(path, true, &error))
            QMessageBox::warning(this, tr("Export"), error);
    });
    exportMenu->addAction(tr("Report as PDF…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export PDF"), QString(), tr("PDF (*.pdf)"));
        QString error;
        if (!path.isEmpty() && !exportPdf(path, &error))
            QMessageBox::warning(this, tr("Export"), error);
    });
    exportMenu->addAction(tr("Charts as PNG…"), this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder for the chart images"));
        QString error;
        if (dir.isEmpty())
            return;
        const QStringList files = m_charts->saveImages(dir, &error);
        if (!error.isEmpty())
            QMessageBox::warning(this, tr("Export"), error);
        else
            statusBar()->showMessage(tr("Wrote %n image(s) to %1", nullptr, int(files.size())).arg(dir), 8000);
    });
    file->addSeparator();
    file->addAction(tr("&Close"), QKeySequence::Close, this, &QWidget::close);

    QMenu *prices = menuBar()->addMenu(tr("&Prices"));
    prices->addAction(tr("&Edit Price Catalog…"), this, [this] {
        PriceCatalogDialog dialog(&m_document->catalog(), PriceCatalog::defaultOverridesPath(), this);
        if (dialog.exec() == QDialog::Accepted)
            statusBar()->showMessage(tr("Your prices are saved. Prices › Update Worksheet uses them here."), 8000);
    });
    prices->addAction(tr("&Update Worksheet from the Catalog"), this, [this] {
        const int changed = updateFromCatalog();
        statusBar()->showMessage(tr("%n value(s) updated from the catalog", nullptr, changed), 8000);
    });
}

int WorksheetWindow::updateFromCatalog()
{
    const int changed = m_document->catalog().applyTo(&m_document->mutableWorksheet());
    if (changed > 0)
        m_document->edited(true);
    return changed;
}

void WorksheetWindow::updateTitle()
{
    const QString name = m_document->filePath().isEmpty() ? m_document->worksheet().title
                                                            : QFileInfo(m_document->filePath()).fileName();
    setWindowTitle(name + (m_document->isModified() ? QStringLiteral(" *") : QString()) + tr(" — Cost worksheet — DB Learn"));
}

bool WorksheetWindow::autosaveNow(QString *error)
{
    return WorksheetAutosave().write(m_document->autosaveId(), m_document->worksheet(), m_document->filePath(), error);
}

bool WorksheetWindow::saveTo(const QString &path, QString *error)
{
    if (!WorksheetFile::save(m_document->worksheet(), path, error))
        return false;
    m_document->setFilePath(path);
    m_document->setModified(false);
    WorksheetAutosave().remove(m_document->autosaveId());
    addRecentFile(path);
    updateTitle();
    return true;
}

bool WorksheetWindow::save()
{
    if (m_document->filePath().isEmpty())
        return saveAs();
    QString error;
    if (!saveTo(m_document->filePath(), &error)) {
        QMessageBox::warning(this, tr("Save"), error);
        return false;
    }
    statusBar()->showMessage(tr("Saved %1").arg(m_document->filePath()), 5000);
    return true;
}

bool WorksheetWindow::saveAs()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save worksheet"), m_document->worksheet().id + QStringLiteral(".json"),
                                                tr("Worksheets (*.json)"));
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QLatin1String(".json")))
        path += QStringLiteral(".json");
    QString error;
    if (!saveTo(path, &error)) {
        QMessageBox::warning(this, tr("Save"), error);
        return false;
    }
    return true;
}

bool WorksheetWindow::exportCsv(const QString &path, bool lineItems, QString *error) const
{
    const WorksheetExporter exporter(m_document->worksheet(), m_document->results(), &m_document->catalog());
    const QByteArray data = lineItems ? exporter.lineItemsCsv() : exporter.monthlyCsv();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        *error = tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool WorksheetWindow::exportPdf(const QString &path, QString *error) const
{
    return WorksheetReport(*m_document, *m_charts).writePdf(path, error);
}

QStringList WorksheetWindow::recentFiles()
{
    return QSettings().value(QLatin1String(recentKey)).toStringList();
}

void WorksheetWindow::addRecentFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = recentFiles();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > maxRecentFiles)
        list.removeLast();
    QSettings().setValue(QLatin1String(recentKey), list);
}

void WorksheetWindow::closeEvent(QCloseEvent *event)
{
    if (m_document->isModified()) {
        const auto answer = QMessageBox::question(this, tr("Unsaved changes"),
                                                  tr("Save the changes to \"%1\"?").arg(m_document->worksheet().title),
                                                  QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
        if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !save())) {
            event->ignore();
            return;
        }
    }
    WorksheetAutosave().remove(m_document->autosaveId()); // a clean close leaves nothing to recover
    event->accept();
}

} // namespace dblearn
