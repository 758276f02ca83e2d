#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QSpinBox;
class QTableView;
class QTableWidget;
class QTabWidget;

namespace dblearn {

class LineItemModel;
class WorksheetDocument;

// The numbers: totals per scenario and year with the cases and present values, the comparisons
// (net savings, NPV, ROI, payback, break-even), the line items of a month with their formulas and
// sources, and the month-by-month totals.
class ResultsView final : public QWidget
{
    Q_OBJECT
public:
    explicit ResultsView(WorksheetDocument *document, QWidget *parent = nullptr);

    LineItemModel *lineItems() const { return m_lineItems; }
    QTableWidget *summaryTable() const { return m_summary; }
    QTableWidget *comparisonTable() const { return m_comparisons; }

    void refresh();

private:
    void refreshLineItems();

    WorksheetDocument *m_document = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableWidget *m_summary = nullptr;
    QTableWidget *m_comparisons = nullptr;
    QLabel *m_status = nullptr;
    QComboBox *m_scenario = nullptr;
    QSpinBox *m_month = nullptr;
    QTableView *m_lineItemView = nullptr;
    LineItemModel *m_lineItems = nullptr;
    QLabel *m_lineTotal = nullptr;
    QTableWidget *m_monthly = nullptr;
};

} // namespace dblearn
