// Smoke test of the shell: the real main window, offscreen, with the real curriculum and plugins.

#include "backends/backendregistry.h"
#include "curriculum/curriculum.h"
#include "datasets/datasetprovider.h"
#include "lessons/lessonbridge.h"
#include "lessons/lessonlibrary.h"
#include "notes/notesexporter.h"
#include "progress/progressstore.h"
#include "search/lessonsearchindex.h"
#include "lessons/lessonschemehandler.h"
#include "lessons/lessonview.h"
#include "lessons/lessonwebprofile.h"
#include "shell/mainwindow.h"

#include <QApplication>
#include <QDockWidget>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QPrinter>
#include <QTest>
#include <QTreeView>
#include <QWebEngineView>

using namespace dblearn;

class MainWindowTest final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QString error;
        QVERIFY2(m_curriculum.load(QStringLiteral(DBLEARN_CONTENT_SOURCE_DIR "/curriculum.json"), &error),
                 qPrintable(error));
        m_registry.scan();
        // Lessons come from a fixture folder: the real curriculum plus a fixture lesson at a
        // curriculum path, so the test does not depend on which lessons are written.
        QVERIFY(m_content.isValid());
        QVERIFY(QFile::copy(QStringLiteral(DBLEARN_CONTENT_SOURCE_DIR "/curriculum.json"),
                            m_content.filePath(QStringLiteral("curriculum.json"))));
        QDir(m_content.path()).mkpath(QStringLiteral("01_foundations"));
        QFile lesson(m_content.filePath(QStringLiteral("01_foundations/01_acid_properties.md")));
        QVERIFY(lesson.open(QIODevice::WriteOnly));
        lesson.write(QFile(QStringLiteral(DBLEARN_TEST_SOURCE_DIR "/fixtures/lessons/sample_lesson.md")).exists()
                         ? readFixture()
                         : QByteArray("---\ntitle: ACID Properties\n---\n# ACID Properties\n\nAtomicity first.\n"));
        lesson.close();
    }

    void showsTheShell()
    {
        LessonWebProfile profile(m_content.path());
        MainWindow window(services(&profile));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QStringList menus;
        for (QAction *action : window.menuBar()->actions())
            menus << action->text().remove(QLatin1Char('&'));
        QCOMPARE(menus, (QStringList{QStringLiteral("File"), QStringLiteral("Edit"), QStringLiteral("View"),
                                     QStringLiteral("Go"), QStringLiteral("Worksheets"), QStringLiteral("Tools"),
                                     QStringLiteral("Help")}));

        auto *dock = window.findChild<QDockWidget *>(QStringLiteral("CurriculumDock"));
        QVERIFY(dock);
        auto *tree = dock->findChild<QTreeView *>();
        QVERIFY(tree);
        QCOMPARE(tree->model()->rowCount(), 6); // six levels

        QSignalSpy painted(&window, &MainWindow::contentPainted);
        QVERIFY(window.openLesson(QStringLiteral("01_foundations/01_acid_properties.md")));
        QVERIFY(painted.wait(30000));
        auto *tabs = window.findChild<QTabWidget *>();
        QVERIFY(tabs);
        QCOMPARE(tabs->tabText(0), QStringLiteral("ACID Properties"));
        QVERIFY(window.windowTitle().contains(QStringLiteral("ACID Properties")));

        const QImage image = window.grab().toImage();
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 400);
        // Painted means on screen: the lesson's text is in the window's picture (the light theme's
        // dark text on a light page), not the blank page before the first frame with it.
        QWidget *page = window.lessonView()->webView();
        const QRect area(page->mapTo(&window, QPoint(0, 0)), page->size());
        const QImage shown = image.copy(area.intersected(image.rect())).convertToFormat(QImage::Format_RGB32);
        const bool darkPage = qGray(shown.pixel(shown.width() / 2, 2)) < 128;
        qsizetype text = 0;
        for (int y = 0; y < shown.height(); ++y) {
            const auto *line = reinterpret_cast<const QRgb *>(shown.constScanLine(y));
            for (int x = 0; x < shown.width(); ++x)
                text += darkPage ? qGray(line[x]) > 160 : qGray(line[x]) < 96;
        }
        QVERIFY2(text > shown.width() * shown.height() / 200,
                 qPrintable(QStringLiteral("%1 text pixels of %2").arg(text).arg(shown.width() * shown.height())));
    }

    void printsTheLessonOnAPrinter()
    {
        LessonWebProfile profile(m_content.path());
        MainWindow window(services(&profile));
        window.show();
        auto printer = [] { return std::make_unique<QPrinter>(QPrinter::HighResolution); };
        QVERIFY(!window.printLesson(printer())); // no lesson open yet
        QSignalSpy painted(&window, &MainWindow::contentPainted);
        QVERIFY(window.openLesson(QStringLiteral("01_foundations/01_acid_properties.md")));
        QVERIFY(painted.wait(30000));

        // File → Print asks for a printer with the print dialog; here a PDF printer stands in.
        QTemporaryDir out;
        const QString pdf = out.filePath(QStringLiteral("printed.pdf"));
        auto first = printer();
        first->setOutputFormat(QPrinter::PdfFormat);
        first->setOutputFileName(pdf);
        QSignalSpy finished(&window, &MainWindow::printFinished);
        QVERIFY(window.printLesson(std::move(first)));
        QVERIFY(!window.printLesson(printer())); // one print at a time
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toBool(), true);
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(5).startsWith("%PDF-"));
        QVERIFY2(file.size() > 5000, qPrintable(QString::number(file.size())));
        bool inMenu = false;
        for (QAction *action : window.findChildren<QAction *>())
            inMenu |= action->shortcut() == QKeySequence(QKeySequence::Print) && !action->associatedObjects().isEmpty();
        QVERIFY(inMenu);
    }

    void refusesUnknownLesson()
    {
        LessonWebProfile profile(m_content.path());
        MainWindow window(services(&profile));
        QVERIFY(!window.openLesson(QStringLiteral("99_nowhere/none.md")));
        QVERIFY(!window.openLesson(QStringLiteral("../../etc/passwd")));
        QVERIFY(window.lessonView()->currentLesson().isEmpty());
    }

    void unwrittenLessonShowsAMessage()
    {
        LessonWebProfile profile(m_content.path());
        MainWindow window(services(&profile));
        window.show();
        QSignalSpy painted(&window, &MainWindow::contentPainted);
        // In the curriculum but not in the fixture folder: shown as an error page, no crash.
        QVERIFY(window.openLesson(QStringLiteral("06_tutorials/08_redis_tutorial.md")));
        QVERIFY(painted.wait(30000));
        // A title with '&' shows it, not a shortcut underline ("Backup _Recovery").
        QVERIFY(window.openLesson(QStringLiteral("01_foundations/18_backup_recovery.md")));
        QVERIFY(painted.wait(30000));
        QCOMPARE(window.findChild<QTabWidget *>()->tabText(0), QStringLiteral("Backup && Recovery"));
    }

    void pageActionsRunCheckAndGrade()
    {
        QTemporaryDir data;
        DatasetProvider datasets(m_registry, data.filePath(QStringLiteral("cache")), data.filePath(QStringLiteral("work")));
        ProgressStore progress;
        QString error;
        QVERIFY2(progress.open(data.filePath(QStringLiteral("progress.sqlite")), &error), qPrintable(error));
        LessonWebProfile profile(m_content.path());
        AppServices s = services(&profile);
        s.datasets = &datasets;
        s.progress = &progress;
        MainWindow window(s);
        window.show();
        QSignalSpy painted(&window, &MainWindow::contentPainted);
        const QString lesson = QStringLiteral("01_foundations/01_acid_properties.md");
        QVERIFY(window.openLesson(lesson));
        QVERIFY(painted.wait(30000));

        const RenderedLesson &rendered = profile.library()->lesson(lesson);
        QVERIFY2(rendered.ok, qPrintable(rendered.error));
        QString runnable;
        for (const CodeSnippet &snippet : rendered.snippets) {
            if (snippet.runnable)
                runnable = snippet.id;
        }
        QVERIFY(!runnable.isEmpty());
        LessonBridge *bridge = window.lessonView()->bridge();

        // Run: the last result (the plan) comes back as JSON, with the index used.
        QSignalSpy snippetResults(bridge, &LessonBridge::snippetResult);
        bridge->runSnippet(runnable);
        QVERIFY(snippetResults.wait(20000));
        QJsonObject result = QJsonDocument::fromJson(snippetResults.first().at(1).toString().toUtf8()).object();
        QVERIFY2(result.value(QStringLiteral("ok")).toBool(), qPrintable(snippetResults.first().at(1).toString()));
        QVERIFY(QJsonDocument(result.value(QStringLiteral("rows")).toArray()).toJson().contains("USING INDEX readings_sensor"));

        // Unknown ids are ignored; ids with odd characters never reach the app.
        bridge->runSnippet(QStringLiteral("snippet-999"));
        QTRY_COMPARE(snippetResults.count(), 2);
        result = QJsonDocument::fromJson(snippetResults.last().at(1).toString().toUtf8()).object();
        QVERIFY(!result.value(QStringLiteral("ok")).toBool());
        QSignalSpy runRequests(bridge, &LessonBridge::runSnippetRequested);
        bridge->runSnippet(QStringLiteral("x'); DROP TABLE t; --"));
        QCOMPARE(runRequests.count(), 0);

        // Check: the reference solution passes, a wrong answer fails with feedback.
        const Exercise &exercise = rendered.exercises.first();
        QSignalSpy exerciseResults(bridge, &LessonBridge::exerciseResult);
        bridge->checkExercise(exercise.id, exercise.solution);
        QVERIFY(exerciseResults.wait(20000));
        result = QJsonDocument::fromJson(exerciseResults.last().at(1).toString().toUtf8()).object();
        QVERIFY2(result.value(QStringLiteral("passed")).toBool(), qPrintable(exerciseResults.last().at(1).toString()));
        bridge->checkExercise(exercise.id, QStringLiteral("SELECT 1"));
        QVERIFY(exerciseResults.wait(20000));
        result = QJsonDocument::fromJson(exerciseResults.last().at(1).toString().toUtf8()).object();
        QVERIFY(!result.value(QStringLiteral("passed")).toBool());
        QVERIFY(!result.value(QStringLiteral("message")).toString().isEmpty());

        // Quiz: graded with explanations; progress recorded.
        QSignalSpy quizResults(bridge, &LessonBridge::quizResult);
        const Quiz &quiz = rendered.quizzes.first();
        int correctIndex = -1;
        for (int i = 0; i < quiz.options.size(); ++i) {
            if (quiz.options[i].correct)
                correctIndex = i;
        }
        bridge->answerQuiz(quiz.id, 0, {correctIndex});
        QCOMPARE(quizResults.count(), 1);
        result = QJsonDocument::fromJson(quizResults.first().at(2).toString().toUtf8()).object();
        QVERIFY(result.value(QStringLiteral("correct")).toBool());
        QCOMPARE(result.value(QStringLiteral("explanations")).toObject().size(), quiz.options.size());

        const LessonProgress p = progress.lessonProgress(lesson);
        QCOMPARE(p.exercisesPassed, 1);
        QCOMPARE(p.exerciseAttempts, 2);
        QCOMPARE(p.quizCorrect, 1);
    }

    void notesBookmarksAndSearch()
    {
        QTemporaryDir data;
        ProgressStore progress;
        QString error;
        QVERIFY2(progress.open(data.filePath(QStringLiteral("progress.sqlite")), &error), qPrintable(error));
        LessonSearchIndex search;
        QVERIFY2(search.build(m_curriculum, m_content.path(), &error), qPrintable(error));
        LessonWebProfile profile(m_content.path());
        AppServices s = services(&profile);
        s.progress = &progress;
        s.search = &search;
        MainWindow window(s);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // Search as you type lists sections; activating one opens the lesson.
        auto *dock = window.findChild<QDockWidget *>(QStringLiteral("CurriculumDock"));
        auto *box = dock->findChild<QLineEdit *>();
        auto *hits = dock->findChild<QListWidget *>();
        QVERIFY(box && hits);
        QTest::keyClicks(box, QStringLiteral("b-tree ind"));
        QVERIFY(hits->isVisible());
        QVERIFY(hits->count() > 0);
        QVERIFY(hits->item(0)->text().contains(QStringLiteral("ACID Properties")));
        QSignalSpy painted(&window, &MainWindow::contentPainted);
        emit hits->itemActivated(hits->item(0));
        QCOMPARE(window.lessonView()->currentLesson(), QStringLiteral("01_foundations/01_acid_properties.md"));
        QVERIFY(painted.wait(30000));

        // Notes are saved as the learner types and exported in curriculum order.
        auto *notes = window.findChild<QDockWidget *>(QStringLiteral("NotesDock"));
        auto *editor = notes->findChild<QPlainTextEdit *>();
        QVERIFY(editor && editor->isEnabled());
        QTest::keyClicks(editor, QStringLiteral("Covering index = no table lookup"));
        QTRY_COMPARE_WITH_TIMEOUT(progress.note(QStringLiteral("01_foundations/01_acid_properties.md")),
                                  QStringLiteral("Covering index = no table lookup"), 5000);
        const QByteArray exported = NotesExporter::toMarkdown(progress, m_curriculum);
        QVERIFY(exported.contains("## ACID Properties"));
        QVERIFY(exported.contains("Covering index = no table lookup"));
        const QString exportFile = data.filePath(QStringLiteral("notes.md"));
        QVERIFY(NotesExporter::exportTo(exportFile, progress, m_curriculum, &error));
        QFile written(exportFile);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), exported);
        QVERIFY(!NotesExporter::exportTo(QStringLiteral("/proc/no/such/dir/notes.md"), progress, m_curriculum, &error));
        QVERIFY(!error.isEmpty());

        // Ctrl+D bookmarks the lesson.
        QAction *bookmark = nullptr;
        for (QAction *action : window.findChildren<QAction *>()) {
            if (action->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_D))
                bookmark = action;
        }
        QVERIFY(bookmark);
        bookmark->trigger();
        QCOMPARE(progress.bookmarks().size(), 1);
        QCOMPARE(progress.bookmarks().first().title, QStringLiteral("ACID Properties"));

        // The progress page opens as a tab with charts and a summary.
        QAction *progressAction = nullptr;
        for (QAction *action : window.findChildren<QAction *>()) {
            if (action->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P))
                progressAction = action;
        }
        QVERIFY(progressAction);
        progress.markRead(QStringLiteral("01_foundations/01_acid_properties.md"));
        progressAction->trigger();
        auto *tabs = window.findChild<QTabWidget *>();
        QCOMPARE(tabs->count(), 2);
        QCOMPARE(tabs->tabText(1), QStringLiteral("Progress"));
        bool summarised = false;
        for (QLabel *label : tabs->widget(1)->findChildren<QLabel *>())
            summarised = summarised || label->text().startsWith(QStringLiteral("1 of 116 lessons read"));
        QVERIFY(summarised);
        if (qEnvironmentVariableIsSet("DBLEARN_TEST_SCREENSHOTS"))
            window.grab().save(qEnvironmentVariable("DBLEARN_TEST_SCREENSHOTS") + QStringLiteral("/progress.png"));
    }

private:
    AppServices services(LessonWebProfile *profile)
    {
        AppServices s;
        s.registry = &m_registry;
        s.curriculum = &m_curriculum;
        s.webProfile = profile;
        return s;
    }

    QByteArray readFixture()
    {
        QFile f(QStringLiteral(DBLEARN_TEST_SOURCE_DIR "/fixtures/lessons/sample_lesson.md"));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    Curriculum m_curriculum;
    BackendRegistry m_registry;
    QTemporaryDir m_content;
};

int main(int argc, char *argv[])
{
    LessonSchemeHandler::registerScheme();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("dblearn-tests"));
    MainWindowTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_mainwindow.moc"
