#include "backends/backendregistry.h"
#include "clicontext.h"
#include "commands.h"
#include "content/contentchecker.h"
#include "support/apppaths.h"

#include <QJsonDocument>
#include <QLocale>
#include <QStandardPaths>

namespace dblearn::cli {

int checkContentCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Check every written lesson of the curriculum: the lesson format, front matter against the "
        "curriculum, links and anchors, code blocks, quizzes; run every runnable block and every "
        "exercise's reference solution (SQLite on fresh copies of the datasets; PostgreSQL and MariaDB "
        "blocks only with --backend and --connection, else they are counted as skipped).\n"
        "Problems are printed as file:line: message. Exit code 0: no errors; 1: errors; 2: usage error."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print a JSON report on stdout."));
    const QCommandLineOption content(QStringLiteral("content"), QStringLiteral("Content folder."),
                                     QStringLiteral("DIR"), AppPaths::contentDir());
    const QCommandLineOption backend(
        QStringLiteral("backend"),
        QStringLiteral("A server backend (postgresql, mariadb) to run that engine's blocks "
                       "on; repeat with --connection for each."),
        QStringLiteral("ID"));
    const QCommandLineOption connection(QStringLiteral("connection"),
                                        QStringLiteral("Connection URI of the --backend's server database."),
                                        QStringLiteral("URI"));
    const QCommandLineOption cache(
        QStringLiteral("cache"), QStringLiteral("Folder for the dataset templates (built once, then reused)."),
        QStringLiteral("DIR"), QStandardPaths::writableLocation(QStandardPaths::CacheLocation));
    const QCommandLineOption noRun(QStringLiteral("no-run"), QStringLiteral("Check the structure only; run nothing."));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
                                     QStringLiteral("Time limit per runnable block in seconds (default 10)."),
                                     QStringLiteral("SECONDS"), QStringLiteral("10"));
    const QCommandLineOption jobs(QStringLiteral("jobs"),
                                  QStringLiteral("Lessons run in parallel (default: cores, at most 4)."),
                                  QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption noWarnings(QStringLiteral("no-warnings"), QStringLiteral("Print errors only."));
    parser.addOptions({json, content, backend, connection, cache, noRun, timeout, jobs, noWarnings});
    if (const int code = parseCommand(parser, QStringLiteral("check-content"), args); code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty())
        return fail(QStringLiteral("check-content takes no arguments (use --content DIR)"), 2);

    bool ok = false;
    const double seconds = parser.value(timeout).toDouble(&ok);
    if (!ok || seconds <= 0 || seconds > 3600)
        return fail(QStringLiteral("--timeout needs a number of seconds (more than 0)"), 2);
    const int jobCount = parser.value(jobs).toInt(&ok);
    if (!ok || jobCount < 0)
        return fail(QStringLiteral("--jobs needs a whole number"), 2);

    BackendRegistry registry;
    registry.scan();

    ContentCheckOptions options;
    options.contentDir = parser.value(content);
    options.cacheDir = parser.value(cache);
    options.execute = !parser.isSet(noRun);
    options.blockTimeoutMs = int(seconds * 1000);
    options.jobs = jobCount;

    const QStringList backends = parser.values(backend);
    const QStringList connections = parser.values(connection);
    if (backends.size() != connections.size())
        return fail(QStringLiteral("give one --connection URI for each --backend ID"), 2);
    for (qsizetype i = 0; i < backends.size(); ++i) {
        const QString &id = backends.at(i);
        QString error;
        const ConnectionUri uri = ConnectionUri::parse(connections.at(i), &error);
        if (!uri.isValid())
            return fail(error, 2);
        const BackendInfo *info = registry.find(id);
        if (!info || !info->isLoaded()) {
            return fail(info ? QStringLiteral("backend \"%1\" is not available: %2").arg(id, info->refusalReason)
                             : QStringLiteral("unknown backend \"%1\" (see dblearn-cli backends)").arg(id),
                        2);
        }
        if (id == QLatin1String("sqlite"))
            return fail(
                QStringLiteral("SQLite blocks always run on fresh copies of the datasets; --backend is for servers"),
                2);
        if (!info->uriSchemes.isEmpty() && !info->uriSchemes.contains(uri.scheme())) {
            return fail(QStringLiteral("backend \"%1\" does not take %2: URIs (it takes %3)")
                            .arg(id, uri.scheme(), info->uriSchemes.join(QStringLiteral(", "))),
                        2);
        }
        options.servers.insert(id, connections.at(i));
    }

    ContentChecker checker(registry, options);
    const ContentReport report = checker.run();

    if (parser.isSet(json)) {
        out() << QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented);
        out().flush();
        return report.passed() ? 0 : 1;
    }

    for (const ContentIssue &issue : report.allIssues()) {
        if (issue.isError() || !parser.isSet(noWarnings))
            err() << issue.toString() << '\n';
    }
    err().flush();
    int executed = 0;
    for (const LessonReport &lesson : report.lessons)
        executed += lesson.executed;
    const QLocale english(QLocale::English);
    const int errors = report.errorCount();
    const int warnings = report.warningCount();
    out() << "Checked " << report.writtenLessons() << " written of " << report.totalLessons() << " lessons: " << errors
          << (errors == 1 ? " error" : " errors");
    if (errors > 0)
        out() << " in " << report.lessonsWithErrors() << (report.lessonsWithErrors() == 1 ? " lesson" : " lessons");
    out() << ", " << warnings << (warnings == 1 ? " warning" : " warnings") << "; " << executed << " run, "
          << report.skippedCount() << " skipped (no server); " << english.toString(report.elapsedMs / 1000.0, 'f', 1)
          << " s\n";
    out().flush();
    return report.passed() ? 0 : 1;
}

} // namespace dblearn::cli
