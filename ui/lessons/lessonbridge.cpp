#include "lessonbridge.h"

namespace dblearn {

LessonBridge::LessonBridge(QObject *parent) : QObject(parent) {}

bool LessonBridge::isValidId(const QString &id)
{
    if (id.isEmpty() || id.size() > 64)
        return false;
    for (const QChar c : id) {
        if (!(c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_')) || c.unicode() > 127)
            return false;
    }
    return true;
}

void LessonBridge::pageReady()
{
    emit pageReadyReported();
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

} // namespace dblearn
