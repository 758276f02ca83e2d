// The worksheet window, offscreen: typing updates results and charts at once, bad values are marked
// at the field, differences between scenarios are highlighted, files save/load/autosave/recover, and
// the CSV / PDF / PNG exports are written. With DBLEARN_SCREENSHOT_DIR set, it also saves screenshots.

#include "cost/costcharts.h"
#include "cost/numberfield.h"
#include "cost/pricecatalogdialog.h"
#include "cost/resultsview.h"
#include "cost/scenarioeditor.h"
#include "cost/worksheetdocument.h"
#include "cost/worksheeteditor.h"
#include "cost/worksheetmenu.h"
#include "cost/worksheetwindow.h"

#include "cost/worksheetautosave.h"
#include "cost/worksheetfile.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QListWidget>
#include <QStandardPaths>
#include <QComboBox>
#include <QMenu>
#include <QTabWidget>
#include <QToolButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace dblearn;

namespace {

void typeInto(NumberField *field, const QString &text)
{
    field->setFocus();
    field->selectAll();
    if (text.isEmpty())
        QTest::keyClick(field, Qt::Key_Backspace);
    else
        QTest::keyClicks(field, text);
}

double lastCumulative(CostCharts *charts, int scenario)
{
    const QList<QAbstractSeries *> series = charts->views()[1]->chart()->series();
    auto *line = qobject_cast<QLineSeries *>(series.value(scenario));
    return line && line->count() ? line->at(line->count() - 1).y() : std::nan("");
}

void screenshot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("DBLEARN_SCREENSHOT_DIR");
    QTest::qWait(100); // the charts lay themselves out from the event loop
    if (!dir.isEmpty())
        w->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

} // namespace

class WorksheetWindowTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("DBLEARN_CONTENT_DIR", DBLEARN_CONTENT_SOURCE_DIR);
        QDir(WorksheetAutosave().directory()).removeRecursively();
    }

    void typingUpdatesResultsAndCharts()
    {
        QString error;
        QPointer<WorksheetWindow> window = WorksheetWindow::openTemplate(QStringLiteral("reserved-vs-on-demand"), nullptr, &error);
        QVERIFY2(window, qPrintable(error));
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        screenshot(window, QStringLiteral("worksheet-reserved-vs-on-demand"));
        if (!qEnvironmentVariableIsEmpty("DBLEARN_SCREENSHOT_DIR")) {
            // The results: totals and comparisons, then the line items with their formulas.
            const QList<QTabWidget *> tabs = window->findChildren<QTabWidget *>();
            for (QTabWidget *t : tabs)
                if (t->tabText(0) == QLatin1String("Charts"))
                    t->setCurrentIndex(1);
            screenshot(window, QStringLiteral("worksheet-results-summary"));
            for (QTabWidget *t : tabs)
                if (t->tabText(0) == QLatin1String("Summary"))
                    t->setCurrentIndex(1);
            screenshot(window, QStringLiteral("worksheet-results-line-items"));
            for (QTabWidget *t : tabs)
                t->setCurrentIndex(0);
        }
        // On demand: 0.136 × 730 × 36 = 3,574.08
        QVERIFY(std::abs(lastCumulative(window->charts(), 0) - 3574.08) < 1e-6);
        ScenarioEditor *first = window->editor()->scenarioEditors().first();
        NumberField *price = first->field(0, QStringLiteral("hourlyPrice"));
        QVERIFY(price);
        // Typing 0.2: 0.2 × 730 × 36 = 5,256.00, in the table and the chart, without any other action
        typeInto(price, QStringLiteral("0.2"));
        QVERIFY(std::abs(window->document()->results().costs(0).total() - 5256.0) < 1e-6);
        QVERIFY(std::abs(lastCumulative(window->charts(), 0) - 5256.0) < 1e-6);
        QCOMPARE(window->results()->summaryTable()->item(0, 1)->text(), QLocale().toString(5256.0, 'f', 2));
        QVERIFY(window->document()->isModified());
        // The first scenario's value now differs from the others' 0.136: they are highlighted
        ScenarioEditor *second = window->editor()->scenarioEditors()[1];
        QVERIFY(second->field(0, QStringLiteral("hourlyPrice"))->differs());
        QVERIFY(second->field(0, QStringLiteral("committedHourly"))->differs());
        QVERIFY(!price->differs());

        // Bad values are marked at the field and the results wait
        typeInto(price, QStringLiteral("-1"));
        QVERIFY(price->hasIssue());
        QVERIFY(price->toolTip().contains(QStringLiteral("negative")));
        QVERIFY(!window->document()->results().isValid());
        QVERIFY(window->editor()->issueList()->count() >= 1);
        QVERIFY(window->charts()->views()[1]->chart()->series().isEmpty());
        screenshot(window, QStringLiteral("worksheet-invalid-input"));
        typeInto(price, QStringLiteral("abc"));
        QVERIFY(price->toolTip().contains(QStringLiteral("not a number")));
        typeInto(price, QString());
        QVERIFY(price->toolTip().contains(QStringLiteral("missing")));
        NumberField *horizon = window->editor()->settingField(QStringLiteral("horizonMonths"));
        typeInto(price, QStringLiteral("0.136"));
        typeInto(horizon, QStringLiteral("500"));
        QVERIFY(horizon->hasIssue());
        typeInto(horizon, QStringLiteral("36"));
        QVERIFY(!horizon->hasIssue());
        QVERIFY(window->document()->results().isValid());
        QVERIFY(std::abs(lastCumulative(window->charts(), 0) - 3574.08) < 1e-6);

        // Any two scenarios: with the 3-year reservation as the baseline, it and on demand cross in month 9
        QComboBox *baseline = window->editor()->baselineBox();
        QCOMPARE(baseline->currentData().toString(), QStringLiteral("on-demand"));
        baseline->setCurrentIndex(baseline->findData(QStringLiteral("ri-3y-partial")));
        emit baseline->activated(baseline->currentIndex());
        const QList<ComparisonResult> &pairs = window->document()->results().comparisons();
        QCOMPARE(pairs.size(), 2);
        QCOMPARE(pairs[0].baseline, 2);
        QCOMPARE(pairs[0].candidate, 0);
        QCOMPARE(pairs[0].breakEvenMonth, 9);
        window->document()->setModified(false);
        window->close();
    }

    void saveLoadAutosaveRecover()
    {
        QTemporaryDir dir;
        QString error;
        WorksheetWindow *window = WorksheetWindow::openTemplate(QStringLiteral("migration-roi"), nullptr, &error);
        QVERIFY(window);
        window->show();
        typeInto(window->editor()->scenarioEditors()[1]->field(3, QStringLiteral("amount")), QStringLiteral("50000"));
        // Autosave writes a copy that an earlier session's recovery finds
        QVERIFY2(window->autosaveNow(&error), qPrintable(error));
        const QList<WorksheetAutosave::Pending> pending = WorksheetAutosave().pending();
        QCOMPARE(pending.size(), 1);
        Worksheet recovered;
        QVERIFY(WorksheetAutosave().recover(pending.first(), &recovered, &error));
        QCOMPARE(recovered.scenarios[1].components[3].value(param::Amount), 50000.0);
        // Saving writes the file atomically, clears the modified flag and removes the autosave copy
        const QString path = dir.filePath(QStringLiteral("roi.json"));
        QVERIFY2(window->saveTo(path, &error), qPrintable(error));
        QVERIFY(!window->document()->isModified());
        QVERIFY(WorksheetAutosave().pending().isEmpty());
        QVERIFY(WorksheetWindow::recentFiles().contains(path));
        Worksheet loaded;
        QVERIFY(WorksheetFile::load(path, &loaded, &error));
        QCOMPARE(WorksheetFile::serialize(loaded), WorksheetFile::serialize(window->document()->worksheet()));

        // Exports
        QVERIFY(window->exportCsv(dir.filePath(QStringLiteral("m.csv")), false, &error));
        QVERIFY(window->exportCsv(dir.filePath(QStringLiteral("l.csv")), true, &error));
        QFile csv(dir.filePath(QStringLiteral("m.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QVERIFY(csv.readLine().startsWith("scenario,month,Compute (USD)"));
        QVERIFY2(window->exportPdf(dir.filePath(QStringLiteral("r.pdf")), &error), qPrintable(error));
        QFile pdf(dir.filePath(QStringLiteral("r.pdf")));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(4) == "%PDF");
        QVERIFY(pdf.size() > 20000); // text and five chart images
        const QStringList pngs = window->charts()->saveImages(dir.path(), &error);
        QCOMPARE(pngs.size(), 5);
        for (const QString &png : pngs)
            QVERIFY(QImage(png).width() > 100);
        const QString shots = qEnvironmentVariable("DBLEARN_SCREENSHOT_DIR");
        if (!shots.isEmpty()) {
            window->charts()->saveImages(shots, &error);
            window->exportPdf(shots + QStringLiteral("/migration-roi-report.pdf"), &error);
        }
        window->close();

        // A truncated file opens nothing and leaves the file as it was
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray whole = file.readAll();
        file.close();
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(whole.left(whole.size() / 3));
        file.close();
        QVERIFY(!WorksheetWindow::openFile(path, nullptr, &error));
        QVERIFY(error.contains(QStringLiteral("ends early")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), whole.left(whole.size() / 3));
    }

    void menuListsTemplatesAndRecovery()
    {
        QWidget owner;
        WorksheetMenu menu(QStringLiteral("Worksheets"), &owner);
        QStringList ids;
        bool recovery = false;
        for (QAction *action : menu.actions()) {
            if (action->menu() && action->text().contains(QStringLiteral("Template")))
                for (QAction *t : action->menu()->actions())
                    ids << t->data().toString();
            recovery = recovery || action->text().startsWith(QStringLiteral("Recover"));
        }
        ids.sort();
        QCOMPARE(ids, (QStringList{QStringLiteral("aurora-io-optimized-vs-standard"), QStringLiteral("budget-forecast"),
                                   QStringLiteral("migration-roi"), QStringLiteral("postgres-self-vs-rds-vs-aurora"),
                                   QStringLiteral("reserved-vs-on-demand"), QStringLiteral("vector-rag-serving")}));
        QVERIFY(!recovery); // nothing left over
        // A copy left by a session that did not close cleanly is offered for recovery
        Worksheet w;
        QString error;
        QVERIFY(WorksheetFile::load(QStringLiteral(DBLEARN_CONTENT_SOURCE_DIR "/worksheets/budget-forecast.json"), &w, &error));
        QVERIFY(WorksheetAutosave().write(QStringLiteral("crashed"), w, QString(), &error));
        WorksheetMenu again(QStringLiteral("Worksheets"), &owner);
        bool offered = false;
        for (QAction *action : again.actions())
            offered = offered || action->text() == QLatin1String("Recover Unsaved Worksheets (1)");
        QVERIFY(offered);
        WorksheetAutosave().remove(QStringLiteral("crashed"));
    }

    void addAndRemoveScenariosAndComponents()
    {
        QString error;
        WorksheetWindow *window = WorksheetWindow::openTemplate(QStringLiteral("migration-roi"), nullptr, &error);
        QVERIFY(window);
        window->show();
        auto scenarioMenu = [window](int scenario) {
            for (QToolButton *b : window->editor()->scenarioEditors()[scenario]->findChildren<QToolButton *>())
                if (b->text() == QLatin1String("Scenario"))
                    return b->menu();
            return static_cast<QMenu *>(nullptr);
        };
        auto trigger = [](QMenu *menu, const QString &text) {
            for (QAction *a : menu->actions()) {
                if (a->text() == text) {
                    a->trigger();
                    return true;
                }
                if (a->menu())
                    for (QAction *sub : a->menu()->actions())
                        if (sub->text() == text) {
                            sub->trigger();
                            return true;
                        }
            }
            return false;
        };
        QVERIFY(trigger(scenarioMenu(1), QStringLiteral("Duplicate scenario")));
        QCoreApplication::processEvents(); // the old editors are deleted later
        QCOMPARE(window->document()->worksheet().scenarios.size(), 3);
        QCOMPARE(window->document()->worksheet().scenarios[2].id, QStringLiteral("move-to-rds-2"));
        QCOMPARE(window->editor()->scenarioEditors().size(), 3);
        QVERIFY(window->document()->results().isValid());
        QCOMPARE(window->document()->results().comparisons().size(), 2); // the first against each other

        // A new licence component starts with a zero price: valid, and explained as costing nothing
        QVERIFY(trigger(scenarioMenu(2), QStringLiteral("Licence")));
        QCoreApplication::processEvents();
        QCOMPARE(window->document()->worksheet().scenarios[2].components.size(), 5);
        QVERIFY(window->document()->results().isValid());
        // Remove it again with its own button, then the scenario
        const QList<QToolButton *> buttons = window->editor()->scenarioEditors()[2]->findChildren<QToolButton *>();
        QToolButton *last = nullptr;
        for (QToolButton *b : buttons)
            if (b->text() == QLatin1String("Remove"))
                last = b;
        QVERIFY(last);
        last->click();
        QCoreApplication::processEvents();
        QCOMPARE(window->document()->worksheet().scenarios[2].components.size(), 4);
        QVERIFY(trigger(scenarioMenu(2), QStringLiteral("Remove scenario")));
        QCoreApplication::processEvents();
        QCOMPARE(window->document()->worksheet().scenarios.size(), 2);
        window->document()->setModified(false);
        window->close();
    }

    void userPrices()
    {
        QTemporaryDir dir;
        QString error;
        WorksheetWindow *window = WorksheetWindow::openTemplate(QStringLiteral("reserved-vs-on-demand"), nullptr, &error);
        QVERIFY(window);
        PriceCatalog &catalog = window->document()->catalog();
        const QString overrides = dir.filePath(QStringLiteral("price-overrides.json"));
        PriceCatalogDialog dialog(&catalog, overrides, window);
        int row = -1;
        for (int r = 0; r < dialog.table()->rowCount(); ++r)
            if (dialog.table()->item(r, PriceCatalogDialog::Id)->text() == QLatin1String("aws.rds.mysql.db.t3.large"))
                row = r;
        QVERIFY(row >= 0);
        QCOMPARE(dialog.table()->item(row, PriceCatalogDialog::Stale)->text(), QStringLiteral("stale"));
        // A bad price is refused and nothing is saved
        dialog.table()->item(row, PriceCatalogDialog::YourPrice)->setText(QStringLiteral("-3"));
        QVERIFY(!dialog.apply(&error));
        QVERIFY(error.contains(QStringLiteral("aws.rds.mysql.db.t3.large")));
        QVERIFY(!QFile::exists(overrides));
        // 0.12 USD/h: applied to the worksheet, on demand is 0.12 × 730 × 36 = 3,153.60
        dialog.table()->item(row, PriceCatalogDialog::YourPrice)->setText(QStringLiteral("0.12"));
        QVERIFY2(dialog.apply(&error), qPrintable(error));
        QVERIFY(QFile::exists(overrides));
        dialog.show();
        screenshot(&dialog, QStringLiteral("price-catalog"));
        QVERIFY(window->updateFromCatalog() >= 3); // the hourly price of all three scenarios
        QVERIFY(std::abs(window->document()->results().costs(0).total() - 3153.6) < 1e-6);
        window->document()->setModified(false);
        window->close();
    }

    void everyTemplateOpens()
    {
        for (const char *id : {"postgres-self-vs-rds-vs-aurora", "aurora-io-optimized-vs-standard", "budget-forecast",
                               "vector-rag-serving"}) {
            QString error;
            WorksheetWindow *window = WorksheetWindow::openTemplate(QLatin1String(id), nullptr, &error);
            QVERIFY2(window, qPrintable(error));
            window->show();
            QVERIFY(window->document()->results().isValid());
            QVERIFY(!window->charts()->views()[0]->chart()->series().isEmpty());
            screenshot(window, QStringLiteral("worksheet-") + QLatin1String(id));
            window->close();
        }
    }
};

QTEST_MAIN(WorksheetWindowTest)
#include "tst_worksheetwindow.moc"
