// A full disk and a read-only data folder, on a real file system of the test's own (a small tmpfs
// in a private mount namespace; see ScratchFileSystem). Saving a worksheet (through the worksheet
// window), a note (through the notes panel) and progress (through ProgressStore) must fail with a
// clear message, leave the old data whole, and leave the application working: once space is back,
// the same objects save again.

#include "reliability/generatedworksheet.h"
#include "reliability/scratchfilesystem.h"

#include "cost/worksheetdocument.h"
#include "cost/worksheetfile.h"
#include "cost/worksheetwindow.h"
#include "notes/notesdock.h"
#include "progress/progressstore.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace dblearn;

namespace {

QString s_namespace; // how the private mount namespace was made, or why it could not be

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

const QString templatePath = QStringLiteral(DBLEARN_CONTENT_SOURCE_DIR "/worksheets/postgres-self-vs-rds-vs-aurora.json");
const QString lesson = QStringLiteral("01_foundations/01_acid_properties.md");

} // namespace

class FullDiskTest final : public QObject
{
    Q_OBJECT

private:
    int m_faults = 0;   // saves attempted against a full or read-only file system
    int m_refusals = 0; // ...that failed with a message, as they must

    void expectRefused(bool ok, const QString &message, const QString &what)
    {
        ++m_faults;
        QVERIFY2(!ok, qPrintable(what + QStringLiteral(" succeeded on a full or read-only disk")));
        QVERIFY2(!message.trimmed().isEmpty(), qPrintable(what + QStringLiteral(" failed without a message")));
        ++m_refusals;
        qInfo("%s refused: %s", qPrintable(what), qPrintable(message));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // settings and autosave copies stay out of the user's folders
        qInfo("mount namespace: %s", qPrintable(s_namespace));
        if (!test::ScratchFileSystem::isAvailable())
            QSKIP(qPrintable(QStringLiteral("no file system of our own can be mounted here (%1); run as root or "
                                            "with unprivileged user namespaces enabled").arg(s_namespace)));
    }

    void worksheetOnFullDisk()
    {
        QTemporaryDir dir;
        test::ScratchFileSystem fs(dir.path());
        QString error;
        QVERIFY2(fs.mount(2 * 1024 * 1024, &error), qPrintable(error));
        Worksheet base;
        QVERIFY2(WorksheetFile::load(templatePath, &base, &error), qPrintable(error));
        const QString path = fs.path() + QStringLiteral("/plan.json");
        QVERIFY2(WorksheetFile::save(test::generatedWorksheet(base, 1), path, &error), qPrintable(error));
        const QByteArray old = readAll(path);

        std::unique_ptr<WorksheetWindow> window(WorksheetWindow::openFile(path, nullptr, &error));
        QVERIFY2(window, qPrintable(error));
        window->show();
        QVERIFY(fs.fill(QStringLiteral("filler"), &error) > 0);

        // A bigger version than there is room for, saved the way File → Save does it.
        Worksheet bigger = test::generatedWorksheet(base, 2);
        bigger.description += bigger.description;
        window->document()->mutableWorksheet() = bigger;
        window->document()->edited(true);
        const bool saved = window->saveTo(path, &error);
        expectRefused(saved, error, QStringLiteral("worksheet save on a full disk"));
        QVERIFY2(error.contains(QLatin1String("plan.json")), qPrintable(error)); // says which file
        QCOMPARE(readAll(path), old);                                          // the old file, whole
        QVERIFY(window->document()->isModified());                             // the edit is not lost
        QCOMPARE(QDir(fs.path()).entryList(QDir::Files | QDir::Hidden),
                 (QStringList{QStringLiteral("filler"), QStringLiteral("plan.json")})); // no half-written copy

        // Space back: the same window saves.
        QVERIFY(QFile::remove(fs.path() + QStringLiteral("/filler")));
        QVERIFY2(window->saveTo(path, &error), qPrintable(error));
        QVERIFY(!window->document()->isModified());
        QCOMPARE(readAll(path), WorksheetFile::serialize(bigger));
    }

    void notesAndProgressOnFullDisk()
    {
        QTemporaryDir dir;
        test::ScratchFileSystem fs(dir.path());
        QString error;
        QVERIFY2(fs.mount(4 * 1024 * 1024, &error), qPrintable(error));
        const QString path = fs.path() + QStringLiteral("/progress.sqlite");
        ProgressStore store;
        QVERIFY2(store.open(path, &error), qPrintable(error));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(store.markRead(lesson));
        QVERIFY(store.recordExerciseAttempt(lesson, QStringLiteral("exercise-1"), true, QStringLiteral("SELECT 1")));
        QVERIFY(store.setNote(lesson, QStringLiteral("before the disk filled up")));

        QVERIFY(fs.fill(QStringLiteral("filler"), &error) > 0);
        // Notes of 64 kB on other lessons until the disk refuses (pages already in the files may take a few).
        const QString bigNote = QString(64 * 1024, QLatin1Char('n'));
        int accepted = 0;
        bool refused = false;
        for (int i = 0; i < 64 && !refused; ++i) {
            if (store.setNote(QStringLiteral("lesson-%1.md").arg(i), bigNote))
                ++accepted;
            else
                refused = true;
        }
        expectRefused(!refused, store.lastError(), QStringLiteral("a 64 kB note on a full disk"));
        const bool attemptSaved =
            store.recordExerciseAttempt(lesson, QStringLiteral("exercise-2"), true, QString(200 * 1024, QLatin1Char('s')));
        expectRefused(attemptSaved, store.lastError(), QStringLiteral("an exercise attempt on a full disk"));

        // The notes panel, as the learner types.
        NotesDock dock(&store);
        dock.show();
        dock.setLesson(QStringLiteral("lesson-new.md"));
        auto *editor = dock.findChild<QPlainTextEdit *>();
        QVERIFY(editor && editor->isEnabled());
        editor->setPlainText(bigNote + QStringLiteral(" typed on a full disk"));
        const bool panelSaved = dock.saveNow();
        expectRefused(panelSaved, dock.findChild<QLabel *>()->text(), QStringLiteral("the notes panel on a full disk"));
        QVERIFY(dock.findChild<QLabel *>()->text().startsWith(QLatin1String("Not saved:")));
        QVERIFY(editor->toPlainText().endsWith(QLatin1String("typed on a full disk"))); // the text stays

        // What was there is intact, in this session and after reopening.
        QCOMPARE(store.note(lesson), QStringLiteral("before the disk filled up"));
        QString details;
        QVERIFY2(store.integrityCheck(&details), qPrintable(details));
        store.close();
        QVERIFY2(store.open(path, &error), qPrintable(error));
        QVERIFY2(!error.contains(QLatin1String("damaged")), qPrintable(error));
        QVERIFY2(QDir(fs.path()).entryList({QStringLiteral("*.corrupt-*")}).isEmpty(), "the store was moved aside");
        QCOMPARE(store.note(lesson), QStringLiteral("before the disk filled up"));
        QVERIFY(store.isExercisePassed(lesson, QStringLiteral("exercise-1")));
        QCOMPARE(store.allNotes().size(), 1 + accepted);

        // Space back: the same store and panel save again.
        QVERIFY(QFile::remove(fs.path() + QStringLiteral("/filler")));
        dock.setLesson(QStringLiteral("lesson-new.md"));
        editor->setPlainText(QStringLiteral("typed after space came back"));
        QVERIFY(dock.saveNow());
        QCOMPARE(store.note(QStringLiteral("lesson-new.md")), QStringLiteral("typed after space came back"));
        QVERIFY(store.recordExerciseAttempt(lesson, QStringLiteral("exercise-3"), true, QStringLiteral("SELECT 3")));
        qInfo("notes accepted before the disk refused: %d", accepted);
    }

    // The application starting while the disk is full: the store (closed cleanly last time, so
    // SQLite must create its -wal and -shm files) cannot be opened for writing. That is not damage:
    // the file must stay where it is, untouched, and opening works again once there is room.
    void progressStoreOpenedOnFullDisk_data()
    {
        QTest::addColumn<qint64>("freeBytes");
        QTest::newRow("full") << qint64(0);
        QTest::newRow("8 kB left: room for the lock file, not for SQLite's shared memory") << qint64(8192);
    }
    void progressStoreOpenedOnFullDisk()
    {
        QFETCH(qint64, freeBytes);
        QTemporaryDir dir;
        test::ScratchFileSystem fs(dir.path());
        QString error;
        QVERIFY2(fs.mount(2 * 1024 * 1024, &error), qPrintable(error));
        const QString path = fs.path() + QStringLiteral("/progress.sqlite");
        {
            ProgressStore store;
            QVERIFY2(store.open(path, &error), qPrintable(error));
            QVERIFY(store.setNote(lesson, QStringLiteral("kept through a full disk")));
        }
        const QByteArray before = readAll(path);
        const qint64 filled = fs.fill(QStringLiteral("filler"), &error);
        QVERIFY2(filled > freeBytes, qPrintable(error));
        QVERIFY(QFile::resize(fs.path() + QStringLiteral("/filler"), filled - freeBytes));

        ProgressStore store;
        QString notice;
        const bool opened = store.open(path, &notice);
        qInfo("progress store opened on a full disk: %s: %s", opened ? "opened" : "not opened", qPrintable(notice));
        ++m_faults;
        QVERIFY2(!notice.contains(QLatin1String("damaged")), qPrintable(notice));
        QVERIFY2(QDir(fs.path()).entryList({QStringLiteral("*.corrupt-*")}).isEmpty(), "the store was moved aside as damaged");
        QCOMPARE(readAll(path), before);
        if (!opened) {
            QVERIFY2(!notice.isEmpty(), "no reason given");
            ++m_refusals;
        } else {
            QCOMPARE(store.note(lesson), QStringLiteral("kept through a full disk"));
        }
        store.close();
        QVERIFY(QFile::remove(fs.path() + QStringLiteral("/filler")));
        QVERIFY2(store.open(path, &notice), qPrintable(notice));
        QCOMPARE(store.note(lesson), QStringLiteral("kept through a full disk"));
    }

    void readOnlyDataFolder()
    {
        QTemporaryDir dir;
        test::ScratchFileSystem fs(dir.path());
        QString error;
        QVERIFY2(fs.mount(4 * 1024 * 1024, &error), qPrintable(error));
        const QString progressPath = fs.path() + QStringLiteral("/progress.sqlite");
        const QString worksheetPath = fs.path() + QStringLiteral("/plan.json");
        {
            ProgressStore store;
            QVERIFY2(store.open(progressPath, &error), qPrintable(error));
            QVERIFY(store.markRead(lesson));
            QVERIFY(store.setNote(lesson, QStringLiteral("written before the folder became read-only")));
        }
        Worksheet base;
        QVERIFY2(WorksheetFile::load(templatePath, &base, &error), qPrintable(error));
        QVERIFY2(WorksheetFile::save(test::generatedWorksheet(base, 1), worksheetPath, &error), qPrintable(error));
        const QStringList filesBefore = QDir(fs.path()).entryList(QDir::Files | QDir::Hidden);
        const QByteArray progressBefore = readAll(progressPath);
        const QByteArray worksheetBefore = readAll(worksheetPath);
        QVERIFY2(fs.remountReadOnly(&error), qPrintable(error));

        // The store opens read-only, shows what is there, says why it cannot save, refuses writes.
        ProgressStore store;
        QString notice;
        const bool opened = store.open(progressPath, &notice);
        QVERIFY2(opened, qPrintable(notice));
        qInfo("progress store on a read-only folder: %s", qPrintable(notice));
        QVERIFY(store.isReadOnly());
        QVERIFY2(notice.contains(QLatin1String("read-only")), qPrintable(notice));
        QCOMPARE(store.note(lesson), QStringLiteral("written before the folder became read-only"));
        QVERIFY(store.lessonProgress(lesson).read);
        const bool noteSaved = store.setNote(lesson, QStringLiteral("changed"));
        expectRefused(noteSaved, store.lastError(), QStringLiteral("a note in a read-only folder"));
        const bool progressSaved = store.markRead(QStringLiteral("other.md"));
        expectRefused(progressSaved, store.lastError(), QStringLiteral("progress in a read-only folder"));

        std::unique_ptr<WorksheetWindow> window(WorksheetWindow::openFile(worksheetPath, nullptr, &error));
        QVERIFY2(window, qPrintable(error));
        window->document()->mutableWorksheet() = test::generatedWorksheet(base, 2);
        window->document()->edited(true);
        const bool worksheetSaved = window->saveTo(worksheetPath, &error);
        expectRefused(worksheetSaved, error, QStringLiteral("worksheet save in a read-only folder"));
        QVERIFY(window->document()->isModified());
        store.close();

        QVERIFY2(fs.remountWritable(&error), qPrintable(error));
        QCOMPARE(QDir(fs.path()).entryList(QDir::Files | QDir::Hidden), filesBefore);
        QCOMPARE(readAll(progressPath), progressBefore);
        QCOMPARE(readAll(worksheetPath), worksheetBefore);
        QVERIFY2(window->saveTo(worksheetPath, &error), qPrintable(error)); // writable again: saves
    }

    void cleanupTestCase()
    {
        qInfo("faults injected: %d saves against a full or read-only file system, %d refused with a message, "
              "old data intact each time", m_faults, m_refusals);
    }
};

int main(int argc, char **argv)
{
    // Before QApplication: the mount namespace can only be entered while the process has one thread.
    test::ScratchFileSystem::enterPrivateMountNamespace(&s_namespace);
    QApplication app(argc, argv);
    FullDiskTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_fulldisk.moc"
