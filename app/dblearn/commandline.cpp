#include "commandline.h"

#include <QCoreApplication>

namespace dblearn {

CommandLine::CommandLine()
    : m_help({QStringLiteral("h"), QStringLiteral("help")}, QCoreApplication::translate("dblearn::CommandLine", "Show this help and exit.")),
      m_version({QStringLiteral("v"), QStringLiteral("version")},
                QCoreApplication::translate("dblearn::CommandLine", "Print the version of DB Learn and of its components (Qt, SQLite, md4c) and exit.")),
      m_lesson(QStringLiteral("lesson"),
               QCoreApplication::translate("dblearn::CommandLine", "Open this lesson: its path in the content folder, e.g. 01_foundations/01_acid_properties.md, "
                    "optionally followed by #heading-anchor. When DB Learn is already running, the lesson opens "
                    "in its window."),
               QStringLiteral("PATH")),
      m_screenshot(QStringLiteral("screenshot"),
                   QCoreApplication::translate("dblearn::CommandLine", "Show the window (with the lesson, if one is given), save it as a PNG once painted and "
                        "exit: status 0 when the content was painted, 1 otherwise. Works with -platform offscreen "
                        "and beside an open DB Learn."),
                   QStringLiteral("FILE")),
      m_gettingStarted(QStringLiteral("getting-started"),
                       QCoreApplication::translate("dblearn::CommandLine",
                                                   "Show the Getting Started page (as on the first run; later from "
                                                   "Help → Getting Started).")),
      m_exitWhenReady(QStringLiteral("exit-when-ready"),
                      QCoreApplication::translate("dblearn::CommandLine", "Exit as soon as the window and lesson are painted, printing the time taken as JSON "
                           "(for benchmarks).")),
      m_worksheet(QStringLiteral("worksheet"),
                  QCoreApplication::translate("dblearn::CommandLine", "Open a cost worksheet template by its id (a file name in the content folder's "
                       "worksheets/ without .json, e.g. reserved-vs-on-demand); with --screenshot, of the worksheet's window."),
                  QStringLiteral("TEMPLATE")),
      // Opens a SQL console on the shop dataset with this script and runs it (screenshots, tests).
      m_console(QStringLiteral("console"), QStringLiteral("Open a SQL console running SQL."), QStringLiteral("SQL"))
{
    m_console.setFlags(QCommandLineOption::HiddenFromHelp);
    m_parser.setApplicationDescription(QCoreApplication::translate("dblearn::CommandLine", "DB Learn: a hands-on database learning path."));
    m_parser.addOptions({m_help, m_version, m_lesson, m_gettingStarted, m_screenshot, m_exitWhenReady, m_worksheet, m_console});
}

bool CommandLine::parse(const QStringList &arguments)
{
    return m_parser.parse(arguments);
}

QString CommandLine::helpText() const
{
    QString help = m_parser.helpText();
    // The parser names the program as it was started (./build/bin/dblearn); the help names the command.
    const int usageEnd = help.indexOf(QLatin1Char(' '), help.indexOf(QLatin1Char(' ')) + 1);
    if (help.startsWith(QLatin1String("Usage: ")) && usageEnd > 0)
        help.replace(0, usageEnd, QStringLiteral("Usage: dblearn"));
    help += QLatin1Char('\n');
    help += QCoreApplication::translate("dblearn::CommandLine", "Qt's standard options, such as -platform and -style, are accepted too.\n"
                 "Only one DB Learn runs per user: starting it again brings the open window forward.\n"
                 "\n"
                 "Environment:\n"
                 "  DBLEARN_CONTENT_DIR    Read the lessons and curriculum.json from this folder.\n"
                 "  DBLEARN_PLUGIN_PATH    More folders with backend plugins (':'-separated, absolute).\n"
                 "\n"
                 "Files:\n"
                 "  ~/.local/share/dblearn/dblearn/   progress, notes and bookmarks (progress.sqlite),\n"
                 "                                    datasets, local database servers\n"
                 "  ~/.config/dblearn/dblearn.conf    settings (window layout, zoom, last lesson)\n"
                 "  ~/.cache/dblearn/dblearn/         dataset templates; safe to delete\n"
                 "\n"
                 "See also dblearn-cli --help, and man dblearn.\n");
    return help;
}

bool CommandLine::asksForHelp(const QStringList &arguments)
{
    for (const QString &argument : arguments.mid(1)) {
        if (argument == QLatin1String("-h") || argument == QLatin1String("--help") || argument == QLatin1String("-help")
            || argument == QLatin1String("-?"))
            return true;
    }
    return false;
}

} // namespace dblearn
