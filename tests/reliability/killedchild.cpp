#include "reliability/killedchild.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QThread>

namespace dblearn::test {

KilledChild::Outcome KilledChild::run(const QString &program, const QStringList &arguments, int maxDelayMs)
{
    Outcome outcome;
    QProcess child;
    child.setProgram(program);
    child.setArguments(arguments);
    child.start();
    if (!child.waitForStarted(10000)) {
        outcome.errorOutput = child.errorString();
        return outcome;
    }
    // Wait for the first report: the child is then inside its write loop.
    QByteArray out;
    QElapsedTimer waited;
    waited.start();
    while (!out.contains('\n') && child.state() == QProcess::Running && waited.elapsed() < 15000) {
        child.waitForReadyRead(100);
        out += child.readAllStandardOutput();
    }
    outcome.started = out.contains('\n');
    if (outcome.started) {
        outcome.delayMs = int(QRandomGenerator::global()->bounded(maxDelayMs + 1));
        QThread::msleep(outcome.delayMs);
    }
    child.kill(); // SIGKILL on Unix: no handler, no flush, no cleanup
    child.waitForFinished(10000);
    out += child.readAllStandardOutput();
    outcome.killedBySignal = child.exitStatus() == QProcess::CrashExit;
    outcome.errorOutput = QString::fromLocal8Bit(child.readAllStandardError());
    for (const QByteArray &line : out.split('\n')) {
        if (!line.isEmpty())
            outcome.lines << line;
    }
    // A last line without its newline was cut by the kill: it does not count as reported.
    if (!out.endsWith('\n') && !outcome.lines.isEmpty())
        outcome.lines.removeLast();
    return outcome;
}

} // namespace dblearn::test
