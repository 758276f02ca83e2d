#include "content/contentreport.h"

#include <QJsonArray>

namespace dblearn {

namespace {

QJsonArray messages(const QList<ContentIssue> &issues)
{
    QJsonArray list;
    for (const ContentIssue &issue : issues)
        list.append(issue.toString());
    return list;
}

} // namespace

QString ContentIssue::toString() const
{
    QString text = path;
    if (line > 0)
        text += QLatin1Char(':') + QString::number(line);
    if (!text.isEmpty())
        text += QStringLiteral(": ");
    return text + (isError() ? QString() : QStringLiteral("warning: ")) + message;
}

QJsonObject LessonReport::toJson() const
{
    return QJsonObject{
        {QStringLiteral("path"), path},
        {QStringLiteral("title"), title},
        {QStringLiteral("words"), words},
        {QStringLiteral("runnable"), runnable},
        {QStringLiteral("exercises"), exercises},
        {QStringLiteral("quizQuestions"), quizQuestions},
        {QStringLiteral("diagrams"), diagrams},
        {QStringLiteral("references"), references},
        {QStringLiteral("executed"), executed},
        {QStringLiteral("skipped"), skipped},
        {QStringLiteral("elapsedMs"), elapsedMs},
        {QStringLiteral("errors"), messages(errors)},
        {QStringLiteral("warnings"), messages(warnings)},
    };
}

int ContentReport::writtenLessons() const
{
    int n = 0;
    for (const LessonReport &lesson : lessons)
        n += lesson.written ? 1 : 0;
    return n;
}

int ContentReport::errorCount() const
{
    qsizetype n = errors.size();
    for (const LessonReport &lesson : lessons)
        n += lesson.errors.size();
    return int(n);
}

int ContentReport::warningCount() const
{
    qsizetype n = warnings.size();
    for (const LessonReport &lesson : lessons)
        n += lesson.warnings.size();
    return int(n);
}

int ContentReport::skippedCount() const
{
    int n = 0;
    for (const LessonReport &lesson : lessons)
        n += lesson.skipped;
    return n;
}

int ContentReport::lessonsWithErrors() const
{
    int n = 0;
    for (const LessonReport &lesson : lessons)
        n += lesson.errors.isEmpty() ? 0 : 1;
    return n;
}

QList<ContentIssue> ContentReport::allIssues() const
{
    QList<ContentIssue> all;
    for (const LessonReport &lesson : lessons)
        all << lesson.errors << lesson.warnings;
    all << errors << warnings;
    return all;
}

QJsonObject ContentReport::toJson() const
{
    QJsonArray written;
    QJsonArray notWritten;
    for (const LessonReport &lesson : lessons) {
        if (lesson.written)
            written.append(lesson.toJson());
        else
            notWritten.append(lesson.path);
    }
    const QJsonObject summary{
        {QStringLiteral("written"), writtenLessons()}, {QStringLiteral("total"), totalLessons()},
        {QStringLiteral("errors"), errorCount()},      {QStringLiteral("warnings"), warningCount()},
        {QStringLiteral("skipped"), skippedCount()},   {QStringLiteral("lessonsWithErrors"), lessonsWithErrors()},
        {QStringLiteral("elapsedMs"), elapsedMs},
    };
    return QJsonObject{
        {QStringLiteral("contentDir"), contentDir},       {QStringLiteral("lessons"), written},
        {QStringLiteral("notWritten"), notWritten},       {QStringLiteral("errors"), messages(errors)},
        {QStringLiteral("warnings"), messages(warnings)}, {QStringLiteral("summary"), summary},
    };
}

} // namespace dblearn
