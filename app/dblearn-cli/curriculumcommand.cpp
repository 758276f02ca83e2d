#include "clicontext.h"
#include "commands.h"

#include "curriculum/curriculum.h"
#include "support/apppaths.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace dblearn::cli {

int curriculumCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List the learning path: levels, sections and lessons."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption content(QStringLiteral("content"), QStringLiteral("Content folder."), QStringLiteral("DIR"),
                                     AppPaths::contentDir());
    parser.addOptions({json, content});
    if (const int code = parseCommand(parser, QStringLiteral("curriculum"), args); code >= 0)
        return code;

    const QDir contentDir(parser.value(content));
    Curriculum curriculum;
    QString error;
    if (!curriculum.load(contentDir.filePath(QStringLiteral("curriculum.json")), &error))
        return fail(error);

    const auto written = [&](const LessonEntry &lesson) {
        return QFileInfo(contentDir.filePath(lesson.path)).isFile();
    };
    int writtenCount = 0;
    for (const LessonEntry &lesson : curriculum.lessons())
        writtenCount += written(lesson) ? 1 : 0;

    if (parser.isSet(json)) {
        QJsonArray levels;
        for (const CurriculumLevel &level : curriculum.levels()) {
            QJsonArray sections;
            for (const CurriculumSection &section : level.sections) {
                QJsonArray lessons;
                for (int index : section.lessons) {
                    const LessonEntry &lesson = curriculum.lessons()[index];
                    lessons.append(QJsonObject{{QStringLiteral("path"), lesson.path},
                                               {QStringLiteral("title"), lesson.title},
                                               {QStringLiteral("description"), lesson.description},
                                               {QStringLiteral("written"), written(lesson)}});
                }
                sections.append(QJsonObject{{QStringLiteral("title"), section.title}, {QStringLiteral("lessons"), lessons}});
            }
            levels.append(QJsonObject{{QStringLiteral("number"), level.number},
                                      {QStringLiteral("title"), level.title},
                                      {QStringLiteral("sections"), sections}});
        }
        const QJsonObject root{{QStringLiteral("levels"), levels},
                               {QStringLiteral("lessonCount"), int(curriculum.lessons().size())},
                               {QStringLiteral("writtenCount"), writtenCount}};
        out() << QJsonDocument(root).toJson(QJsonDocument::Indented);
        out().flush();
        return 0;
    }
    for (const CurriculumLevel &level : curriculum.levels()) {
        out() << "Level " << level.number << ": " << level.title << '\n';
        for (const CurriculumSection &section : level.sections) {
            out() << "  " << section.title << '\n';
            for (int index : section.lessons) {
                const LessonEntry &lesson = curriculum.lessons()[index];
                out() << "    " << (written(lesson) ? "[x] " : "[ ] ") << lesson.title << "  (" << lesson.path << ")\n";
            }
        }
    }
    out() << curriculum.lessons().size() << " lessons, " << writtenCount << " written\n";
    out().flush();
    return 0;
}

} // namespace dblearn::cli
