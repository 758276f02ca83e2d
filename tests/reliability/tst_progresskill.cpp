// kill -9 during progress writes: a child process writes exercise attempts, quiz answers (a
// two-table transaction) and notes through ProgressStore and reports each step on a pipe after the
// calls returned; it is killed with SIGKILL at random moments, again and again. After every kill
// every reported step must be in the store, at most one step beyond it, and
// PRAGMA integrity_check must say "ok"; the store must open without being called damaged.

#include "reliability/killedchild.h"

#include "progress/progressstore.h"

#include <sqlite3.h>

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace dblearn;

namespace {

constexpr int Repetitions = 120;

// The steps the store holds, read with plain SQLite (not through the class under test).
struct StoreContents {
    QString integrity;
    QSet<qint64> exercises;
    QSet<qint64> quizQuestions;
    qint64 quizLogRows = 0;
    QString note;
};

bool readContents(const QString &path, StoreContents *out, QString *error)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_close(db);
        return false;
    }
    auto each = [&](const char *sql, auto row) {
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
            *error = QString::fromUtf8(sqlite3_errmsg(db));
            return false;
        }
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
            row(stmt);
        sqlite3_finalize(stmt);
        if (rc != SQLITE_DONE)
            *error = QString::fromUtf8(sqlite3_errmsg(db));
        return rc == SQLITE_DONE;
    };
    auto text = [](sqlite3_stmt *s, int c) { return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(s, c))); };
    QStringList integrity;
    const bool ok = each("PRAGMA integrity_check", [&](sqlite3_stmt *s) { integrity << text(s, 0); })
                    && each("SELECT exercise_id FROM exercise_attempts",
                            [&](sqlite3_stmt *s) { out->exercises.insert(text(s, 0).mid(9).toLongLong()); })
                    && each("SELECT question FROM quiz_answers", [&](sqlite3_stmt *s) { out->quizQuestions.insert(sqlite3_column_int64(s, 0)); })
                    && each("SELECT count(*) FROM quiz_log", [&](sqlite3_stmt *s) { out->quizLogRows = sqlite3_column_int64(s, 0); })
                    && each("SELECT markdown FROM notes", [&](sqlite3_stmt *s) { out->note = text(s, 0); });
    out->integrity = integrity.join(QLatin1String("; "));
    sqlite3_close(db);
    return ok;
}

} // namespace

class ProgressKillTest final : public QObject
{
    Q_OBJECT
private slots:
    void everyReportedCommitSurvives()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("progress.sqlite"));
        qint64 next = 1;
        int kills = 0, inFlightFound = 0;
        qint64 redoneQuizSteps = 0;
        qint64 reportedSteps = 0;
        for (int round = 0; round < Repetitions; ++round) {
            const test::KilledChild::Outcome run =
                test::KilledChild::run(QStringLiteral(DBLEARN_PROGRESS_WRITER), {path, QString::number(next)}, 30);
            QVERIFY2(run.started, qPrintable(QStringLiteral("round %1: the writer did not start: %2").arg(round).arg(run.errorOutput)));
            QVERIFY2(run.killedBySignal, qPrintable(QStringLiteral("round %1: the writer stopped on its own: %2").arg(round).arg(run.errorOutput)));
            ++kills;
            reportedSteps += run.lines.size();
            const qint64 last = run.lines.last().toLongLong();

            StoreContents contents;
            QString error;
            QVERIFY2(readContents(path, &contents, &error), qPrintable(QStringLiteral("round %1: %2").arg(round).arg(error)));
            QCOMPARE(contents.integrity, QStringLiteral("ok"));
            // Every step reported committed is there, in both tables; nothing from beyond the step
            // that was in flight when the kill came.
            for (qint64 step = 1; step <= last; ++step) {
                QVERIFY2(contents.exercises.contains(step), qPrintable(QStringLiteral("round %1: exercise-%2 lost").arg(round).arg(step)));
                QVERIFY2(contents.quizQuestions.contains(step), qPrintable(QStringLiteral("round %1: quiz answer %2 lost").arg(round).arg(step)));
            }
            QVERIFY(contents.exercises.size() <= last + 1);
            QVERIFY(contents.quizQuestions.size() <= last + 1);
            // The quiz answer and its log row commit together, or not at all. A step that was in
            // flight and committed is written again by the next writer (one more log row).
            QCOMPARE(contents.quizLogRows, qint64(contents.quizQuestions.size()) + redoneQuizSteps);
            const bool inFlight = contents.exercises.contains(last + 1);
            inFlightFound += inFlight ? 1 : 0;
            QVERIFY2(contents.note == QStringLiteral("note %1").arg(last) || contents.note == QStringLiteral("note %1").arg(last + 1),
                     qPrintable(QStringLiteral("round %1: note is \"%2\" after step %3").arg(round).arg(contents.note).arg(last)));
            if (contents.quizQuestions.contains(last + 1))
                ++redoneQuizSteps;
            next = last + 1;
        }

        // The application's own open: no "damaged" notice, the stale writer lock taken over.
        ProgressStore store;
        QString notice;
        QVERIFY2(store.open(path, &notice), qPrintable(notice));
        QVERIFY2(notice.isEmpty(), qPrintable(notice));
        QVERIFY(!store.isReadOnly());
        QString details;
        QVERIFY2(store.integrityCheck(&details), qPrintable(details));
        qInfo("faults injected: %d SIGKILLs during progress writes; %lld steps (3 commits each) reported committed, "
              "all present; the step in flight was found committed %d times; integrity_check ok after every kill",
              kills, reportedSteps, inFlightFound);
    }
};

QTEST_GUILESS_MAIN(ProgressKillTest)
#include "tst_progresskill.moc"
