#include "backends/backendinfo.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace dblearn;

class BackendInfoTest final : public QObject
{
    Q_OBJECT
private slots:
    void readsMetadata()
    {
        const QByteArray json = R"json({"id": "sqlite", "name": "SQLite (embedded)", "version": "0.1.0",
            "apiVersion": "1.0", "dialect": "sqlite", "uriSchemes": ["sqlite"],
            "capabilities": {"explainFormats": ["sqlite-eqp-json"], "explainOptions": ["buffers", "wal"],
                             "cancel": true, "schemaIntrospection": true,
                             "transactions": true,
                             "connectionParameters": [{"name": "path", "label": "Database file", "type": "file",
                                                       "default": ":memory:"}]}})json";
        const BackendInfo info = BackendInfo::fromMetaData(QJsonDocument::fromJson(json).object());
        QCOMPARE(info.id, QStringLiteral("sqlite"));
        QCOMPARE(info.apiVersion, QStringLiteral("1.0"));
        QCOMPARE(info.explainFormats, QStringList{QStringLiteral("sqlite-eqp-json")});
        QCOMPARE(info.explainOptions, (QStringList{QStringLiteral("buffers"), QStringLiteral("wal")}));
        QVERIFY(info.canCancel);
        QVERIFY(info.hasSchemaIntrospection);
        QCOMPARE(info.connectionParameters.size(), 1);
        QCOMPARE(info.connectionParameters.first().defaultValue, QStringLiteral(":memory:"));
        QVERIFY(!info.isLoaded()); // loading is the registry's decision, not the metadata's

        const QJsonObject out = info.toJson();
        QCOMPARE(out.value(QStringLiteral("state")).toString(), QStringLiteral("refused"));
        QVERIFY(out.contains(QStringLiteral("reason")));
    }

    void toleratesMissingFields()
    {
        const BackendInfo info = BackendInfo::fromMetaData(QJsonObject{});
        QVERIFY(info.id.isEmpty());
        QVERIFY(!info.canCancel);
        QVERIFY(info.connectionParameters.isEmpty());
    }
};

QTEST_GUILESS_MAIN(BackendInfoTest)
#include "tst_backendinfo.moc"
