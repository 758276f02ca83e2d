#include "planwindow.h"

#include "plandiffwindow.h"
#include "planflameview.h"
#include "plangraphview.h"

#include "plans/nodetypecatalog.h"
#include "plans/plananalyzer.h"
#include "plans/planjsonwriter.h"
#include "plans/planparser.h"
#include "plans/plantextreport.h"
#include "plans/planwarningrules.h"

#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMessageBox>
#include <QMenu>
#include <QMimeData>
#include <QSvgGenerator>
#include <QToolButton>

#include <utility>
#include <QPainter>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QToolBar>

namespace dblearn {

namespace {

// A table cell that sorts by its number, not its text.
class NumberItem final : public QTableWidgetItem
{
public:
    explicit NumberItem(double value, const QString &text)
        : QTableWidgetItem(text)
    {
        setData(Qt::UserRole, planKnown(value) ? value : -1.0);
        setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    bool operator<(const QTableWidgetItem &other) const override
    {
        return data(Qt::UserRole).toDouble() < other.data(Qt::UserRole).toDouble();
    }
};

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace

PlanWindow::PlanWindow(QWidget *parent)
    : QWidget(parent, Qt::Window)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setAcceptDrops(true);
    resize(1200, 800);
    setWindowTitle(tr("Query plan"));

    auto *toolbar = new QToolBar(this);
    toolbar->addAction(tr("Open…"), this, [this] { openWithDialog(this); });
    toolbar->addAction(tr("Fit"), this, [this] { m_graph->fit(); });
    toolbar->addAction(tr("Zoom in"), this, [this] { m_graph->zoomBy(1.25); });
    toolbar->addAction(tr("Zoom out"), this, [this] { m_graph->zoomBy(0.8); });
    toolbar->addAction(tr("Collapse/expand"), this, [this] { m_graph->toggleCollapsed(m_graph->selectedNode()); });
    m_find = new QLineEdit(this);
    m_find->setPlaceholderText(tr("Find node (Enter for next)"));
    m_find->setMaximumWidth(260);
    toolbar->addWidget(m_find);
    toolbar->addAction(tr("Export…"), this, &PlanWindow::exportAs);
    m_compareMenu = new QMenu(this);
    connect(m_compareMenu, &QMenu::aboutToShow, this, &PlanWindow::fillCompareMenu);
    auto *compare = new QToolButton(this);
    compare->setText(tr("Compare with…"));
    compare->setToolTip(tr("Compare this plan with an earlier run of the same query or a plan file"));
    compare->setMenu(m_compareMenu);
    compare->setPopupMode(QToolButton::InstantPopup);
    toolbar->addWidget(compare);

    m_graph = new PlanGraphView(this);
    m_flame = new PlanFlameView(this);
    m_grid = new QTableWidget(this);
    m_grid->setSortingEnabled(true);
    m_grid->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_grid->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_raw = new QPlainTextEdit(this);
    m_raw->setReadOnly(true);
    m_raw->setLineWrapMode(QPlainTextEdit::NoWrap);
    auto *tabs = new QTabWidget(this);
    m_tabs = tabs;
    tabs->addTab(m_graph, tr("Graph"));
    tabs->addTab(m_grid, tr("Grid"));
    tabs->addTab(m_flame, tr("Flame"));
    tabs->addTab(m_raw, tr("Raw"));
    m_details = new QTextBrowser(this);
    m_details->setOpenLinks(false);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(tabs);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(toolbar);
    layout->addWidget(splitter);

    connect(m_graph, &PlanGraphView::nodeSelected, this, &PlanWindow::showNode);
    connect(tabs, &QTabWidget::currentChanged, this, &PlanWindow::fillVisibleTab);
    connect(m_flame, &PlanFlameView::nodeSelected, this, [this](int node) {
        m_graph->selectNode(node);
        showNode(node);
    });
    connect(m_find, &QLineEdit::returnPressed, this, [this] {
        if (!m_graph->find(m_find->text()))
            m_details->setHtml(tr("<p>No node matches “%1”.</p>").arg(escaped(m_find->text())));
    });
    connect(m_grid, &QTableWidget::itemSelectionChanged, this, [this] {
        const QList<QTableWidgetItem *> items = m_grid->selectedItems();
        if (!items.isEmpty())
            showNode(m_grid->item(items.first()->row(), 0)->data(Qt::UserRole).toInt());
    });
}

void PlanWindow::openWithDialog(QWidget *parent)
{
    const QString path = QFileDialog::getOpenFileName(parent, tr("Open Query Plan"), QString(),
                                                      tr("Plans (*.json *.txt *.sql *.plan);;All files (*)"));
    if (path.isEmpty())
        return;
    auto *window = new PlanWindow(parent);
    if (window->openFile(path))
        window->show();
    else
        window->deleteLater();
}

bool PlanWindow::openFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(this, tr("Open Query Plan"), tr("Cannot read %1: %2").arg(path, file.errorString()));
        return false;
    }
    return setPlanText(file.readAll(), QFileInfo(path).fileName());
}

bool PlanWindow::setPlanText(const QByteArray &text, const QString &title)
{
    Plan plan;
    PlanParseError error;
    if (!PlanParser::parse(text, PlanFormat::Auto, &plan, &error)) {
        QMessageBox::warning(this, tr("Open Query Plan"), tr("%1: %2").arg(title, error.toString()));
        return false;
    }
    PlanAnalyzer::analyze(&plan);
    m_plan = std::move(plan);
    m_title = title;
    setWindowTitle(tr("%1 — query plan").arg(title));
    m_graph->setPlan(&m_plan);
    m_flame->setPlan(&m_plan);
    // The grid (a row per node) and the raw text (megabytes for a large plan) are filled when
    // their tab is first shown: opening a 4,802-node plan spent most of its time on them.
    m_gridStale = true;
    m_rawStale = true;
    fillVisibleTab();
    showNode(0);
    return true;
}

void PlanWindow::fillVisibleTab()
{
    if (m_tabs->currentWidget() == m_grid && std::exchange(m_gridStale, false))
        fillGrid();
    if (m_tabs->currentWidget() == m_raw && std::exchange(m_rawStale, false))
        m_raw->setPlainText(m_plan.sourceText);
}

void PlanWindow::fillGrid()
{
    const QStringList headers = {tr("Node"),     tr("Self time"), tr("Self %"), tr("Total time"), tr("Self cost"),
                                 tr("Rows"),     tr("Est. rows"), tr("Misestimate"), tr("Loops"), tr("Buffers read"),
                                 tr("Warnings")};
    m_grid->setSortingEnabled(false);
    m_grid->clear();
    m_grid->setColumnCount(int(headers.size()));
    m_grid->setHorizontalHeaderLabels(headers);
    m_grid->setRowCount(m_plan.nodeCount());
    for (const PlanNode &n : m_plan.nodes) {
        auto *name = new QTableWidgetItem(QString(n.depth * 2, QLatin1Char(' ')) + n.headline());
        name->setData(Qt::UserRole, n.id);
        m_grid->setItem(n.id, 0, name);
        m_grid->setItem(n.id, 1, new NumberItem(n.exclusiveTimeMs, PlanTextReport::formatMs(n.exclusiveTimeMs)));
        m_grid->setItem(n.id, 2, new NumberItem(n.timePercent, planKnown(n.timePercent) ? QString::number(n.timePercent, 'f', 1) : QString()));
        m_grid->setItem(n.id, 3, new NumberItem(n.totalTimeMs, PlanTextReport::formatMs(n.totalTimeMs)));
        m_grid->setItem(n.id, 4, new NumberItem(n.exclusiveCost, planKnown(n.exclusiveCost) ? QString::number(n.exclusiveCost, 'f', 2) : QString()));
        m_grid->setItem(n.id, 5, new NumberItem(n.actualRowsTotal, PlanTextReport::formatCount(n.actualRowsTotal)));
        m_grid->setItem(n.id, 6, new NumberItem(n.planRows, PlanTextReport::formatCount(n.planRows)));
        m_grid->setItem(n.id, 7, new NumberItem(n.misestimateFactor, planKnown(n.misestimateFactor)
                                                    ? QStringLiteral("%1× %2").arg(n.misestimateFactor, 0, 'f', 1).arg(PlanNode::directionName(n.misestimateDirection))
                                                    : QString()));
        m_grid->setItem(n.id, 8, new NumberItem(n.actualLoops, PlanTextReport::formatCount(n.actualLoops)));
        m_grid->setItem(n.id, 9, new NumberItem(n.buffers.sharedRead, PlanTextReport::formatCount(n.buffers.sharedRead)));
        m_grid->setItem(n.id, 10, new NumberItem(n.warnings.size(), QString::number(n.warnings.size())));
    }
    m_grid->setSortingEnabled(true);
    m_grid->resizeColumnsToContents();
}

void PlanWindow::showNode(int id)
{
    if (id < 0 || id >= m_plan.nodeCount())
        return;
    const PlanNode &n = m_plan.nodes[size_t(id)];
    m_flame->selectNode(id);
    QString html = QStringLiteral("<h3>%1</h3>").arg(escaped(n.headline()));
    html += QStringLiteral("<p>%1</p>").arg(escaped(PlanTextReport::figures(n)));
    for (const PlanWarning &w : n.warnings) {
        const PlanWarningRule *rule = PlanWarningRules::find(w.rule);
        html += QStringLiteral("<p style='background:#fff3e0'><b>⚠ %1</b>: %2<br>%3<br><i>Lesson: %4</i></p>")
                    .arg(escaped(rule ? rule->name : w.rule), escaped(w.message), escaped(rule ? rule->explanation : QString()),
                         escaped(rule ? rule->lesson : QString()));
    }
    if (const NodeTypeCard *card = NodeTypeCatalog::instance().find(m_plan.engine, n.type)) {
        html += QStringLiteral("<h4>%1</h4><p>%2</p><p><b>When:</b> %3</p>")
                    .arg(escaped(card->title), escaped(card->what), escaped(card->when));
        for (const auto &[field, meaning] : card->fields)
            html += QStringLiteral("<p><b>%1</b>: %2</p>").arg(escaped(field), escaped(meaning));
        html += QStringLiteral("<p><i>Lesson: %1</i></p>").arg(escaped(card->lesson));
    } else {
        html += tr("<p>No explanation for node type “%1”.</p>").arg(escaped(n.type));
    }
    html += QStringLiteral("<h4>Properties</h4><table>");
    for (auto it = n.properties.begin(); it != n.properties.end(); ++it) {
        if (it.key() == QLatin1String("Plans"))
            continue;
        const QJsonValue v = it.value();
        QString text = v.isString() ? v.toString()
                     : v.isDouble() ? QString::number(v.toDouble())
                     : v.isBool()   ? (v.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                     : v.isArray()  ? QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact))
                                    : QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(escaped(it.key()), escaped(text));
    }
    html += QStringLiteral("</table>");
    m_details->setHtml(html);
}

void PlanWindow::exportAs()
{
    QString selected;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Plan"), m_title,
                                                      tr("SVG image (*.svg);;PNG image (*.png);;Normalised JSON (*.json);;Markdown summary (*.md)"),
                                                      &selected);
    if (path.isEmpty())
        return;
    QFile file(path);
    if (path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive) || path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) {
        QString error;
        if (!exportGraph(path, &error))
            QMessageBox::warning(this, tr("Export Plan"), error);
        return;
    }
    if (!file.open(QIODevice::WriteOnly)) {
        QMessageBox::warning(this, tr("Export Plan"), tr("Cannot write %1: %2").arg(path, file.errorString()));
        return;
    }
    if (path.endsWith(QLatin1String(".md")))
        file.write(PlanTextReport::markdown(m_plan, m_title).toUtf8());
    else
        file.write(QJsonDocument(PlanJsonWriter::toJson(m_plan)).toJson());
}

bool PlanWindow::exportGraph(const QString &path, QString *error) const
{
    QGraphicsScene *scene = m_graph->scene();
    const QRectF source = scene->sceneRect();
    if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(source.size().toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), source.size()));
        svg.setTitle(m_title);
        svg.setDescription(tr("Query plan exported by DB Learn"));
        QPainter painter;
        if (!painter.begin(&svg)) {
            *error = tr("Cannot write %1").arg(path);
            return false;
        }
        painter.fillRect(QRectF(QPointF(0, 0), source.size()), Qt::white);
        scene->render(&painter, QRectF(QPointF(0, 0), source.size()), source);
        painter.end();
        if (!QFileInfo(path).exists() || QFileInfo(path).size() == 0) {
            *error = tr("Cannot write %1").arg(path);
            return false;
        }
        return true;
    }
    const QSizeF size = source.size().scaled(QSizeF(8000, 8000), Qt::KeepAspectRatio);
    QImage image(size.toSize().boundedTo(source.size().toSize() * 2), QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    scene->render(&painter);
    painter.end();
    if (!image.save(path)) {
        *error = tr("Cannot write %1").arg(path);
        return false;
    }
    return true;
}

void PlanWindow::showTab(QWidget *page)
{
    m_tabs->setCurrentWidget(page);
    fillVisibleTab();
}

void PlanWindow::setHistory(const QList<PlanRun> &earlier)
{
    m_history = earlier;
}

void PlanWindow::fillCompareMenu()
{
    m_compareMenu->clear();
    // Newest first: the run before this one is the usual comparison.
    for (qsizetype i = m_history.size() - 1; i >= 0; --i) {
        const PlanRun run = m_history.at(i);
        m_compareMenu->addAction(tr("Earlier run: %1").arg(run.title), this, [this, run] { compareWith(run.text, run.title); });
    }
    if (m_history.isEmpty()) {
        QAction *none = m_compareMenu->addAction(tr("No earlier run of this query (explain it again after a change)"));
        none->setEnabled(false);
    }
    m_compareMenu->addSeparator();
    m_compareMenu->addAction(tr("Plan file…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Compare with Plan"), QString(),
                                                          tr("Plans (*.json *.txt *.sql *.plan);;All files (*)"));
        if (path.isEmpty())
            return;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            QMessageBox::warning(this, tr("Compare with Plan"), tr("Cannot read %1: %2").arg(path, file.errorString()));
            return;
        }
        compareWith(file.readAll(), QFileInfo(path).fileName());
    });
}

QWidget *PlanWindow::compareWith(const QByteArray &earlier, const QString &earlierTitle)
{
    auto *window = new PlanDiffWindow;
    QString error;
    if (!window->setPlans(earlier, earlierTitle, m_plan.sourceText.toUtf8(), m_title, &error)) {
        delete window;
        QMessageBox::warning(this, tr("Compare with Plan"), error);
        return nullptr;
    }
    window->show();
    return window;
}

void PlanWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() || event->mimeData()->hasText())
        event->acceptProposedAction();
}

void PlanWindow::dropEvent(QDropEvent *event)
{
    const QMimeData *data = event->mimeData();
    if (data->hasUrls() && data->urls().first().isLocalFile())
        openFile(data->urls().first().toLocalFile());
    else if (data->hasText())
        setPlanText(data->text().toUtf8(), tr("dropped plan"));
    event->acceptProposedAction();
}

} // namespace dblearn
