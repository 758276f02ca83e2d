// kill -9 during worksheet saves: a child process saves generation after generation of a worksheet
// through WorksheetFile::save (QSaveFile) and is killed with SIGKILL at random moments, again and
// again. After every kill the file on disk must be, byte for byte, the complete previous or the
// complete next generation, and it must load.

#include "reliability/generatedworksheet.h"
#include "reliability/killedchild.h"

#include "cost/worksheetfile.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace dblearn;

namespace {
constexpr int Repetitions = 150;
}

class WorksheetKillTest final : public QObject
{
    Q_OBJECT
private slots:
    void fileIsAlwaysTheWholeOldOrTheWholeNewVersion()
    {
        const QString templatePath = QStringLiteral(DBLEARN_CONTENT_SOURCE_DIR "/worksheets/postgres-self-vs-rds-vs-aurora.json");
        Worksheet base;
        QString error;
        QVERIFY2(WorksheetFile::load(templatePath, &base, &error), qPrintable(error));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString target = dir.filePath(QStringLiteral("plan.json"));
        QVERIFY2(WorksheetFile::save(test::generatedWorksheet(base, 0), target, &error), qPrintable(error));

        qint64 onDisk = 0;
        int kills = 0, sawNewer = 0, sawOlder = 0, savesReported = 0;
        for (int round = 0; round < Repetitions; ++round) {
            const test::KilledChild::Outcome run = test::KilledChild::run(
                QStringLiteral(DBLEARN_WORKSHEET_SAVER), {templatePath, target, QString::number(onDisk + 1)}, 40);
            QVERIFY2(run.started, qPrintable(QStringLiteral("round %1: the saver did not start: %2").arg(round).arg(run.errorOutput)));
            QVERIFY2(run.killedBySignal, qPrintable(QStringLiteral("round %1: the saver stopped on its own: %2").arg(round).arg(run.errorOutput)));
            ++kills;
            savesReported += run.lines.size();
            // The last generation the child reported saved; the one after it may have been mid-write.
            const qint64 reported = run.lines.isEmpty() ? onDisk : run.lines.last().mid(6).toLongLong();

            QFile file(target);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(QStringLiteral("round %1: the worksheet is gone: %2").arg(round).arg(file.errorString())));
            const QByteArray bytes = file.readAll();
            Worksheet loaded;
            QVERIFY2(WorksheetFile::parse(bytes, &loaded, &error),
                     qPrintable(QStringLiteral("round %1 (killed %2 ms in): %3").arg(round).arg(run.delayMs).arg(error)));
            const qint64 generation = test::worksheetGeneration(loaded);
            QVERIFY2(generation == reported || generation == reported + 1,
                     qPrintable(QStringLiteral("round %1: generation %2 on disk, the child reported %3").arg(round).arg(generation).arg(reported)));
            QCOMPARE(bytes, WorksheetFile::serialize(test::generatedWorksheet(base, generation)));
            (generation == reported ? sawOlder : sawNewer) += 1;
            onDisk = generation;
        }
        // QSaveFile writes an unnamed or hidden temporary file and renames it; count what kills left behind.
        const QStringList leftovers = QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System);
        qInfo("faults injected: %d SIGKILLs during worksheet saves (%d saves completed in all); file checked "
              "%d times: %d times the last reported version, %d times the one being written; files in the "
              "folder afterwards: %lld (%s)",
              kills, savesReported, Repetitions, sawOlder, sawNewer, qint64(leftovers.size()),
              qPrintable(leftovers.mid(0, 5).join(QStringLiteral(", "))));
        QCOMPARE(kills, Repetitions);
        // A kill between QSaveFile giving its temporary file a name and the rename leaves that file
        // behind (plan.json.XXXXXX): litter, never in place of the worksheet.
        for (const QString &name : leftovers)
            QVERIFY2(name == QLatin1String("plan.json") || QRegularExpression(QStringLiteral("^plan\\.json\\.\\w{6}$")).match(name).hasMatch(),
                     qPrintable(name));
        QVERIFY(leftovers.contains(QStringLiteral("plan.json")));
    }
};

QTEST_GUILESS_MAIN(WorksheetKillTest)
#include "tst_worksheetkill.moc"
