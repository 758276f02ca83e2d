#include "clicontext.h"
#include "commands.h"
#include "lessons/lessonlibrary.h"
#include "lessons/lessonpagetemplate.h"
#include "lessons/markdownrenderer.h"
#include "support/apppaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cstdio>

namespace dblearn::cli {

int renderCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Print a lesson's HTML: the complete page (light theme) or, with --body-only, the body the "
                       "renderer makes. Exit code 1 when the lesson cannot be rendered."));
    parser.addPositionalArgument(QStringLiteral("LESSON"),
                                 QStringLiteral("A lesson path as in the curriculum (relative to the content folder), "
                                                "or a markdown file."));
    const QCommandLineOption content(QStringLiteral("content"), QStringLiteral("Content folder."),
                                     QStringLiteral("DIR"), AppPaths::contentDir());
    const QCommandLineOption bodyOnly(QStringLiteral("body-only"),
                                      QStringLiteral("Print only the lesson's body HTML."));
    const QCommandLineOption theme(QStringLiteral("theme"), QStringLiteral("light (default) or dark."),
                                   QStringLiteral("THEME"), QStringLiteral("light"));
    parser.addOptions({content, bodyOnly, theme});
    if (const int code = parseCommand(parser, QStringLiteral("render"), args); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1)
        return fail(QStringLiteral("render needs one lesson path or markdown file"), 2);

    // A path inside the content folder first (the curriculum's names), else a file as given.
    const QString argument = parser.positionalArguments().first();
    const LessonLibrary library(parser.value(content));
    QString filePath = library.filePath(argument);
    if (filePath.isEmpty() || !QFileInfo(filePath).isFile())
        filePath = QFileInfo(argument).absoluteFilePath();
    const QFileInfo info(filePath);
    if (!info.exists())
        return fail(QStringLiteral("%1: no such lesson in %2, and no such file").arg(argument, library.contentDir()));
    if (!info.isFile())
        return fail(QStringLiteral("%1: not a file").arg(argument));
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("%1: %2").arg(argument, file.errorString()));

    const RenderedLesson lesson = MarkdownRenderer().render(file.read(qint64(MarkdownRenderer::maxLessonBytes) + 1));
    if (!lesson.ok)
        return fail(QStringLiteral("%1: %2").arg(argument, lesson.error));

    // Problems that do not stop rendering go to stderr; the content check is where they fail.
    for (const QString &message : lesson.errors)
        err() << argument << ": error: " << message << '\n';
    for (const QString &message : lesson.warnings)
        err() << argument << ": warning: " << message << '\n';
    err().flush();

    const QByteArray html = parser.isSet(bodyOnly)
                                ? lesson.bodyHtml
                                : LessonPageTemplate::page(lesson.title, lesson.pageBodyHtml(), parser.value(theme));
    out().flush();
    std::fwrite(html.constData(), 1, size_t(html.size()), stdout);
    std::fflush(stdout);
    return 0;
}

} // namespace dblearn::cli
