#include "clicontext.h"
#include "commands.h"
#include "curriculum/curriculum.h"
#include "search/lessonsearchindex.h"
#include "support/apppaths.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace dblearn::cli {

int searchCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Search the written lessons as the app does: every word must match, the last one as a prefix. "
                       "Matched words are shown in [[ ]]."));
    parser.addPositionalArgument(QStringLiteral("QUERY"), QStringLiteral("The words to search for."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption content(QStringLiteral("content"), QStringLiteral("Content folder."),
                                     QStringLiteral("DIR"), AppPaths::contentDir());
    const QCommandLineOption limit(QStringLiteral("limit"), QStringLiteral("At most N hits (default 30)."),
                                   QStringLiteral("N"), QStringLiteral("30"));
    parser.addOptions({json, content, limit});
    if (const int code = parseCommand(parser, QStringLiteral("search"), args); code >= 0)
        return code;
    if (parser.positionalArguments().isEmpty())
        return fail(QStringLiteral("search needs a QUERY"), 2);
    bool ok = false;
    const int maxHits = parser.value(limit).toInt(&ok);
    if (!ok || maxHits < 1)
        return fail(QStringLiteral("--limit needs a whole number of at least 1"), 2);
    const QString query = parser.positionalArguments().join(QLatin1Char(' '));

    const QDir contentDir(parser.value(content));
    Curriculum curriculum;
    QString error;
    if (!curriculum.load(contentDir.filePath(QStringLiteral("curriculum.json")), &error))
        return fail(error);
    LessonSearchIndex index;
    if (!index.build(curriculum, contentDir.path(), &error))
        return fail(QStringLiteral("the search index could not be built: %1").arg(error));
    const QList<SearchHit> hits = index.search(query, maxHits);

    if (parser.isSet(json)) {
        QJsonArray list;
        for (const SearchHit &hit : hits) {
            list.append(QJsonObject{{QStringLiteral("path"), hit.lessonPath},
                                    {QStringLiteral("title"), hit.lessonTitle},
                                    {QStringLiteral("heading"), hit.heading},
                                    {QStringLiteral("anchor"), hit.anchor},
                                    {QStringLiteral("snippet"), hit.snippet},
                                    {QStringLiteral("rank"), hit.rank}});
        }
        const QJsonObject root{{QStringLiteral("query"), query},
                               {QStringLiteral("sections"), index.sectionCount()},
                               {QStringLiteral("hits"), list}};
        out() << QJsonDocument(root).toJson(QJsonDocument::Indented);
        out().flush();
        return 0;
    }
    for (const SearchHit &hit : hits) {
        out() << hit.lessonPath;
        if (!hit.anchor.isEmpty())
            out() << '#' << hit.anchor;
        out() << "  " << hit.lessonTitle;
        if (!hit.heading.isEmpty())
            out() << " > " << hit.heading;
        out() << "\n    " << hit.snippet.simplified() << '\n';
    }
    out() << hits.size() << (hits.size() == 1 ? " hit" : " hits") << '\n';
    out().flush();
    return 0;
}

} // namespace dblearn::cli
