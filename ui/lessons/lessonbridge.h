#pragma once

#include <QObject>
#include <QString>
#include <QVariantList>

namespace dblearn {

// The only object a lesson page can reach (through QWebChannel, in its own JavaScript world; see
// resources/web/lesson-bridge.js). It accepts ids of things the app already holds — snippets,
// exercises, quizzes — never SQL text, except a learner's own answer to an exercise. Calls with
// malformed ids or arguments are dropped. Replies go back to the page as signals carrying JSON.
class LessonBridge final : public QObject
{
    Q_OBJECT
public:
    explicit LessonBridge(QObject *parent = nullptr);

    static constexpr int maxAnswerLength = 100000; // characters of a learner's SQL

public slots:
    void pageReady(int generation);
    void diagramsDrawn(int generation);
    void runSnippet(const QString &snippetId);
    void openInConsole(const QString &snippetId);
    void openWorksheet(const QString &templateId);
    void checkExercise(const QString &exerciseId, const QString &learnerSql);
    void revealSolution(const QString &exerciseId);
    void answerQuiz(const QString &quizId, int question, const QVariantList &options);

signals:
    // To the page:
    void snippetResult(const QString &snippetId, const QString &json);
    void exerciseResult(const QString &exerciseId, const QString &json);
    void solutionRevealed(const QString &exerciseId, const QString &sql);
    void quizResult(const QString &quizId, int question, const QString &json);
    // The next lesson, shown without a page load: {generation, url, title, html, anchor}.
    void lessonDelivered(const QString &json);

    // To the app (already validated):
    void pageReadyReported(int generation);
    void diagramsDrawnReported(int generation);
    void runSnippetRequested(const QString &snippetId);
    void openInConsoleRequested(const QString &snippetId);
    void openWorksheetRequested(const QString &templateId);
    void checkExerciseRequested(const QString &exerciseId, const QString &learnerSql);
    void revealSolutionRequested(const QString &exerciseId);
    void answerQuizRequested(const QString &quizId, int question, const QList<int> &options);

private:
    static bool isValidId(const QString &id);
};

} // namespace dblearn
