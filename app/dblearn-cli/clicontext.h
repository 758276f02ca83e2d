#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QTextStream>

namespace dblearn::cli {

// Output streams and argument parsing shared by the commands.
QTextStream &out();
QTextStream &err();

// Prints "dblearn-cli: <message>" to stderr and returns `code`.
int fail(const QString &message, int code = 1);

// Parses `args` (without the command name) into `parser`, adding --help. Returns -1 to go on,
// otherwise the exit code to return (help printed, or a usage error reported).
int parseCommand(QCommandLineParser &parser, const QString &command, const QStringList &args);

} // namespace dblearn::cli
