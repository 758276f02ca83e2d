// The price catalog in content/prices: every price has a source, a date and a confidence; stale
// prices are flagged; the user's overrides are kept in their own file.

#include "cost/pricecatalog.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace dblearn;

class PriceCatalogTest : public QObject
{
    Q_OBJECT

private slots:
    void realCatalogLoads()
    {
        PriceCatalog catalog;
        QStringList errors;
        QVERIFY(catalog.loadDirectory(QStringLiteral(DBLEARN_CONTENT_SOURCE_DIR "/prices"), &errors));
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        QVERIFY(catalog.entries().size() >= 30);
        for (const PriceEntry &e : catalog.entries()) {
            QVERIFY2(!e.source.isEmpty() && e.observedDate.isValid() && !e.confidence.isEmpty(), qPrintable(e.id));
            QVERIFY2(!e.unit.isEmpty(), qPrintable(e.id));
        }
        // Facts from the shared notes, as written there.
        QCOMPARE(catalog.find(QStringLiteral("aws.rds.postgresql.db.t3.large"))->price, 0.145);
        QCOMPARE(catalog.find(QStringLiteral("aws.aurora.iooptimized.storage"))->price, 0.225);
        QCOMPARE(catalog.find(QStringLiteral("aws.transfer.internet-out"))->tiers.size(), 5);
        QCOMPARE(catalog.find(QStringLiteral("aws.rds.postgresql.db.m6g.large"))->confidence, QStringLiteral("low"));
        QCOMPARE(catalog.find(QStringLiteral("aws.rds.postgresql.db.m6g.large"))->priceHigh, 0.171);
    }

    void staleness()
    {
        PriceEntry e;
        e.observedDate = PriceCatalog::parseObserved(QStringLiteral("2025-10-01"));
        QCOMPARE(e.observedDate, QDate(2025, 10, 1));
        QVERIFY(!PriceCatalog::isStale(e, QDate(2026, 9, 30)));
        QVERIFY(!PriceCatalog::isStale(e, QDate(2026, 10, 1)));
        QVERIFY(PriceCatalog::isStale(e, QDate(2026, 10, 2)));
        // "2021" means 2021-01-01: stale in 2026; a month only: its first day
        QCOMPARE(PriceCatalog::parseObserved(QStringLiteral("2021")), QDate(2021, 1, 1));
        QCOMPARE(PriceCatalog::parseObserved(QStringLiteral("2026-03")), QDate(2026, 3, 1));
        QVERIFY(!PriceCatalog::parseObserved(QStringLiteral("March")).isValid());
        e.observedDate = {};
        QVERIFY(PriceCatalog::isStale(e, QDate(2026, 1, 1))); // no date: never trusted as fresh
    }

    void overridesAreKeptApart()
    {
        QTemporaryDir dir;
        const QString catalogDir = QStringLiteral(DBLEARN_CONTENT_SOURCE_DIR "/prices");
        const QString overrides = dir.filePath(QStringLiteral("price-overrides.json"));
        const QByteArray catalogBefore = [&] {
            QFile f(catalogDir + QStringLiteral("/aws.json"));
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }();
        {
            PriceCatalog catalog;
            QStringList errors;
            QVERIFY(catalog.loadDirectory(catalogDir, &errors));
            QString error;
            QVERIFY(catalog.setOverride(QStringLiteral("aws.rds.gp3.storage"), 0.1, QStringLiteral("our EDP"), &error));
            QVERIFY(!catalog.setOverride(QStringLiteral("aws.rds.gp3.storage"), -1, QString(), &error));
            QVERIFY(!catalog.setOverride(QStringLiteral("no.such.price"), 1, QString(), &error));
            const PriceEntry *e = catalog.find(QStringLiteral("aws.rds.gp3.storage"));
            QCOMPARE(e->price, 0.1);
            QVERIFY(e->overridden);
            QCOMPARE(e->catalogPrice, 0.115);
            QVERIFY(e->sourceText().startsWith(QStringLiteral("your price")));
            QVERIFY2(catalog.saveOverrides(overrides, &error), qPrintable(error));
        }
        PriceCatalog catalog;
        QStringList errors;
        QVERIFY(catalog.loadDirectory(catalogDir, &errors));
        QCOMPARE(catalog.find(QStringLiteral("aws.rds.gp3.storage"))->price, 0.115);
        QString error;
        QVERIFY(catalog.loadOverrides(overrides, &error));
        QCOMPARE(catalog.find(QStringLiteral("aws.rds.gp3.storage"))->price, 0.1);
        catalog.clearOverride(QStringLiteral("aws.rds.gp3.storage"));
        QCOMPARE(catalog.find(QStringLiteral("aws.rds.gp3.storage"))->price, 0.115);
        QFile f(catalogDir + QStringLiteral("/aws.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), catalogBefore); // the catalog file itself never changes
    }

    void applyToWorksheet()
    {
        PriceCatalog catalog;
        QStringList errors;
        QVERIFY(catalog.loadDirectory(QStringLiteral(DBLEARN_CONTENT_SOURCE_DIR "/prices"), &errors));
        Worksheet w;
        w.horizonMonths = 1;
        Scenario s;
        s.id = QStringLiteral("a");
        CostComponent c = CostComponent::make(ComponentKind::Storage);
        c.setValue(param::StoragePrice, 0.2);
        c.priceRefs.insert(QStringLiteral("pricePerGbMonth"), QStringLiteral("aws.rds.gp3.storage"));
        CostComponent t = CostComponent::make(ComponentKind::DataTransfer);
        t.priceRefs.insert(QStringLiteral("tiers"), QStringLiteral("aws.transfer.internet-out"));
        s.components << c << t;
        w.scenarios << s;
        // The storage price becomes the catalog's 0.115 and the transfer gets the catalog's five tiers
        QCOMPARE(catalog.applyTo(&w), 2);
        QCOMPARE(w.scenarios[0].components[0].value(param::StoragePrice), 0.115);
        QCOMPARE(w.scenarios[0].components[1].tiers.size(), 5);
        QCOMPARE(catalog.applyTo(&w), 0); // nothing left to change
        QString error;
        QVERIFY(catalog.setOverride(QStringLiteral("aws.rds.gp3.storage"), 0.1, QString(), &error));
        QCOMPARE(catalog.applyTo(&w), 1);
        QCOMPARE(w.scenarios[0].components[0].value(param::StoragePrice), 0.1);
    }

    void badCatalogFileIsRefusedWithItsReason()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("x.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"schemaVersion": 1, "provider": "x", "prices": [
            {"id": "x.a", "unit": "USD/h", "price": 1, "observed": "2026", "confidence": "high"}]})");
        f.close();
        PriceCatalog catalog;
        QStringList errors;
        QVERIFY(!catalog.loadDirectory(dir.path(), &errors));
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().contains(QStringLiteral("x.a")) && errors.first().contains(QStringLiteral("no source")),
                 qPrintable(errors.first()));
    }
};

QTEST_GUILESS_MAIN(PriceCatalogTest)
#include "tst_pricecatalog.moc"
