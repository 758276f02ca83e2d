#include "clicontext.h"
#include "commands.h"

#include "cost/pricecatalog.h"
#include "cost/worksheetexporter.h"
#include "cost/worksheetfile.h"
#include "cost/worksheetresults.h"
#include "cost/worksheettemplates.h"
#include "support/apppaths.h"

#include <QFileInfo>
#include <QJsonDocument>

namespace dblearn::cli {

int tcoCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Compute a cost worksheet: totals per scenario and year, present value, the base, pessimistic and "
                       "optimistic cases, ROI / payback / break-even between scenarios, and the sensitivity ranking. "
                       "FILE is a worksheet (docs/worksheet-format.md) or the id of a template in content/worksheets."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Worksheet file or template id."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the results as JSON."));
    const QCommandLineOption csv(QStringLiteral("csv"),
                                 QStringLiteral("Print CSV: monthly cost per scenario and category (plain numbers, "
                                                "currency in the headers)."));
    const QCommandLineOption lineItems(QStringLiteral("line-items"),
                                       QStringLiteral("With --csv: every line item of every month, with its formula and source."));
    const QCommandLineOption months(QStringLiteral("months"), QStringLiteral("Horizon in months (1-120), instead of the file's."),
                                    QStringLiteral("N"));
    const QCommandLineOption content(QStringLiteral("content"), QStringLiteral("Content folder (templates and prices)."),
                                     QStringLiteral("DIR"), AppPaths::contentDir());
    parser.addOptions({json, csv, lineItems, months, content});
    if (const int code = parseCommand(parser, QStringLiteral("tco"), args); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1)
        return fail(QStringLiteral("tco needs one FILE (a worksheet, or a template id)"), 2);
    if (parser.isSet(json) && parser.isSet(csv))
        return fail(QStringLiteral("choose one of --json and --csv"), 2);

    const QString target = parser.positionalArguments().first();
    Worksheet worksheet;
    QString error;
    if (QFileInfo::exists(target)) {
        if (!WorksheetFile::load(target, &worksheet, &error))
            return fail(error, 2);
    } else {
        const WorksheetTemplates templates(parser.value(content));
        if (!templates.load(target, &worksheet, &error))
            return fail(QStringLiteral("%1 is neither a file nor a template id (%2)").arg(target, error), 2);
    }
    if (parser.isSet(months)) {
        bool ok = false;
        const int n = parser.value(months).toInt(&ok);
        if (!ok)
            return fail(QStringLiteral("--months needs a whole number of months (1-120)"), 2);
        worksheet.horizonMonths = n; // the validator reports a horizon out of range
    }

    PriceCatalog catalog;
    QStringList catalogErrors;
    catalog.loadDirectory(parser.value(content) + QStringLiteral("/prices"), &catalogErrors);
    for (const QString &problem : catalogErrors)
        err() << "dblearn-cli: price catalog: " << problem << '\n';

    const WorksheetResults results = WorksheetResults::compute(worksheet);
    const WorksheetExporter exporter(worksheet, results, &catalog);
    if (parser.isSet(json)) {
        out() << QJsonDocument(exporter.toJson()).toJson(QJsonDocument::Indented);
    } else if (parser.isSet(csv)) {
        out().flush();
        const QByteArray data = parser.isSet(lineItems) ? exporter.lineItemsCsv() : exporter.monthlyCsv();
        fwrite(data.constData(), 1, size_t(data.size()), stdout);
    } else {
        out() << exporter.toText();
    }
    out().flush();
    if (!results.isValid()) {
        for (const ValidationIssue &issue : results.issues())
            err() << "dblearn-cli: " << issue.text() << '\n';
        err().flush();
        return 1;
    }
    return 0;
}

} // namespace dblearn::cli
