#pragma once

#include "plans/plan.h"
#include "plans/plandiff.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace dblearn {

// Two plans of a query side by side in one table: every matched, changed, added and removed node
// with its time, cost and rows before and after and the change in per cent, under a summary in
// plain sentences ("Seq Scan on orders → Index Scan using orders_customer_idx on orders; total
// time −94%"). Opened from a plan window (Compare with…) or from the console's plan history.
class PlanDiffWindow final : public QWidget
{
    Q_OBJECT

public:
    explicit PlanDiffWindow(QWidget *parent = nullptr);

    // Parses both plans; on failure says which one and why, and returns false.
    bool setPlans(const QByteArray &before, const QString &beforeTitle, const QByteArray &after,
                  const QString &afterTitle, QString *error);
    const PlanDiff &diff() const { return m_diff; }
    QString summaryText() const;
    QTableWidget *table() const { return m_table; }

private:
    void fill();

    Plan m_before;
    Plan m_after;
    PlanDiff m_diff;
    QLabel *m_summary = nullptr;
    QTableWidget *m_table = nullptr;
};

} // namespace dblearn
