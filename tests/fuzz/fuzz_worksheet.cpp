// libFuzzer target: the worksheet loader (docs/worksheet-format.md) and the cost arithmetic behind
// it. Invariants: a refusal says why and leaves the worksheet it was given untouched; a loaded
// worksheet saves to a file that loads again and saves to the same bytes; validation and, for a
// valid worksheet, the results (with sensitivity) run.
#include "fuzzcheck.h"

#include "cost/worksheet.h"
#include "cost/worksheetfile.h"
#include "cost/worksheetresults.h"
#include "cost/worksheetvalidator.h"

#include <cstddef>
#include <cstdint>

using namespace dblearn;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));

    Worksheet sentinel;
    sentinel.title = QStringLiteral("untouched");
    const QByteArray sentinelBytes = WorksheetFile::serialize(sentinel);

    Worksheet sheet = sentinel;
    QString error;
    int version = 0;
    if (!WorksheetFile::parse(input, &sheet, &error, &version)) {
        DBLEARN_FUZZ_CHECK(!error.isEmpty(), QStringLiteral("refused without a message"));
        DBLEARN_FUZZ_CHECK(WorksheetFile::serialize(sheet) == sentinelBytes, QStringLiteral("a refused file changed the worksheet"));
        return 0;
    }
    DBLEARN_FUZZ_CHECK(version >= 1 && version <= WorksheetFile::currentVersion, QStringLiteral("read version %1").arg(version));

    // What is saved loads again, and saving what was loaded gives the same bytes: nothing a
    // learner entered is lost or changed by a save and a reload.
    const QByteArray first = WorksheetFile::serialize(sheet);
    Worksheet again;
    QString againError;
    DBLEARN_FUZZ_CHECK(WorksheetFile::parse(first, &again, &againError),
                       QStringLiteral("a saved worksheet does not load: %1\n%2").arg(againError, QString::fromUtf8(first)));
    const QByteArray second = WorksheetFile::serialize(again);
    DBLEARN_FUZZ_CHECK(second == first,
                       QStringLiteral("save, load, save changes the file:\n%1\n---\n%2").arg(QString::fromUtf8(first), QString::fromUtf8(second)));

    const auto issues = WorksheetValidator::validate(sheet);
    if (issues.isEmpty()) {
        const WorksheetResults results = WorksheetResults::compute(sheet, true);
        DBLEARN_FUZZ_CHECK(results.isValid(), QStringLiteral("valid for the validator, not for the results"));
    }
    return 0;
}
