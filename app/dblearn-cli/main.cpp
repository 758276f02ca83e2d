// dblearn-cli: the application's core without a window, for scripting and tests.

#include "clicontext.h"
#include "commands.h"

#include "support/version.h"

#include <QCoreApplication>

using namespace dblearn;

namespace {

const char usage[] = "Usage: dblearn-cli <command> [options]\n"
                     "\n"
                     "Commands:\n"
                     "  backends [--json]            List the database backend plugins found, loaded or refused.\n"
                     "  curriculum [--json]          List levels, sections and lessons, and which are written.\n"
                     "  query --backend ID --connection URI [--format table|csv|json] [--timeout S] SQL\n"
                     "                               Run SQL (one or more statements) and print the results.\n"
                     "\n"
                     "Options:\n"
                     "  --version                    Print the version of DB Learn and its components.\n"
                     "  --help                       Show this help; `dblearn-cli <command> --help` for a command.\n"
                     "\n"
                     "Connection URIs: sqlite::memory:, sqlite:///absolute/path.db\n";

int printVersion()
{
    cli::out() << "dblearn-cli " << applicationVersion() << '\n';
    for (const auto &component : coreComponentVersions())
        cli::out() << "  " << component.first << ": " << component.second << '\n';
    cli::out().flush();
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("dblearn-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("dblearn"));
    QCoreApplication::setApplicationVersion(applicationVersion());

    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")
        || args.first() == QLatin1String("help")) {
        (args.isEmpty() ? cli::err() : cli::out()) << usage;
        return args.isEmpty() ? 2 : 0;
    }
    if (args.first() == QLatin1String("--version") || args.first() == QLatin1String("-v"))
        return printVersion();

    const QString command = args.takeFirst();
    if (command == QLatin1String("backends"))
        return cli::backendsCommand(args);
    if (command == QLatin1String("curriculum"))
        return cli::curriculumCommand(args);
    if (command == QLatin1String("query"))
        return cli::queryCommand(args);
    return cli::fail(QStringLiteral("unknown command \"%1\" (see dblearn-cli --help)").arg(command), 2);
}
