#include "reliability/generatedworksheet.h"

#include <QString>

namespace dblearn::test {

namespace {
const QString titlePrefix = QStringLiteral("fault-injection generation ");
}

Worksheet generatedWorksheet(const Worksheet &base, qint64 generation)
{
    Worksheet w = base;
    w.title = titlePrefix + QString::number(generation);
    // Varying content, so a file mixing two generations cannot pass for either.
    const QString line = QStringLiteral("generation %1 line ").arg(generation);
    QString description;
    description.reserve(200 * 1024);
    for (int i = 0; description.size() < 200 * 1024; ++i)
        description += line + QString::number(i) + QLatin1Char('\n');
    w.description = description;
    return w;
}

qint64 worksheetGeneration(const Worksheet &worksheet)
{
    if (!worksheet.title.startsWith(titlePrefix))
        return -1;
    bool ok = false;
    const qint64 generation = worksheet.title.mid(titlePrefix.size()).toLongLong(&ok);
    return ok ? generation : -1;
}

} // namespace dblearn::test
