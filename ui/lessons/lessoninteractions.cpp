#include "lessoninteractions.h"

#include "lessonbridge.h"
#include "lessonview.h"

#include "backends/queryrunner.h"
#include "checker/exercisechecker.h"
#include "datasets/datasetbuilder.h"
#include "datasets/datasetprovider.h"
#include "datasets/snippetsandbox.h"
#include "lessons/lessonlibrary.h"
#include "progress/progressstore.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

namespace dblearn {

namespace {

QString toJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString errorJson(const QString &message)
{
    return toJson({{QStringLiteral("ok"), false}, {QStringLiteral("error"), message}});
}

QString engineOf(const QString &engine)
{
    return engine.isEmpty() ? QStringLiteral("sqlite") : engine;
}

// Collects what a snippet run shows inline: the last result with rows, or the last message.
struct SnippetRun {
    QJsonArray columns;
    QJsonArray rows;
    qint64 rowCount = 0;
    bool truncated = false;
    qint64 rowsAffected = -1;
    QString error;
    QElapsedTimer timer;
};

QJsonValue cellJson(const RowBatch &batch, int row, int column)
{
    switch (batch.kindAt(row, column)) {
    case ValueKind::Null:
        return QJsonValue::Null;
    case ValueKind::Integer:
        return QJsonValue(double(batch.integerAt(row, column)));
    case ValueKind::Real:
        return QJsonValue(batch.realAt(row, column));
    default:
        return QJsonValue(batch.textAt(row, column).left(2000));
    }
}

} // namespace

LessonInteractions::LessonInteractions(LessonView *view, LessonLibrary *library, DatasetProvider *datasets,
                                       ProgressStore *progress, QObject *parent)
    : QObject(parent), m_view(view), m_bridge(view->bridge()), m_library(library), m_datasets(datasets),
      m_progress(progress)
{
    connect(m_bridge, &LessonBridge::runSnippetRequested, this, &LessonInteractions::runSnippet);
    connect(m_bridge, &LessonBridge::openInConsoleRequested, this, &LessonInteractions::openInConsole);
    connect(m_bridge, &LessonBridge::openWorksheetRequested, this, &LessonInteractions::openWorksheet);
    connect(m_bridge, &LessonBridge::checkExerciseRequested, this, &LessonInteractions::checkExercise);
    connect(m_bridge, &LessonBridge::revealSolutionRequested, this, &LessonInteractions::revealSolution);
    connect(m_bridge, &LessonBridge::answerQuizRequested, this, &LessonInteractions::answerQuiz);
}

LessonInteractions::~LessonInteractions()
{
    for (const QPointer<QueryRunner> &runner : std::as_const(m_running)) {
        if (runner)
            runner->cancel();
    }
    // Checks stop by themselves within their time limits; wait so none outlives its data.
    for (const QPointer<QThread> &thread : std::as_const(m_checks)) {
        if (thread)
            thread->wait();
    }
}

void LessonInteractions::runSnippet(const QString &snippetId)
{
    const QString lessonPath = m_view->currentLesson();
    const CodeSnippet *snippet = m_library->lesson(lessonPath).snippet(snippetId);
    if (!snippet || !snippet->runnable) {
        emit m_bridge->snippetResult(snippetId, errorJson(tr("This code block cannot be run.")));
        return;
    }
    if (QPointer<QueryRunner> running = m_running.value(snippetId); running && running->isBusy())
        return; // already running; the page shows it
    // Run as the content check ran it (SnippetSandbox): on a fresh copy, or in a transaction that
    // ends uncommitted when the runner drops the connection, so the output is the one the lesson
    // describes and the learner's working copy is left as it was. The console keeps changes.
    QString error;
    std::unique_ptr<DatabaseConnection> connection =
        SnippetSandbox::open(*m_datasets, engineOf(snippet->engine), snippet->dataset, DatasetOptions::defaultSeed, &error);
    if (!connection) {
        emit m_bridge->snippetResult(snippetId, errorJson(error));
        return;
    }
    auto *runner = new QueryRunner(std::move(connection), this);
    m_running.insert(snippetId, runner);
    auto run = std::make_shared<SnippetRun>();
    run->timer.start();
    connect(runner, &QueryRunner::statementStarted, this,
            [run](int, int, int, const ColumnList &columns) {
                if (columns.isEmpty())
                    return;
                run->columns = {};
                for (const Column &c : columns)
                    run->columns.append(c.name);
                run->rows = {};
                run->rowCount = 0;
                run->truncated = false;
            });
    connect(runner, &QueryRunner::rowsReady, this, [run](int, const RowBatch &batch) {
        for (int r = 0; r < batch.rowCount(); ++r) {
            QJsonArray row;
            for (int c = 0; c < batch.columnCount(); ++c)
                row.append(cellJson(batch, r, c));
            run->rows.append(row);
        }
        run->rowCount += batch.rowCount();
    });
    connect(runner, &QueryRunner::statementFinished, this,
            [run](int, const StatementStatus &status, bool truncated) {
                if (!status.ok)
                    run->error = status.error.message;
                if (truncated)
                    run->truncated = true;
                if (status.ok && !status.hasRows)
                    run->rowsAffected = status.rowsAffected;
            });
    connect(runner, &QueryRunner::finished, this, [this, run, runner, snippetId, lessonPath](bool ok) {
        QJsonObject result{{QStringLiteral("ok"), ok},
                           {QStringLiteral("columns"), run->columns},
                           {QStringLiteral("rows"), run->rows},
                           {QStringLiteral("rowCount"), double(run->rowCount)},
                           {QStringLiteral("truncated"), run->truncated},
                           {QStringLiteral("elapsedMs"), double(run->timer.elapsed())}};
        if (!ok)
            result.insert(QStringLiteral("error"), run->error);
        if (run->columns.isEmpty() && run->rowsAffected >= 0)
            result.insert(QStringLiteral("rowsAffected"), double(run->rowsAffected));
        if (m_view->currentLesson() == lessonPath)
            emit m_bridge->snippetResult(snippetId, toJson(result));
        m_running.remove(snippetId);
        runner->deleteLater();
    });
    runner->run(snippet->code, inlineRowLimit);
}

void LessonInteractions::openInConsole(const QString &snippetId)
{
    const CodeSnippet *snippet = m_library->lesson(m_view->currentLesson()).snippet(snippetId);
    if (snippet)
        emit openInConsoleRequested(engineOf(snippet->engine), snippet->dataset, snippet->code);
}

void LessonInteractions::openWorksheet(const QString &templateId)
{
    for (const WorksheetLink &link : m_library->lesson(m_view->currentLesson()).worksheets) {
        if (link.templateId == templateId) {
            emit openWorksheetRequested(templateId);
            return;
        }
    }
}

void LessonInteractions::revealSolution(const QString &exerciseId)
{
    const Exercise *exercise = m_library->lesson(m_view->currentLesson()).exercise(exerciseId);
    if (exercise)
        emit m_bridge->solutionRevealed(exerciseId, exercise->solution);
}

void LessonInteractions::answerQuiz(const QString &quizId, int question, const QList<int> &options)
{
    const QString lessonPath = m_view->currentLesson();
    const Quiz *quiz = m_library->lesson(lessonPath).quiz(quizId);
    if (!quiz || question != 0)
        return;
    QStringList chosen;
    for (int index : options) {
        if (index < 0 || index >= quiz->options.size())
            return;
        chosen << quiz->options[index].id;
    }
    const bool correct = quiz->isCorrectAnswer(chosen);
    QJsonObject explanations;
    for (const QuizOption &option : quiz->options)
        explanations.insert(option.id, option.explanation);
    const QJsonObject result{{QStringLiteral("correct"), correct},
                             {QStringLiteral("explanations"), explanations},
                             {QStringLiteral("correctOptions"), QJsonArray::fromStringList(quiz->correctOptionIds())}};
    emit m_bridge->quizResult(quizId, question, toJson(result));
    if (m_progress) {
        m_progress->recordQuizAnswer(lessonPath, quizId, question, options, correct);
        emit progressChanged(lessonPath);
    }
}

void LessonInteractions::checkExercise(const QString &exerciseId, const QString &learnerSql)
{
    const QString lessonPath = m_view->currentLesson();
    const Exercise *exercise = m_library->lesson(lessonPath).exercise(exerciseId);
    if (!exercise)
        return;
    ExerciseSpec spec;
    spec.referenceSql = exercise->solution;
    spec.verifySql = exercise->verify;
    spec.ordered = exercise->ordered;
    spec.floatTolerance = exercise->floatTolerance;
    spec.checkColumnNames = exercise->checkColumnNames;
    spec.isolation = ExerciseSpec::Isolation::FreshConnection;

    const QString engine = engineOf(exercise->engine);
    const QString dataset = exercise->dataset;
    DatasetProvider *datasets = m_datasets;
    CheckTargets targets;
    targets.primary = [datasets, engine, dataset](QString *error) {
        return datasets->openFresh(engine, dataset, DatasetOptions::defaultSeed, error);
    };
    if (!dataset.isEmpty()) {
        targets.variants.push_back([datasets, engine, dataset](QString *error) {
            return datasets->openFresh(engine, dataset, DatasetProvider::variantSeed(), error);
        });
    }

    auto result = std::make_shared<CheckResult>();
    QThread *thread = QThread::create([targets, spec, learnerSql, result] {
        ExerciseChecker checker(targets);
        *result = checker.check(spec, learnerSql);
    });
    connect(thread, &QThread::finished, this, [this, thread, result, exerciseId, lessonPath, learnerSql] {
        m_checks.removeAll(thread);
        thread->deleteLater();
        QJsonObject json{{QStringLiteral("passed"), result->passed()},
                         {QStringLiteral("message"), result->message},
                         {QStringLiteral("details"), QJsonArray::fromStringList(result->details + result->hints)},
                         {QStringLiteral("verdict"), ExerciseChecker::verdictName(result->verdict)}};
        if (m_view->currentLesson() == lessonPath)
            emit m_bridge->exerciseResult(exerciseId, toJson(json));
        if (m_progress && result->verdict != CheckResult::Verdict::AuthoringError
            && result->verdict != CheckResult::Verdict::Unavailable) {
            m_progress->recordExerciseAttempt(lessonPath, exerciseId, result->passed(), learnerSql);
            emit progressChanged(lessonPath);
        }
    });
    m_checks << thread;
    thread->start();
}

} // namespace dblearn
