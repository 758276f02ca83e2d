#pragma once

#include <QByteArrayList>
#include <QString>
#include <QStringList>

namespace dblearn::test {

// One run of a writer child process killed with SIGKILL at a random moment: it starts the program,
// waits (bounded) until the child has reported its first completed write on stdout, lets it go on
// for a random 0..maxDelayMs milliseconds, kills it with SIGKILL and collects every line it printed.
class KilledChild final
{
public:
    struct Outcome {
        bool started = false;      // the child reported at least one write before the kill
        bool killedBySignal = false; // it died of the SIGKILL, not of an error of its own
        int delayMs = 0;           // how long after its first report it was killed
        QByteArrayList lines;      // what it reported, in order
        QString errorOutput;       // its stderr (why it stopped, if it was not killed)
    };

    static Outcome run(const QString &program, const QStringList &arguments, int maxDelayMs);
};

} // namespace dblearn::test
