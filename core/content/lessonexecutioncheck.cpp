#include "content/lessonexecutioncheck.h"

#include "backends/databasebackend.h"
#include "checker/exercisechecker.h"
#include "content/snippetexecutor.h"
#include "datasets/datasetbuilder.h"
#include "datasets/datasetprovider.h"
#include "datasets/snippetsandbox.h"
#include "lessons/renderedlesson.h"

namespace dblearn {

namespace {

// The file line of `offset` in `text` whose first line is file line `firstLine`.
int lineAt(const QString &text, int offset, int firstLine)
{
    if (offset < 0 || firstLine <= 0)
        return firstLine;
    return firstLine + int(QStringView(text).left(qMin<qsizetype>(offset, text.size())).count(QLatin1Char('\n')));
}

// "The exercise's reference solution failed" → "the exercise's ...", to follow "exercise 'x': ".
QString uncapitalized(const QString &text)
{
    if (text.size() > 1 && text.at(1).isUpper())
        return text; // "SQL …"
    return text.isEmpty() ? text : text.left(1).toLower() + text.mid(1);
}

QString seconds(int ms)
{
    return QString::number(ms / 1000.0, 'g', 3) + QStringLiteral(" s");
}

} // namespace

LessonExecutionCheck::LessonExecutionCheck(DatasetProvider &datasets, Settings settings,
                                           const std::atomic<bool> *cancelled)
    : m_datasets(datasets), m_settings(std::move(settings)), m_cancelled(cancelled)
{}

void LessonExecutionCheck::check(const RenderedLesson &lesson, LessonReport *report) const
{
    for (const CodeSnippet &snippet : lesson.snippets) {
        if (snippet.runnable && !m_cancelled->load())
            runSnippet(snippet, report);
    }
    for (const Exercise &exercise : lesson.exercises) {
        if (!m_cancelled->load())
            runExercise(exercise, report);
    }
}

bool LessonExecutionCheck::shouldRun(const QString &engine, const QStringList &datasets, LessonReport *report) const
{
    for (const QString &dataset : datasets) {
        if (!dataset.isEmpty() && !m_settings.datasetNames.contains(dataset))
            return false;
    }
    if (!m_settings.engines.contains(engine)) {
        ++report->skipped;
        return false;
    }
    return true;
}

void LessonExecutionCheck::runSnippet(const CodeSnippet &snippet, LessonReport *report) const
{
    if (!shouldRun(snippet.engine, {snippet.dataset}, report))
        return;
    auto error = [&](int line, const QString &message) {
        report->errors.append(ContentIssue{ContentIssue::Severity::Error, report->path, line, message});
    };
    QString openError;
    std::unique_ptr<DatabaseConnection> connection =
        SnippetSandbox::open(m_datasets, snippet.engine, snippet.dataset, DatasetOptions::defaultSeed, &openError);
    if (!connection) {
        error(snippet.line, QStringLiteral("the runnable block could not be run: %1").arg(openError));
        return;
    }
    const SnippetOutcome outcome = SnippetExecutor::run(*connection, snippet.code, m_settings.blockTimeoutMs);
    SnippetSandbox::end(*connection, snippet.engine);
    connection.reset();
    ++report->executed;
    if (outcome.ok)
        return;
    const int line = snippet.line + 1 + qMax(0, outcome.errorLine(snippet.code));
    if (outcome.timedOut) {
        error(line, QStringLiteral("the runnable block (line %1) ran longer than %2 and was stopped")
                        .arg(snippet.line)
                        .arg(seconds(m_settings.blockTimeoutMs)));
    } else {
        error(line, QStringLiteral("the runnable block (line %1) fails on %2%3: %4")
                        .arg(snippet.line)
                        .arg(snippet.engine,
                             snippet.dataset.isEmpty() ? QStringLiteral(" (empty database)")
                                                       : QStringLiteral(" (dataset %1)").arg(snippet.dataset),
                             outcome.error.message));
    }
}

void LessonExecutionCheck::runExercise(const Exercise &exercise, LessonReport *report) const
{
    if (!shouldRun(exercise.engine, QStringList{exercise.dataset} + exercise.variantDatasets, report))
        return;
    const bool sqlite = exercise.engine == QLatin1String("sqlite");
    ExerciseSpec spec;
    spec.referenceSql = exercise.solution;
    spec.verifySql = exercise.verify;
    spec.ordered = exercise.ordered;
    spec.floatTolerance = exercise.floatTolerance;
    spec.checkColumnNames = exercise.checkColumnNames;
    spec.timeoutMs = m_settings.exerciseTimeoutMs;
    // As the app checks: a fresh copy per run on SQLite; a rolled-back transaction on PostgreSQL.
    spec.isolation = exercise.engine == QLatin1String("postgresql") ? ExerciseSpec::Isolation::Transaction
                                                                    : ExerciseSpec::Isolation::FreshConnection;

    DatasetProvider *datasets = &m_datasets;
    const QString engine = exercise.engine;
    CheckTargets targets;
    const QString dataset = exercise.dataset;
    targets.primary = [datasets, engine, dataset](QString *error) {
        return datasets->openFresh(engine, dataset, DatasetOptions::defaultSeed, error);
    };
    if (sqlite && !dataset.isEmpty()) {
        targets.variants.push_back([datasets, engine, dataset](QString *error) {
            return datasets->openFresh(engine, dataset, DatasetProvider::variantSeed(), error);
        });
    }
    if (sqlite) {
        for (const QString &variant : exercise.variantDatasets) {
            targets.variants.push_back([datasets, engine, variant](QString *error) {
                return datasets->openFresh(engine, variant, DatasetOptions::defaultSeed, error);
            });
        }
    }

    ExerciseChecker checker(std::move(targets));
    const CheckResult result = checker.check(spec, exercise.solution);
    ++report->executed;
    const QString what = QStringLiteral("exercise '%1'").arg(exercise.id);
    auto error = [&](int line, const QString &message) {
        report->errors.append(ContentIssue{ContentIssue::Severity::Error, report->path, line, message});
    };
    switch (result.verdict) {
    case CheckResult::Verdict::Pass:
        return;
    case CheckResult::Verdict::AuthoringError: {
        // Which part failed: the check query's messages name it.
        const bool verify = exercise.isDml() && result.message.contains(QLatin1String("check query"));
        const int line = verify ? lineAt(exercise.verify, result.error.position, exercise.verifyLine)
                                : lineAt(exercise.solution, result.error.position, exercise.solutionLine);
        error(line > 0 ? line : exercise.line, what + QStringLiteral(": ") + uncapitalized(result.message));
        return;
    }
    case CheckResult::Verdict::Fail: {
        // Its own answer judged wrong: the solution is not deterministic (random(), an unordered
        // LIMIT, ties under ordered: true) or differs between the runs.
        const QString message = what
                                + QStringLiteral(": the reference solution does not pass its own exercise "
                                                 "(is its result deterministic?): ")
                                + uncapitalized(result.message);
        error(exercise.solutionLine > 0 ? exercise.solutionLine : exercise.line, message);
        return;
    }
    case CheckResult::Verdict::Unavailable:
        error(exercise.line, what + QStringLiteral(" could not be checked: ") + uncapitalized(result.message));
        return;
    }
}

} // namespace dblearn
