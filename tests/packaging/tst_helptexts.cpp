// --help of dblearn and dblearn-cli documents every option and subcommand, and so do the manual
// pages: each command dblearn-cli dispatches is in its --help, each option a command's --help lists
// is in dblearn-cli.1, and dblearn --help answers without a display.

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString output;
};

Run run(const QString &program, const QStringList &arguments, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    Run result;
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit)
        return result;
    result.exitCode = process.exitCode();
    result.output = QString::fromUtf8(process.readAll());
    return result;
}

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// A manual page's text with troff's escaped hyphens made plain, so "\-\-max\-rows" reads "--max-rows".
QString manText(const QString &path)
{
    return readText(path).replace(QStringLiteral("\\-"), QStringLiteral("-"));
}

QSet<QString> longOptions(const QString &help)
{
    QSet<QString> options;
    const QRegularExpression option(QStringLiteral("(?<![\\w-])--[a-z][a-z-]*[a-z]"));
    for (auto it = option.globalMatch(help); it.hasNext();)
        options.insert(it.next().captured());
    return options;
}

} // namespace

class HelpTextsTest final : public QObject
{
    Q_OBJECT
private slots:
    void everyCliCommandIsInTheHelpAndTheManualPage()
    {
        // The commands main.cpp dispatches, read from its source so a new one cannot be forgotten.
        const QString source = readText(QStringLiteral(DBLEARN_SOURCE_DIR "/app/dblearn-cli/main.cpp"));
        QVERIFY(!source.isEmpty());
        QStringList dispatched;
        const QRegularExpression dispatch(QStringLiteral("command == QLatin1String\\(\"([a-z-]+)\"\\)"));
        for (auto it = dispatch.globalMatch(source); it.hasNext();)
            dispatched << it.next().captured(1);
        QVERIFY2(dispatched.size() >= 11, qPrintable(dispatched.join(QLatin1Char(' '))));

        const Run help = run(QStringLiteral(DBLEARN_CLI_EXECUTABLE), {QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        const QString man = manText(QStringLiteral(DBLEARN_SOURCE_DIR "/packaging/man/dblearn-cli.1"));
        QVERIFY(!man.isEmpty());
        for (const QString &command : std::as_const(dispatched)) {
            QVERIFY2(help.output.contains(QStringLiteral("\n  ") + command + QLatin1Char(' ')),
                     qPrintable(QStringLiteral("dblearn-cli --help does not list \"%1\"").arg(command)));
            QVERIFY2(man.contains(QStringLiteral(".B ") + command),
                     qPrintable(QStringLiteral("dblearn-cli.1 does not describe \"%1\"").arg(command)));
        }
    }

    void everyCliOptionIsInTheManualPage_data()
    {
        QTest::addColumn<QStringList>("command");
        const QString source = readText(QStringLiteral(DBLEARN_SOURCE_DIR "/app/dblearn-cli/main.cpp"));
        const QRegularExpression dispatch(QStringLiteral("command == QLatin1String\\(\"([a-z-]+)\"\\)"));
        for (auto it = dispatch.globalMatch(source); it.hasNext();) {
            const QString command = it.next().captured(1);
            if (command == QLatin1String("dataset")) {
                for (const char *sub : {"create", "reset", "drop", "checksum", "schema", "list"})
                    QTest::newRow(qPrintable(command + QLatin1Char(' ') + QLatin1String(sub)))
                        << QStringList{command, QLatin1String(sub)};
            } else {
                QTest::newRow(qPrintable(command)) << QStringList{command};
            }
        }
    }

    void everyCliOptionIsInTheManualPage()
    {
        QFETCH(QStringList, command);
        const Run help = run(QStringLiteral(DBLEARN_CLI_EXECUTABLE), command + QStringList{QStringLiteral("--help")});
        QVERIFY2(help.exitCode == 0, qPrintable(help.output));
        QVERIFY2(help.output.contains(QStringLiteral("Usage:")), qPrintable(help.output));
        const QString man = manText(QStringLiteral(DBLEARN_SOURCE_DIR "/packaging/man/dblearn-cli.1"));
        const QString usage = run(QStringLiteral(DBLEARN_CLI_EXECUTABLE), {QStringLiteral("--help")}).output;
        const QSet<QString> options = longOptions(help.output);
        QVERIFY2(!options.isEmpty(), qPrintable(help.output));
        for (const QString &option : options) {
            if (option == QLatin1String("--help"))
                continue;
            QVERIFY2(man.contains(option), qPrintable(QStringLiteral("%1: %2 is not in dblearn-cli.1").arg(command.join(QLatin1Char(' ')), option)));
            QVERIFY2(usage.contains(option), qPrintable(QStringLiteral("%1: %2 is not in dblearn-cli --help").arg(command.join(QLatin1Char(' ')), option)));
        }
    }

    void dblearnHelpNeedsNoDisplayAndMatchesTheManualPage()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb")); // would abort if a window were tried
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        const Run help = run(QStringLiteral(DBLEARN_APP_EXECUTABLE), {QStringLiteral("--help")}, env);
        QVERIFY2(help.exitCode == 0, qPrintable(help.output));
        for (const char *expected : {"--lesson", "--screenshot", "--getting-started", "--exit-when-ready", "--version",
                                     "DBLEARN_CONTENT_DIR", "DBLEARN_PLUGIN_PATH", "progress.sqlite"})
            QVERIFY2(help.output.contains(QLatin1String(expected)), expected);
        const QString man = manText(QStringLiteral(DBLEARN_SOURCE_DIR "/packaging/man/dblearn.1"));
        for (const QString &option : longOptions(help.output))
            QVERIFY2(man.contains(option), qPrintable(option + QStringLiteral(" is not in dblearn.1")));
    }

    void aWrongOptionSaysWhatWasWrong()
    {
        const Run cli = run(QStringLiteral(DBLEARN_CLI_EXECUTABLE), {QStringLiteral("query"), QStringLiteral("--no-such-option")});
        QCOMPARE(cli.exitCode, 2);
        QVERIFY2(cli.output.contains(QStringLiteral("no-such-option")), qPrintable(cli.output));

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("QTWEBENGINE_DISABLE_SANDBOX"), QStringLiteral("1"));
        const Run app = run(QStringLiteral(DBLEARN_APP_EXECUTABLE), {QStringLiteral("--no-such-option")}, env);
        QCOMPARE(app.exitCode, 2);
        QVERIFY2(app.output.contains(QStringLiteral("no-such-option")) && app.output.contains(QStringLiteral("dblearn --help")),
                 qPrintable(app.output));
    }
};

QTEST_GUILESS_MAIN(HelpTextsTest)
#include "tst_helptexts.moc"
