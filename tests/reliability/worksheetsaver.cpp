// A child process for tst_worksheetkill: saves a worksheet over and over through the product's own
// save path (WorksheetFile::save, as the worksheet window does), one generation after another, and
// prints "saved <generation>" on stdout after each save returned true. The test kills it with
// SIGKILL at random moments and checks the file on disk.
//
//   worksheetsaver <template.json> <target.json> <first generation>

#include "reliability/generatedworksheet.h"

#include "cost/worksheetfile.h"

#include <QCoreApplication>
#include <QString>

#include <cstdio>

using namespace dblearn;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        std::fprintf(stderr, "usage: worksheetsaver <template.json> <target.json> <first generation>\n");
        return 2;
    }
    Worksheet base;
    QString error;
    if (!WorksheetFile::load(args[1], &base, &error)) {
        std::fprintf(stderr, "worksheetsaver: %s\n", qPrintable(error));
        return 1;
    }
    for (qint64 generation = args[3].toLongLong();; ++generation) {
        if (!WorksheetFile::save(test::generatedWorksheet(base, generation), args[2], &error)) {
            std::fprintf(stderr, "worksheetsaver: %s\n", qPrintable(error));
            return 1;
        }
        std::printf("saved %lld\n", generation);
        std::fflush(stdout);
    }
}
