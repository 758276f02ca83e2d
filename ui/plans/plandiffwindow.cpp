#include "plandiffwindow.h"

#include "plans/plananalyzer.h"
#include "plans/planparser.h"
#include "plans/plantextreport.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace dblearn {

namespace {

QString kindName(PlanDiff::Entry::Kind kind)
{
    switch (kind) {
    case PlanDiff::Entry::Kind::Same:
        return PlanDiffWindow::tr("same");
    case PlanDiff::Entry::Kind::Changed:
        return PlanDiffWindow::tr("changed");
    case PlanDiff::Entry::Kind::Added:
        return PlanDiffWindow::tr("added");
    case PlanDiff::Entry::Kind::Removed:
        return PlanDiffWindow::tr("removed");
    }
    return {};
}

QColor kindColour(PlanDiff::Entry::Kind kind)
{
    switch (kind) {
    case PlanDiff::Entry::Kind::Changed:
        return QColor(255, 243, 214);
    case PlanDiff::Entry::Kind::Added:
        return QColor(222, 245, 222);
    case PlanDiff::Entry::Kind::Removed:
        return QColor(250, 224, 224);
    case PlanDiff::Entry::Kind::Same:
        break;
    }
    return {};
}

bool parse(const QByteArray &text, const QString &title, Plan *plan, QString *error)
{
    PlanParseError parseError;
    if (!PlanParser::parse(text, PlanFormat::Auto, plan, &parseError)) {
        *error = QStringLiteral("%1: %2").arg(title, parseError.toString());
        return false;
    }
    PlanAnalyzer::analyze(plan);
    return true;
}

} // namespace

PlanDiffWindow::PlanDiffWindow(QWidget *parent)
    : QWidget(parent, Qt::Window)
{
    setAttribute(Qt::WA_DeleteOnClose);
    resize(1100, 650);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setMargin(8);
    m_table = new QTableWidget(this);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
}

bool PlanDiffWindow::setPlans(const QByteArray &before, const QString &beforeTitle, const QByteArray &after,
                              const QString &afterTitle, QString *error)
{
    Plan a;
    Plan b;
    if (!parse(before, beforeTitle, &a, error) || !parse(after, afterTitle, &b, error))
        return false;
    m_before = std::move(a);
    m_after = std::move(b);
    m_diff = PlanDiff::compare(m_before, m_after);
    setWindowTitle(tr("%1 → %2 — plan diff").arg(beforeTitle, afterTitle));
    fill();
    return true;
}

QString PlanDiffWindow::summaryText() const
{
    return m_diff.summary().join(QLatin1Char('\n'));
}

void PlanDiffWindow::fill()
{
    QString html = QStringLiteral("<b>%1</b><ul>").arg(tr("What changed"));
    for (const QString &line : m_diff.summary())
        html += QStringLiteral("<li>%1</li>").arg(line.toHtmlEscaped());
    m_summary->setText(html + QStringLiteral("</ul>"));

    const QStringList headers = {tr("Change"),        tr("Node"),        tr("Self time before"), tr("Self time after"),
                                 tr("Δ time"),        tr("Cost before"), tr("Cost after"),       tr("Δ cost"),
                                 tr("Rows before"),   tr("Rows after")};
    m_table->clear();
    m_table->setColumnCount(int(headers.size()));
    m_table->setHorizontalHeaderLabels(headers);
    m_table->setRowCount(int(m_diff.entries().size()));
    int row = 0;
    for (const PlanDiff::Entry &e : m_diff.entries()) {
        const QStringList cells = {kindName(e.kind),
                                   e.description,
                                   PlanTextReport::formatMs(e.timeA),
                                   PlanTextReport::formatMs(e.timeB),
                                   PlanDiff::percentChange(e.timeA, e.timeB),
                                   planKnown(e.costA) ? QString::number(e.costA, 'f', 2) : QString(),
                                   planKnown(e.costB) ? QString::number(e.costB, 'f', 2) : QString(),
                                   PlanDiff::percentChange(e.costA, e.costB),
                                   PlanTextReport::formatCount(e.rowsA),
                                   PlanTextReport::formatCount(e.rowsB)};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            if (c >= 2)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (const QColor colour = kindColour(e.kind); colour.isValid())
                item->setBackground(colour);
            m_table->setItem(row, c, item);
        }
        ++row;
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch); // the node's description
}

} // namespace dblearn
