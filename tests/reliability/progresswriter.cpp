// A child process for tst_progresskill: writes to the progress store through ProgressStore, as the
// application does, and prints "<n>" on stdout after each write returned true (committed). Each
// step n records an exercise attempt "exercise-<n>" (one INSERT), answers quiz question n (a
// two-table transaction) and rewrites the lesson's note to "note <n>". The test kills it with
// SIGKILL at random moments and checks that every reported step is in the store.
//
//   progresswriter <progress.sqlite> <first step>

#include "progress/progressstore.h"

#include <QCoreApplication>
#include <QString>

#include <cstdio>

using namespace dblearn;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: progresswriter <progress.sqlite> <first step>\n");
        return 2;
    }
    ProgressStore store;
    QString error;
    if (!store.open(args[1], &error)) {
        std::fprintf(stderr, "progresswriter: %s\n", qPrintable(error));
        return 1;
    }
    if (!error.isEmpty() || store.isReadOnly()) { // a notice: damaged store replaced, or read-only
        std::fprintf(stderr, "progresswriter: unexpected notice: %s\n", qPrintable(error));
        return 1;
    }
    const QString lesson = QStringLiteral("04_production/fault_injection.md");
    for (qint64 step = args[2].toLongLong();; ++step) {
        const QString n = QString::number(step);
        const bool ok = store.recordExerciseAttempt(lesson, QStringLiteral("exercise-") + n, true,
                                                    QStringLiteral("SELECT ") + n)
                        && store.recordQuizAnswer(lesson, QStringLiteral("quiz"), int(step), {int(step % 4)}, true)
                        && store.setNote(lesson, QStringLiteral("note ") + n);
        if (!ok) {
            std::fprintf(stderr, "progresswriter: step %lld: %s\n", step, qPrintable(store.lastError()));
            return 1;
        }
        std::printf("%lld\n", step);
        std::fflush(stdout);
    }
}
