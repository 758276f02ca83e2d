#include "clicontext.h"

#include <cstdio>

namespace dblearn::cli {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int fail(const QString &message, int code)
{
    out().flush();
    err() << "dblearn-cli: " << message << Qt::endl;
    return code;
}

int parseCommand(QCommandLineParser &parser, const QString &command, const QStringList &args)
{
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    parser.addOption(help);
    if (!parser.parse(QStringList{QStringLiteral("dblearn-cli ") + command} + args))
        return fail(parser.errorText() + QStringLiteral(" (see dblearn-cli %1 --help)").arg(command), 2);
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        text.replace(QStringLiteral("Usage: dblearn-cli"), QStringLiteral("Usage: dblearn-cli ") + command);
        out() << text;
        out().flush();
        return 0;
    }
    return -1;
}

} // namespace dblearn::cli
