#include "resultpane.h"

#include "cellviewer.h"

#include "console/resultmodel.h"
#include "console/resultspool.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QScrollBar>
#include <QSaveFile>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QEventLoop>
#include <QVBoxLayout>

#include <atomic>
#include <set>

namespace dblearn {

namespace {
constexpr int copyRowLimit = 1000000;
} // namespace

ResultPane::ResultPane(QWidget *parent)
    : QWidget(parent), m_model(new ResultModel(this)), m_view(new QTableView(this)), m_count(new QLabel(this)),
      m_scrollBar(new QScrollBar(Qt::Vertical, this))
{
    m_view->setObjectName(QStringLiteral("ResultGrid"));
    m_view->setModel(m_model);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed); // no per-row measuring on 10M rows
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setSectionsClickable(true);
    m_view->horizontalHeader()->setSortIndicatorShown(false);
    connect(m_view->horizontalHeader(), &QHeaderView::sectionClicked, this, [this](int column) {
        QHeaderView *header = m_view->horizontalHeader();
        const Qt::SortOrder order = header->isSortIndicatorShown() && header->sortIndicatorSection() == column
                && header->sortIndicatorOrder() == Qt::AscendingOrder
            ? Qt::DescendingOrder
            : Qt::AscendingOrder;
        emit sortRequested(column, order);
    });
    connect(m_view, &QWidget::customContextMenuRequested, this, &ResultPane::showContextMenu);
    connect(m_view, &QAbstractItemView::doubleClicked, this, &ResultPane::openCellViewer);
    connect(m_model, &ResultModel::loadError, this, &ResultPane::status);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ResultPane::sizeColumns);
    m_view->installEventFilter(this);
    m_count->setObjectName(QStringLiteral("ResultCount"));
    // The view scrolls within the model's window; this bar spans the whole result and moves the
    // window when the learner goes past it.
    m_view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    m_scrollBar->setObjectName(QStringLiteral("ResultScrollBar"));
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, &ResultPane::onViewScrolled);
    connect(m_view->verticalScrollBar(), &QScrollBar::rangeChanged, this, &ResultPane::syncScrollBar);
    connect(m_scrollBar, &QScrollBar::valueChanged, this, [this](int value) {
        if (!m_syncing)
            scrollToRow(value);
    });
    connect(m_model, &ResultModel::totalRowsChanged, this, &ResultPane::syncScrollBar);
    auto *grid = new QHBoxLayout;
    grid->setSpacing(0);
    grid->addWidget(m_view);
    grid->addWidget(m_scrollBar);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(grid);
    layout->addWidget(m_count);
}

ResultPane::~ResultPane() = default;

void ResultPane::setResult(std::shared_ptr<ResultSpool> spool, const QString &statement)
{
    m_statement = statement;
    m_finished = false;
    m_summary.clear();
    m_columnsSized = false;
    m_model->setSpool(std::move(spool));
    updateCountLabel();
}

void ResultPane::refresh()
{
    m_model->refresh();
    sizeColumns();
    updateCountLabel();
}

qint64 ResultPane::topRow() const
{
    return qint64(m_model->windowStart()) + m_view->verticalScrollBar()->value();
}

void ResultPane::scrollToRow(qint64 row)
{
    const qint64 total = m_model->totalRows();
    if (total <= 0)
        return;
    row = qBound<qint64>(0, row, total - 1);
    const int start = m_model->windowStart();
    const int visible = qMax(1, m_view->verticalScrollBar()->pageStep());
    if (row < start || row + visible > qint64(start) + m_model->rowCount()) {
        // Outside the window: move it so that the row is in its middle.
        m_syncing = true;
        m_model->setWindowStart(int(row - ResultModel::windowRows / 2));
        m_syncing = false;
    }
    m_view->verticalScrollBar()->setValue(int(row - m_model->windowStart()));
    syncScrollBar();
}

void ResultPane::onViewScrolled(int value)
{
    if (m_syncing)
        return;
    // The wheel or the keyboard took the view near its window's edge: recentre the window.
    const int visible = qMax(1, m_view->verticalScrollBar()->pageStep());
    const qint64 row = qint64(m_model->windowStart()) + value;
    const bool nearEnd = value + 2 * visible >= m_model->rowCount() && qint64(m_model->windowStart()) + m_model->rowCount() < m_model->totalRows();
    const bool nearStart = value < visible && m_model->windowStart() > 0;
    if (nearEnd || nearStart)
        scrollToRow(row);
    else
        syncScrollBar();
}

void ResultPane::syncScrollBar()
{
    const int visible = qMax(1, m_view->verticalScrollBar()->pageStep());
    m_syncing = true;
    m_scrollBar->setRange(0, int(qMax<qint64>(0, m_model->totalRows() - visible)));
    m_scrollBar->setPageStep(visible);
    m_scrollBar->setSingleStep(1);
    m_scrollBar->setValue(int(topRow()));
    m_syncing = false;
    m_scrollBar->setVisible(m_scrollBar->maximum() > 0);
}

void ResultPane::sizeColumns()
{
    // Once, from the header and the first rows when they are in memory, never from all rows.
    if (m_columnsSized || m_model->rowCount() == 0 || !m_model->isLoaded(0))
        return;
    m_columnsSized = true;
    m_view->resizeColumnsToContents();
    for (int c = 0; c < m_model->columnCount(); ++c)
        m_view->setColumnWidth(c, qBound(60, m_view->columnWidth(c), 360));
}

void ResultPane::setFinished(const QString &summary)
{
    m_finished = true;
    m_summary = summary;
    refresh();
}

void ResultPane::updateCountLabel()
{
    // The count as the worker learns it; the grid itself grows in steps (ResultModel::refresh).
    const QLocale locale;
    const qint64 spooled = m_model->spool() ? m_model->spool()->rowCount() : 0;
    const QString rows = locale.toString(qMax<qint64>(spooled, m_model->rowCount()));
    if (m_finished)
        m_count->setText(m_summary.isEmpty() ? tr("%1 rows").arg(rows) : m_summary);
    else
        m_count->setText(tr("%1 rows so far, fetching…").arg(rows));
}

QByteArray ResultPane::formatSelection(ResultFormatter::Format format) const
{
    const std::shared_ptr<ResultSpool> spool = m_model->spool();
    if (!spool)
        return {};
    std::set<int> rows;
    std::set<int> columns;
    const QModelIndexList selected = m_view->selectionModel()->selectedIndexes();
    const int start = m_model->windowStart();
    for (const QModelIndex &index : selected) {
        if (rows.size() < size_t(copyRowLimit))
            rows.insert(start + index.row());
        columns.insert(index.column());
    }
    if (rows.empty())
        return {};
    ResultFormatter formatter(format, spool->columns(), QList<int>(columns.begin(), columns.end()));
    QByteArray out = format == ResultFormatter::Format::SqlInsert ? QByteArray() : formatter.header();
    int block = -1;
    qint64 first = 0;
    RowBatch batch;
    for (const int row : rows) {
        const int b = spool->blockOf(row);
        if (b < 0)
            break;
        if (b != block) {
            block = b;
            first = spool->blockFirstRow(b);
            batch = spool->readBlock(b);
        }
        const int r = int(row - first);
        if (r < batch.rowCount())
            formatter.appendRows(out, batch, r, r);
    }
    out.append(formatter.footer());
    return out;
}

void ResultPane::copySelection(ResultFormatter::Format format)
{
    const QByteArray text = formatSelection(format);
    QApplication::clipboard()->setText(QString::fromUtf8(text));
    emit status(tr("Copied %1 bytes").arg(text.size()));
}

bool ResultPane::exportTo(const QString &path, ResultFormatter::Format format, QString *error)
{
    const std::shared_ptr<ResultSpool> spool = m_model->spool();
    if (!spool) {
        *error = tr("there is no result to export");
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    QProgressDialog progress(tr("Exporting %1…").arg(QDir::toNativeSeparators(path)), tr("Cancel"), 0, 1000, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    std::atomic<bool> cancel{false};
    std::atomic<qint64> written{0};
    bool ok = false;
    QString exportError;
    // The export runs on its own thread; this loop keeps the window alive and shows progress.
    QThread *thread = QThread::create([&] {
        ok = ResultFormatter::exportSpool(*spool, format, &file, cancel, [&](qint64 n) { written.store(n); },
                                          &exportError);
    });
    QEventLoop loop;
    connect(thread, &QThread::finished, &loop, &QEventLoop::quit);
    QTimer timer;
    connect(&timer, &QTimer::timeout, this, [&] {
        const qint64 total = qMax<qint64>(1, spool->rowCount());
        progress.setValue(int(1000 * written.load() / total));
        progress.setLabelText(tr("Exporting %1 of %2 rows…").arg(QLocale().toString(written.load()), QLocale().toString(total)));
        if (progress.wasCanceled())
            cancel.store(true);
    });
    timer.start(50);
    thread->start();
    loop.exec();
    thread->wait();
    delete thread;
    progress.reset();
    if (!ok) {
        file.cancelWriting();
        *error = exportError;
        return false;
    }
    if (!file.commit()) {
        *error = tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void ResultPane::exportWithDialog(ResultFormatter::Format format)
{
    const bool json = format == ResultFormatter::Format::Json;
    const QString path = QFileDialog::getSaveFileName(
        this, json ? tr("Export result as JSON") : tr("Export result as CSV"),
        QDir::home().filePath(json ? QStringLiteral("result.json") : QStringLiteral("result.csv")),
        json ? tr("JSON (*.json)") : tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportTo(path, format, &error))
        emit status(tr("Exported %1 rows to %2").arg(QLocale().toString(m_model->spool()->rowCount()), path));
    else
        QMessageBox::warning(this, tr("Export"), tr("The result was not exported: %1").arg(error));
}

void ResultPane::openCellViewer(const QModelIndex &index)
{
    if (!index.isValid() || !m_model->ensureLoaded(m_model->windowStart() + index.row()))
        return;
    const bool isNull = index.data(ResultModel::IsNullRole).toBool();
    const bool isBlob = ValueKind(index.data(ResultModel::KindRole).toInt()) == ValueKind::Blob;
    const QString title = tr("%1, row %2")
                              .arg(m_model->headerData(index.column(), Qt::Horizontal).toString())
                              .arg(m_model->windowStart() + index.row() + 1);
    auto *viewer = new CellViewer(title, index.data(ResultModel::RawValueRole), isNull, isBlob, this);
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    viewer->show();
}

bool ResultPane::eventFilter(QObject *watched, QEvent *event)
{
    // Ctrl+C copies the selection as TSV, ahead of the main window's Copy (which serves the lesson).
    if (watched == m_view && (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Copy)) {
            event->accept();
            if (event->type() == QEvent::KeyPress)
                copySelection(ResultFormatter::Format::Tsv);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ResultPane::showContextMenu(const QPoint &pos)
{
    QMenu menu(this);
    menu.addAction(tr("Copy (TSV)"), this, [this] { copySelection(ResultFormatter::Format::Tsv); });
    QMenu *copyAs = menu.addMenu(tr("Copy As"));
    copyAs->addAction(tr("CSV"), this, [this] { copySelection(ResultFormatter::Format::Csv); });
    copyAs->addAction(tr("Markdown Table"), this, [this] { copySelection(ResultFormatter::Format::Markdown); });
    copyAs->addAction(tr("SQL INSERT Statements"), this, [this] { copySelection(ResultFormatter::Format::SqlInsert); });
    copyAs->addAction(tr("JSON"), this, [this] { copySelection(ResultFormatter::Format::Json); });
    menu.addSeparator();
    const QModelIndex index = m_view->indexAt(pos);
    if (index.isValid())
        menu.addAction(tr("View Cell…"), this, [this, index] { openCellViewer(index); });
    menu.addSeparator();
    menu.addAction(tr("Export Result as CSV…"), this, [this] { exportWithDialog(ResultFormatter::Format::Csv); });
    menu.addAction(tr("Export Result as JSON…"), this, [this] { exportWithDialog(ResultFormatter::Format::Json); });
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

} // namespace dblearn
