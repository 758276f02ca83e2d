// `dblearn-cli tco`: runs the built tool (next to this test in build/bin) on the templates and on bad files.

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Result {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Result run(const QStringList &args)
{
    QProcess process;
    process.start(QCoreApplication::applicationDirPath() + QStringLiteral("/dblearn-cli"),
                  QStringList{QStringLiteral("tco")} + args + QStringList{QStringLiteral("--content"), QStringLiteral(DBLEARN_CONTENT_SOURCE_DIR)});
    process.waitForFinished(60000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

QString templateFile(const char *id)
{
    return QStringLiteral(DBLEARN_CONTENT_SOURCE_DIR "/worksheets/") + QLatin1String(id) + QStringLiteral(".json");
}

} // namespace

class TcoCommandTest : public QObject
{
    Q_OBJECT

private slots:
    void json()
    {
        const Result r = run({templateFile("reserved-vs-on-demand"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject root = QJsonDocument::fromJson(r.out).object();
        QVERIFY(root.value(QLatin1String("valid")).toBool());
        const QJsonArray scenarios = root.value(QLatin1String("scenarios")).toArray();
        QCOMPARE(scenarios.size(), 3);
        // 0.136 × 730 × 36 = 3,574.08
        QVERIFY(qFuzzyCompare(scenarios[0].toObject().value(QLatin1String("total")).toDouble(), 3574.08));
        QCOMPARE(root.value(QLatin1String("comparisons")).toArray()[1].toObject().value(QLatin1String("breakEvenMonth")).toInt(), 9);
        QVERIFY(!root.value(QLatin1String("tornado")).toArray().isEmpty());
    }

    void monthsAndCsv()
    {
        // --months 12 by template id: 12 rows per scenario plus the header; 0.136 × 730 = 99.28 a month
        const Result r = run({QStringLiteral("reserved-vs-on-demand"), QStringLiteral("--csv"), QStringLiteral("--months"), QStringLiteral("12")});
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 1 + 3 * 12);
        QVERIFY(lines[0].contains("total (USD)"));
        QVERIFY2(lines[1].startsWith("on-demand,1,99.28,"), lines[1].constData());
        QVERIFY(lines[12].endsWith(",99.28,1191.36")); // 12 × 99.28
        const Result items = run({QStringLiteral("budget-forecast"), QStringLiteral("--csv"), QStringLiteral("--line-items")});
        QCOMPARE(items.exitCode, 0);
        QVERIFY(items.out.startsWith("scenario,month,component,line_item,quantity,quantity_unit,unit_price_USD"));
        QVERIFY(items.out.contains("2 instances × 0.154 USD/h × 730 h = 224.84 USD"));
    }

    void badInput()
    {
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("bad.json"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"format": "dblearn-worksheet", "schemaVersion": 2, "horizonMonths": 12, "scenarios": [{"id": "a",
            "name": "A", "components": [{"kind": "storage", "name": "disk", "params": {"gb": -5, "pricePerGbMonth": 0.1,
            "multiAz": 0}}]}]})");
        f.close();
        Result r = run({bad});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("disk › gb: is negative (-5)"), r.err.constData());

        r = run({templateFile("migration-roi"), QStringLiteral("--months"), QStringLiteral("0")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("horizonMonths"));

        QFile trunc(dir.filePath(QStringLiteral("trunc.json")));
        QFile full(templateFile("migration-roi"));
        QVERIFY(full.open(QIODevice::ReadOnly) && trunc.open(QIODevice::WriteOnly));
        trunc.write(full.readAll().left(400));
        trunc.close();
        r = run({trunc.fileName()});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("ends early"), r.err.constData());

        r = run({QStringLiteral("no-such-thing")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("neither a file nor a template id"));
    }
};

QTEST_GUILESS_MAIN(TcoCommandTest)
#include "tst_tcocommand.moc"
