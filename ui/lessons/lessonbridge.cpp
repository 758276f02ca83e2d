#include "lessonbridge.h"

namespace dblearn {

namespace {
constexpr int maxQuizOptions = 26;
}

LessonBridge::LessonBridge(QObject *parent) : QObject(parent) {}

bool LessonBridge::isValidId(const QString &id)
{
    if (id.isEmpty() || id.size() > 64)
        return false;
    for (const QChar c : id) {
        const bool allowed = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
                             || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-')
                             || c == QLatin1Char('_') || c == QLatin1Char('.');
        if (!allowed)
            return false;
    }
    return true;
}

void LessonBridge::pageReady(int generation)
{
    emit pageReadyReported(generation);
}

void LessonBridge::diagramsDrawn(int generation)
{
    emit diagramsDrawnReported(generation);
}

void LessonBridge::runSnippet(const QString &snippetId)
{
    if (isValidId(snippetId))
        emit runSnippetRequested(snippetId);
}

void LessonBridge::openInConsole(const QString &snippetId)
{
    if (isValidId(snippetId))
        emit openInConsoleRequested(snippetId);
}

void LessonBridge::openWorksheet(const QString &templateId)
{
    if (isValidId(templateId))
        emit openWorksheetRequested(templateId);
}

void LessonBridge::checkExercise(const QString &exerciseId, const QString &learnerSql)
{
    if (isValidId(exerciseId) && learnerSql.size() <= maxAnswerLength)
        emit checkExerciseRequested(exerciseId, learnerSql);
}

void LessonBridge::revealSolution(const QString &exerciseId)
{
    if (isValidId(exerciseId))
        emit revealSolutionRequested(exerciseId);
}

void LessonBridge::answerQuiz(const QString &quizId, int question, const QVariantList &options)
{
    if (!isValidId(quizId) || question < 0 || question > 1000 || options.size() > maxQuizOptions)
        return;
    QList<int> chosen;
    for (const QVariant &option : options) {
        bool ok = false;
        const int index = option.toInt(&ok);
        if (!ok || index < 0 || index >= maxQuizOptions)
            return;
        if (!chosen.contains(index))
            chosen << index;
    }
    emit answerQuizRequested(quizId, question, chosen);
}

} // namespace dblearn
