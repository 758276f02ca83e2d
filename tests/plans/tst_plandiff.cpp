// Plan diff on a real "add an index and run again" pair, and on identical and unrelated plans.

#include "planfixtures.h"

#include "plans/plandiff.h"

#include <QJsonArray>
#include <QObject>

using namespace dblearn;
using namespace planfixtures;

class PlanDiffTest : public QObject
{
    Q_OBJECT

private slots:
    void addingAnIndex();
    void samePlanIsSame();
    void sqliteScanBecomesSearch();
    void differentEnginesDoNotCrash();
};

void PlanDiffTest::addingAnIndex()
{
    const Plan before = load(QStringLiteral("pg15_diff_before.json"));
    const Plan after = load(QStringLiteral("pg15_diff_after.json"));
    const PlanDiff diff = PlanDiff::compare(before, after);
    QVERIFY(!diff.summary().isEmpty());
    QCOMPARE(diff.summary().first(), QStringLiteral("Seq Scan on orders → Bitmap Heap Scan on orders"));
    QVERIFY(diff.summary().contains(QStringLiteral("added: Bitmap Index Scan on orders_customer_id_idx")));
    const QString total = diff.summary().filter(QStringLiteral("total time")).value(0);
    QVERIFY2(total.contains(PlanDiff::percentChange(before.executionTimeMs, after.executionTimeMs)), qPrintable(total));
    QVERIFY(total.contains(QStringLiteral("(−")));
    // The Sort at the root matched the Sort; the scan matched the scan on the same table.
    QCOMPARE(diff.matchInB(0), 0);
    const int scan = findNode(before, QStringLiteral("Seq Scan"));
    QCOMPARE(after.nodes[size_t(diff.matchInB(scan))].type, QStringLiteral("Bitmap Heap Scan"));
    int changed = 0, added = 0, removed = 0;
    for (const PlanDiff::Entry &e : diff.entries()) {
        changed += e.kind == PlanDiff::Entry::Kind::Changed;
        added += e.kind == PlanDiff::Entry::Kind::Added;
        removed += e.kind == PlanDiff::Entry::Kind::Removed;
    }
    QCOMPARE(changed, 1);
    QCOMPARE(added, 1);
    QCOMPARE(removed, 0);
    const QJsonObject json = diff.toJson();
    QCOMPARE(json.value(QLatin1String("entries")).toArray().size(), 3);
    QVERIFY(json.value(QLatin1String("totalTimeChange")).toString().startsWith(QStringLiteral("−")));
}

void PlanDiffTest::samePlanIsSame()
{
    const Plan plan = load(QStringLiteral("pg15_parallel_hash_join.json"));
    const PlanDiff diff = PlanDiff::compare(plan, plan);
    QCOMPARE(diff.summary().first(), QStringLiteral("same plan shape"));
    for (int i = 0; i < plan.nodeCount(); ++i)
        QCOMPARE(diff.matchInB(i), i);
}

void PlanDiffTest::sqliteScanBecomesSearch()
{
    const PlanDiff diff = PlanDiff::compare(load(QStringLiteral("sqlite340_full_scan.json")),
                                            load(QStringLiteral("sqlite340_join_index.json")));
    QVERIFY(!diff.summary().isEmpty());
    QVERIFY(diff.summary().first().contains(QStringLiteral(" → ")) || diff.summary().first().startsWith(QStringLiteral("removed")));
}

void PlanDiffTest::differentEnginesDoNotCrash()
{
    const PlanDiff diff = PlanDiff::compare(load(QStringLiteral("mariadb1011_join_analyze.json")),
                                            load(QStringLiteral("pg15_hash_join.json")));
    QVERIFY(!diff.entries().isEmpty());
    const PlanDiff empty = PlanDiff::compare(Plan(), load(QStringLiteral("pg15_hash_join.json")));
    QCOMPARE(empty.matchInA(0), -1);
}

QTEST_GUILESS_MAIN(PlanDiffTest)
#include "tst_plandiff.moc"
