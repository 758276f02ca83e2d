// dblearn-cli: the application's core without a window, for scripting and tests.

#include "clicontext.h"
#include "commands.h"

#include "support/version.h"

#include <QCoreApplication>
#include <QLoggingCategory>

using namespace dblearn;

namespace {

const char usage[] =
    "Usage: dblearn-cli <command> [options]\n"
    "\n"
    "Commands:\n"
    "  backends [--json]            List the database backend plugins found, loaded or refused.\n"
    "  curriculum [--json] [--content DIR]\n"
    "                               List levels, sections and lessons, and which are written.\n"
    "  query --backend ID --connection URI [--format table|csv|json] [--timeout S] [--max-rows N] SQL\n"
    "                               Run SQL (one or more statements, - for stdin) and print the results.\n"
    "  compare SQL_A SQL_B [--dataset NAME] [--scale N] [--seed N] [--variant-seed N] [--no-variant]\n"
    "          [--backend ID] [--connection URI] [--variant-connection URI] [--ordered] [--order-key COLUMNS]\n"
    "          [--float-tolerance X] [--column-names] [--verify SQL] [--fresh] [--timeout S] [--max-rows N] [--json]\n"
    "                               Check SQL_B against the reference SQL_A as the exercise checker does.\n"
    "  dataset list [--json]\n"
    "  dataset create|reset NAME [--scale N] [--seed S] [--quiet] --backend ID --connection URI\n"
    "  dataset drop NAME --backend ID --connection URI\n"
    "  dataset checksum NAME --backend ID --connection URI [--json]\n"
    "  dataset schema NAME [--dialect sqlite|postgresql|mysql]\n"
    "                               The teaching datasets: list, build into a database, compare engines.\n"
    "  render LESSON [--body-only] [--theme light|dark] [--content DIR]\n"
    "                               Print a lesson's HTML page (or only its body).\n"
    "  search QUERY [--json] [--limit N] [--content DIR]\n"
    "                               Search the written lessons.\n"
    "  plan FILE [--format auto|pg-json|pg-text|mariadb-json|mysql-json|mysql-tree|sqlite-eqp] [--json]\n"
    "                               Read an EXPLAIN plan; print the analysed tree and its warnings.\n"
    "  plan-diff A B [--format FORMAT] [--json]\n"
    "                               Compare two plans of a query node by node.\n"
    "  explain --backend ID --connection URI [--analyze] [--json] [--raw] SQL\n"
    "                               EXPLAIN a statement and print the analysed plan.\n"
    "  check-content [--json] [--content DIR] [--backend ID --connection URI]... [--cache DIR]\n"
    "                [--no-run] [--timeout S] [--jobs N] [--no-warnings]\n"
    "                               Check every written lesson: format, links, quizzes; run its blocks\n"
    "                               and reference solutions. Exit code 1 when there are errors.\n"
    "  tco FILE [--json|--csv [--line-items]] [--months N]\n"
    "                               Compute a cost worksheet (or a template by id): totals, cases, ROI,\n"
    "                               break-even, sensitivity. Exit code 1 when inputs are not accepted.\n"
    "\n"
    "Options:\n"
    "  --version                    Print the version of DB Learn and its components.\n"
    "  --help                       Show this help; `dblearn-cli <command> --help` explains a command's options.\n"
    "\n"
    "Connection URIs: sqlite::memory:, sqlite:///absolute/path.db,\n"
    "                 postgresql://user:password@host:port/db, mariadb://user:password@host:port/db\n"
    "\n"
    "Environment:\n"
    "  DBLEARN_CONTENT_DIR          Read the lessons and curriculum.json from this folder.\n"
    "  DBLEARN_PLUGIN_PATH          More folders with backend plugins (':'-separated, absolute).\n"
    "  QT_LOGGING_RULES             e.g. \"dblearn.*.info=true\" shows the core's log on stderr.\n"
    "\n"
    "See also man dblearn-cli.\n";

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
    // The core's informational logging ("loaded sqlite ... from ...") would mix with the commands'
    // own stderr; QT_LOGGING_RULES (which takes precedence) brings it back.
    QLoggingCategory::setFilterRules(QStringLiteral("dblearn.*.info=false\ndblearn.*.debug=false"));

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
    if (command == QLatin1String("compare"))
        return cli::compareCommand(args);
    if (command == QLatin1String("dataset"))
        return cli::datasetCommand(args);
    if (command == QLatin1String("render"))
        return cli::renderCommand(args);
    if (command == QLatin1String("search"))
        return cli::searchCommand(args);
    if (command == QLatin1String("plan"))
        return cli::planCommand(args);
    if (command == QLatin1String("plan-diff"))
        return cli::planDiffCommand(args);
    if (command == QLatin1String("explain"))
        return cli::explainCommand(args);
    if (command == QLatin1String("check-content"))
        return cli::checkContentCommand(args);
    if (command == QLatin1String("tco"))
        return cli::tcoCommand(args);
    return cli::fail(QStringLiteral("unknown command \"%1\" (see dblearn-cli --help)").arg(command), 2);
}
