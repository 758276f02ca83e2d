// Replays a fuzz target's committed corpus (tests/fuzz/corpus/<target>/: seeds and the inputs of
// fixed findings) through the target's LLVMFuzzerTestOneInput, in the normal and the sanitizer
// builds, without libFuzzer: a regression of a fixed finding fails here on every test run. The
// target's invariants abort with a message, which fails the test.
#include <QDir>
#include <QFile>
#include <QTest>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

class FuzzCorpusTest : public QObject
{
    Q_OBJECT

private slots:
    void replay_data();
    void replay();
};

void FuzzCorpusTest::replay_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(QStringLiteral(DBLEARN_TEST_SOURCE_DIR "/fuzz/corpus/" DBLEARN_FUZZ_CORPUS));
    const QStringList files = dir.entryList(QDir::Files, QDir::Name);
    QVERIFY2(!files.isEmpty(), qPrintable(QStringLiteral("no corpus in %1").arg(dir.path())));
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << dir.filePath(file);
}

void FuzzCorpusTest::replay()
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    const QByteArray data = file.readAll();
    QCOMPARE(LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(data.constData()), size_t(data.size())), 0);
}

QTEST_GUILESS_MAIN(FuzzCorpusTest)
#include "tst_fuzzcorpus.moc"
