#include "progress/progressstore.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace dblearn;

class ProgressStoreTest final : public QObject
{
    Q_OBJECT
private slots:
    void recordsAndReadsBack()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("sub/progress.sqlite"));
        const QString lesson = QStringLiteral("01_foundations/01_acid_properties.md");
        {
            ProgressStore store;
            QString error;
            QVERIFY2(store.open(file, &error), qPrintable(error));
            QVERIFY(error.isEmpty());
            QVERIFY(!store.isReadOnly());
            QVERIFY(store.markOpened(lesson));
            QVERIFY(store.addTimeSpent(lesson, 90));
            QVERIFY(store.markRead(lesson));
            QVERIFY(store.recordExerciseAttempt(lesson, QStringLiteral("exercise-1"), false, QStringLiteral("SELECT 1")));
            QVERIFY(store.recordExerciseAttempt(lesson, QStringLiteral("exercise-1"), true, QStringLiteral("SELECT 2")));
            QVERIFY(store.recordExerciseAttempt(lesson, QStringLiteral("exercise-2"), false, QStringLiteral("SELECT 3")));
            QVERIFY(store.recordQuizAnswer(lesson, QStringLiteral("quiz-1"), 0, {1}, false));
            QVERIFY(store.recordQuizAnswer(lesson, QStringLiteral("quiz-1"), 0, {2}, true)); // answered again
            QVERIFY(store.recordQuizAnswer(lesson, QStringLiteral("quiz-1"), 1, {0, 3}, false));
            QVERIFY(store.setNote(lesson, QStringLiteral("**WAL** keeps commits across kill -9")));
            QVERIFY(store.setBookmark({lesson, QStringLiteral("durability"), QStringLiteral("Durability"), {}}));
        }
        ProgressStore store;
        QString error;
        QVERIFY2(store.open(file, &error), qPrintable(error));
        const LessonProgress p = store.lessonProgress(lesson);
        QVERIFY(p.read);
        QCOMPARE(p.secondsSpent, 90);
        QCOMPARE(p.exercisesPassed, 1);
        QCOMPARE(p.exerciseAttempts, 3);
        QCOMPARE(p.quizAnswered, 2);
        QCOMPARE(p.quizCorrect, 1);
        QVERIFY(store.isExercisePassed(lesson, QStringLiteral("exercise-1")));
        QVERIFY(!store.isExercisePassed(lesson, QStringLiteral("exercise-2")));
        QCOMPARE(store.note(lesson), QStringLiteral("**WAL** keeps commits across kill -9"));
        QCOMPARE(store.bookmarks().size(), 1);
        QCOMPARE(store.bookmarks().first().anchor, QStringLiteral("durability"));
        QCOMPARE(store.lastOpenedLesson(), lesson);
        QVERIFY(store.setNote(lesson, QStringLiteral("  ")));
        QVERIFY(store.note(lesson).isEmpty());
        QVERIFY(store.removeBookmark(lesson, QStringLiteral("durability")));
        QVERIFY(store.bookmarks().isEmpty());

        const QDate today = QDateTime::currentDateTimeUtc().date();
        const QList<ActivityDay> days = store.activity(today.addDays(-6), today);
        QCOMPARE(days.size(), 7);
        QCOMPARE(days.last().lessonsRead, 1);
        QCOMPARE(days.last().exerciseAttempts, 3);
        QCOMPARE(days.last().exercisesPassed, 1);
        QCOMPARE(days.last().quizAnswers, 3);
        QCOMPARE(days.first().exerciseAttempts, 0);

        QString details;
        QVERIFY2(store.integrityCheck(&details), qPrintable(details));
    }

    void unknownLessonHasNoProgress()
    {
        QTemporaryDir dir;
        ProgressStore store;
        QString error;
        QVERIFY(store.open(dir.filePath(QStringLiteral("p.sqlite")), &error));
        const LessonProgress p = store.lessonProgress(QStringLiteral("x.md"));
        QVERIFY(!p.read);
        QCOMPARE(p.exerciseAttempts, 0);
        QVERIFY(!store.addTimeSpent(QStringLiteral("x.md"), -5)); // nonsense is refused
    }

    void secondInstanceIsReadOnly()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("p.sqlite"));
        ProgressStore first;
        QString error;
        QVERIFY(first.open(file, &error));
        QVERIFY(first.markRead(QStringLiteral("a.md")));
        ProgressStore second;
        QVERIFY(second.open(file, &error));
        QVERIFY(second.isReadOnly());
        QVERIFY2(error.contains(QStringLiteral("not saved")), qPrintable(error));
        QVERIFY(second.lessonProgress(QStringLiteral("a.md")).read); // it still shows progress
        QVERIFY(!second.markRead(QStringLiteral("b.md")));
        first.close();
        ProgressStore third;
        QVERIFY(third.open(file, &error));
        QVERIFY(!third.isReadOnly());
    }

    void corruptFileIsMovedAsideNotLost()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("p.sqlite"));
        QFile garbage(file);
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        QByteArray bytes(8192, '\0');
        for (int i = 0; i < bytes.size(); ++i)
            bytes[i] = char((i * 7919) & 0xff);
        garbage.write(bytes);
        garbage.close();

        ProgressStore store;
        QString error;
        QVERIFY(store.open(file, &error));
        QVERIFY2(error.contains(QStringLiteral("damaged")), qPrintable(error));
        QVERIFY(store.markRead(QStringLiteral("a.md")));
        const QStringList aside = QDir(dir.path()).entryList({QStringLiteral("p.sqlite.corrupt-*")});
        QCOMPARE(aside.size(), 1);
        QFile kept(dir.filePath(aside.first()));
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), bytes); // the learner's old file is kept byte for byte
    }

    void unwritableFolder()
    {
        ProgressStore store;
        QString error;
        QVERIFY(!store.open(QStringLiteral("/proc/no-such-dir/p.sqlite"), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!store.isOpen());
    }
};

QTEST_GUILESS_MAIN(ProgressStoreTest)
#include "tst_progressstore.moc"
