#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QStringList>

namespace dblearn {

// dblearn's command line: its options, the help text (options, environment, files) and what was
// asked. Needs only a QCoreApplication, so --help works without a display.
class CommandLine final
{
public:
    CommandLine();

    // Parses the program's arguments (argv[0] first). False on a usage error: see errorText().
    bool parse(const QStringList &arguments);
    QString errorText() const { return m_parser.errorText(); }
    QString helpText() const;

    bool helpRequested() const { return m_parser.isSet(m_help); }
    bool versionRequested() const { return m_parser.isSet(m_version); }
    QString lesson() const { return m_parser.value(m_lesson); }
    QString screenshotFile() const { return m_parser.value(m_screenshot); }
    bool exitWhenReady() const { return m_parser.isSet(m_exitWhenReady); }
    bool gettingStarted() const { return m_parser.isSet(m_gettingStarted); }
    QString worksheetTemplate() const { return m_parser.value(m_worksheet); }
    QString consoleSql() const { return m_parser.value(m_console); }

    // True when `arguments` ask for help, so main() can answer before opening a window.
    static bool asksForHelp(const QStringList &arguments);

private:
    QCommandLineParser m_parser;
    QCommandLineOption m_help;
    QCommandLineOption m_version;
    QCommandLineOption m_lesson;
    QCommandLineOption m_screenshot;
    QCommandLineOption m_gettingStarted;
    QCommandLineOption m_exitWhenReady;
    QCommandLineOption m_worksheet;
    QCommandLineOption m_console;
};

} // namespace dblearn
