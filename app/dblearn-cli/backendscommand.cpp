#include "clicontext.h"
#include "commands.h"

#include "backends/backendregistry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace dblearn::cli {

int backendsCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List the database backend plugins found, loaded or refused."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOption(json);
    if (const int code = parseCommand(parser, QStringLiteral("backends"), args); code >= 0)
        return code;

    BackendRegistry registry;
    const QStringList folders = BackendRegistry::defaultSearchPaths();
    registry.scan(folders);
    const QList<BackendInfo> backends = registry.backends();

    if (parser.isSet(json)) {
        QJsonArray list;
        for (const BackendInfo &info : backends)
            list.append(info.toJson());
        const QJsonObject root{{QStringLiteral("searchPaths"), QJsonArray::fromStringList(folders)},
                               {QStringLiteral("backends"), list}};
        out() << QJsonDocument(root).toJson(QJsonDocument::Indented);
        out().flush();
        return 0;
    }
    if (backends.isEmpty()) {
        out() << "No backend plugins found in: " << folders.join(QStringLiteral(", ")) << '\n';
        out().flush();
        return 0;
    }
    for (const BackendInfo &info : backends) {
        out() << qSetFieldWidth(12) << Qt::left << info.id << qSetFieldWidth(0) << ' '
              << (info.isLoaded() ? QStringLiteral("loaded ") : QStringLiteral("refused")) << "  " << info.name;
        if (!info.version.isEmpty())
            out() << ' ' << info.version;
        out() << '\n';
        if (!info.isLoaded())
            out() << "             reason: " << info.refusalReason << '\n';
        out() << "             file: " << info.filePath << '\n';
    }
    out().flush();
    return 0;
}

} // namespace dblearn::cli
