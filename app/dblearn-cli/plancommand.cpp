#include "clicontext.h"
#include "commands.h"

#include "backends/backendregistry.h"
#include "plans/plananalyzer.h"
#include "plans/plandiff.h"
#include "plans/planjsonwriter.h"
#include "plans/planparser.h"
#include "plans/plantextreport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace dblearn::cli {

namespace {

const QString formatHelp = QStringLiteral("auto (default), ") + PlanFormats::names().mid(1).join(QStringLiteral(", "));

bool readPlan(const QString &path, PlanFormat format, Plan *plan, QString *message)
{
    PlanParseError error;
    bool ok = false;
    if (path == QLatin1String("-")) {
        QFile in;
        in.open(stdin, QIODevice::ReadOnly);
        ok = PlanParser::parse(in.readAll(), format, plan, &error);
    } else {
        ok = PlanParser::parseFile(path, format, plan, &error);
    }
    if (!ok) {
        *message = QStringLiteral("%1: %2").arg(path, error.toString());
        return false;
    }
    PlanAnalyzer::analyze(plan);
    return true;
}

void printNotes(const Plan &plan)
{
    for (const QString &note : plan.notes)
        err() << "note: " << note << '\n';
    err().flush();
}

void printPlan(const Plan &plan, bool json)
{
    if (json) {
        out() << QJsonDocument(PlanJsonWriter::toJson(plan)).toJson(QJsonDocument::Indented);
    } else {
        QString text = PlanTextReport::tree(plan);
        out() << text;
    }
    out().flush();
}

} // namespace

int planCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Read an EXPLAIN plan, analyse it and print the tree and its warnings."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The plan file, or - for stdin."));
    const QCommandLineOption formatOption(QStringLiteral("format"), formatHelp, QStringLiteral("FORMAT"),
                                          QStringLiteral("auto"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print the normalised plan as JSON."));
    parser.addOptions({formatOption, jsonOption});
    if (const int code = parseCommand(parser, QStringLiteral("plan"), args); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1)
        return fail(QStringLiteral("plan needs one FILE (or - for stdin)"), 2);
    PlanFormat format = PlanFormat::Auto;
    if (!PlanFormats::fromName(parser.value(formatOption), &format))
        return fail(QStringLiteral("unknown format \"%1\" (%2)").arg(parser.value(formatOption), formatHelp), 2);
    Plan plan;
    QString message;
    if (!readPlan(parser.positionalArguments().first(), format, &plan, &message))
        return fail(message);
    printPlan(plan, parser.isSet(jsonOption));
    if (parser.isSet(jsonOption))
        printNotes(plan);
    return 0;
}

int planDiffCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Compare two plans of the same query node by node."));
    parser.addPositionalArgument(QStringLiteral("A"), QStringLiteral("The plan before (file or -)."));
    parser.addPositionalArgument(QStringLiteral("B"), QStringLiteral("The plan after."));
    const QCommandLineOption formatOption(QStringLiteral("format"), formatHelp, QStringLiteral("FORMAT"),
                                          QStringLiteral("auto"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print the comparison as JSON."));
    parser.addOptions({formatOption, jsonOption});
    if (const int code = parseCommand(parser, QStringLiteral("plan-diff"), args); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 2)
        return fail(QStringLiteral("plan-diff needs two plan files, A and B"), 2);
    PlanFormat format = PlanFormat::Auto;
    if (!PlanFormats::fromName(parser.value(formatOption), &format))
        return fail(QStringLiteral("unknown format \"%1\" (%2)").arg(parser.value(formatOption), formatHelp), 2);
    Plan a;
    Plan b;
    QString message;
    if (!readPlan(parser.positionalArguments().at(0), format, &a, &message)
        || !readPlan(parser.positionalArguments().at(1), format, &b, &message))
        return fail(message);
    const PlanDiff diff = PlanDiff::compare(a, b);
    if (parser.isSet(jsonOption)) {
        out() << QJsonDocument(diff.toJson()).toJson(QJsonDocument::Indented);
    } else {
        for (const QString &line : diff.summary())
            out() << line << '\n';
        out() << '\n';
        static const char *marks[] = {"  ", "~ ", "+ ", "- "};
        for (const PlanDiff::Entry &e : diff.entries()) {
            out() << marks[int(e.kind)] << e.description;
            const QString change = PlanDiff::percentChange(e.timeA, e.timeB);
            if (planKnown(e.timeA) || planKnown(e.timeB))
                out() << "  [self " << PlanTextReport::formatMs(e.timeA) << " → " << PlanTextReport::formatMs(e.timeB)
                      << (change.isEmpty() ? QString() : QStringLiteral(", ") + change) << ']';
            if (planKnown(e.rowsA) || planKnown(e.rowsB))
                out() << "  [rows " << PlanTextReport::formatCount(e.rowsA) << " → "
                      << PlanTextReport::formatCount(e.rowsB) << ']';
            out() << '\n';
        }
    }
    out().flush();
    return 0;
}

int explainCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("EXPLAIN a statement on a database and print the analysed plan."));
    parser.addPositionalArgument(QStringLiteral("SQL"), QStringLiteral("One statement, or - to read stdin."));
    const QCommandLineOption backendOption(QStringLiteral("backend"), QStringLiteral("Backend id (see `backends`)."),
                                           QStringLiteral("ID"));
    const QCommandLineOption connectionOption(QStringLiteral("connection"), QStringLiteral("Connection URI."),
                                              QStringLiteral("URI"));
    const QCommandLineOption analyzeOption(QStringLiteral("analyze"),
                                           QStringLiteral("Run the statement and report actual figures (where the "
                                                          "engine can; SQLite cannot)."));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print the normalised plan as JSON."));
    const QCommandLineOption rawOption(QStringLiteral("raw"), QStringLiteral("Print the engine's plan as it came."));
    parser.addOptions({backendOption, connectionOption, analyzeOption, jsonOption, rawOption});
    if (const int code = parseCommand(parser, QStringLiteral("explain"), args); code >= 0)
        return code;
    if (!parser.isSet(backendOption) || !parser.isSet(connectionOption))
        return fail(QStringLiteral("explain needs --backend ID and --connection URI"), 2);
    if (parser.positionalArguments().size() != 1)
        return fail(QStringLiteral("explain needs exactly one SQL argument (quote it), or - to read stdin"), 2);
    QString sql = parser.positionalArguments().first();
    if (sql == QLatin1String("-"))
        sql = QTextStream(stdin).readAll();

    QString error;
    const ConnectionUri uri = ConnectionUri::parse(parser.value(connectionOption), &error);
    if (!uri.isValid())
        return fail(error, 2);
    BackendRegistry registry;
    registry.scan();
    std::unique_ptr<DatabaseConnection> connection = registry.createConnection(parser.value(backendOption), &error);
    if (!connection)
        return fail(error, 2);
    QueryError queryError;
    if (!connection->open(uri, &queryError))
        return fail(QStringLiteral("cannot open %1: %2").arg(uri.displayString(), queryError.message));
    ExplainOptions options;
    options.analyze = parser.isSet(analyzeOption);
    options.buffers = options.analyze;
    const ExplainResult result = connection->explain(sql, options, &queryError);
    if (queryError.isError())
        return fail(queryError.message);
    if (parser.isSet(rawOption)) {
        out() << result.text << '\n';
        out().flush();
        return 0;
    }
    // Table sizes let the warnings judge a full scan; the schema's estimates are enough.
    PlanWarningContext context;
    QueryError schemaError;
    const SchemaInfo schema = connection->schema(&schemaError);
    for (const SchemaTable &table : schema.tables) {
        if (table.rowEstimate >= 0)
            context.tableRows.insert(table.name, table.rowEstimate);
    }
    connection->close();

    Plan plan;
    PlanParseError parseError;
    if (!PlanParser::parse(result.text, PlanFormats::fromExplainFormat(result.format), &plan, &parseError))
        return fail(QStringLiteral("the %1 plan could not be read: %2").arg(result.format, parseError.toString()));
    PlanAnalyzer::analyze(&plan, context);
    if (options.analyze && !plan.hasActuals)
        err() << "note: this engine reports no actual figures; the plan shows estimates only\n";
    printPlan(plan, parser.isSet(jsonOption));
    printNotes(plan);
    return 0;
}

} // namespace dblearn::cli
