#include "clicontext.h"
#include "commands.h"

#include "backends/backendregistry.h"
#include "checker/exercisechecker.h"
#include "datasets/datasetbuilder.h"
#include "datasets/datasetcatalog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace dblearn::cli {

namespace {

// Where the two queries run: the connections, and how each is prepared.
struct CompareTarget {
    QString backend;
    ConnectionUri uri;
    const DatasetGenerator *dataset = nullptr; // built into every new connection (in-memory databases)
    DatasetOptions datasetOptions;
    QString dialect;
};

ConnectionFactory makeFactory(const BackendRegistry &registry, const CompareTarget &target)
{
    return [&registry, target](QString *error) -> std::unique_ptr<DatabaseConnection> {
        std::unique_ptr<DatabaseConnection> connection = registry.createConnection(target.backend, error);
        if (!connection)
            return nullptr;
        QueryError openError;
        if (!connection->open(target.uri, &openError)) {
            *error = QStringLiteral("cannot open %1: %2").arg(target.uri.displayString(), openError.message);
            return nullptr;
        }
        if (target.dataset
            && !DatasetBuilder::create(*connection, target.dialect, *target.dataset, target.datasetOptions, error)) {
            *error = QStringLiteral("cannot create the data set \"%1\": %2").arg(target.dataset->name(), *error);
            return nullptr;
        }
        return connection;
    };
}

// A data set built once into a database that outlives connections (a file, a server).
bool buildOnce(const BackendRegistry &registry, CompareTarget target, QString *error)
{
    const ConnectionFactory open = makeFactory(registry, target);
    std::unique_ptr<DatabaseConnection> connection = open(error);
    if (!connection)
        return false;
    connection->close();
    return true;
}

QJsonObject toJson(const CheckResult &result)
{
    return QJsonObject{
        {QStringLiteral("verdict"), ExerciseChecker::verdictName(result.verdict)},
        {QStringLiteral("match"), result.passed()},
        {QStringLiteral("kind"), ResultComparator::kindName(result.comparison.kind)},
        {QStringLiteral("message"), result.message},
        {QStringLiteral("details"), QJsonArray::fromStringList(result.details)},
        {QStringLiteral("hints"), QJsonArray::fromStringList(result.hints)},
        {QStringLiteral("failedOnVariant"), result.failedOnVariant},
        {QStringLiteral("variantsChecked"), result.variantsChecked},
        {QStringLiteral("expectedRows"), result.expected.rowCount()},
        {QStringLiteral("actualRows"), result.actual.rowCount()},
        {QStringLiteral("elapsedMs"), result.elapsedMs},
    };
}

QString readSql(const QString &argument)
{
    if (argument != QLatin1String("-"))
        return argument;
    QTextStream in(stdin);
    return in.readAll();
}

} // namespace

int compareCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Check SQL_B against SQL_A (the reference) by the exercise checker's rules: columns by "
                       "position, rows as a multiset (unless --ordered), NULL = NULL, 3 = 3.0, floats within a "
                       "tolerance, dates and decimals normalised; then again on a variant data set.\n"
                       "Exit code 0: B matches A; 1: it does not (or A failed); 2: usage error."));
    parser.addPositionalArgument(QStringLiteral("SQL_A"), QStringLiteral("The reference query (or statements, with --verify)."));
    parser.addPositionalArgument(QStringLiteral("SQL_B"), QStringLiteral("The query to check; - reads stdin."));
    const QCommandLineOption datasetOption(QStringLiteral("dataset"),
                                           QStringLiteral("Build this teaching data set first (into an in-memory "
                                                          "database unless --connection names one; its tables are "
                                                          "replaced)."),
                                           QStringLiteral("NAME"));
    const QCommandLineOption scaleOption(QStringLiteral("scale"), QStringLiteral("Data set scale (default 1)."),
                                         QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Data set seed (default 42)."),
                                        QStringLiteral("N"), QString::number(DatasetOptions::defaultSeed));
    const QCommandLineOption variantSeedOption(QStringLiteral("variant-seed"),
                                               QStringLiteral("Seed of the variant data set (default: seed + 1)."),
                                               QStringLiteral("N"));
    const QCommandLineOption noVariantOption(QStringLiteral("no-variant"), QStringLiteral("Skip the variant check."));
    const QCommandLineOption backendOption(QStringLiteral("backend"), QStringLiteral("Backend id (default sqlite)."),
                                           QStringLiteral("ID"), QStringLiteral("sqlite"));
    const QCommandLineOption connectionOption(
        QStringLiteral("connection"),
        QStringLiteral("Connection URI of an existing database (default with --dataset: sqlite::memory:)."),
        QStringLiteral("URI"));
    const QCommandLineOption variantConnectionOption(
        QStringLiteral("variant-connection"),
        QStringLiteral("A database with the same schema and other data, for the variant check."), QStringLiteral("URI"));
    const QCommandLineOption orderedOption(QStringLiteral("ordered"), QStringLiteral("Row order matters."));
    const QCommandLineOption orderKeyOption(
        QStringLiteral("order-key"),
        QStringLiteral("With --ordered: the columns (1-based, comma-separated) the rows are sorted by; rows that tie "
                       "on them may come in any order. Without it the order is strict."),
        QStringLiteral("COLUMNS"));
    const QCommandLineOption toleranceOption(QStringLiteral("float-tolerance"),
                                             QStringLiteral("Tolerance for floats (default 1e-9; 0: exact)."),
                                             QStringLiteral("X"), QStringLiteral("1e-9"));
    const QCommandLineOption namesOption(QStringLiteral("column-names"), QStringLiteral("Compare column names too."));
    const QCommandLineOption verifyOption(QStringLiteral("verify"),
                                          QStringLiteral("DML/DDL: A and B are statements; compare the result of this "
                                                         "query after each (changes are rolled back)."),
                                          QStringLiteral("SQL"));
    const QCommandLineOption freshOption(QStringLiteral("fresh"),
                                         QStringLiteral("Use a fresh connection per run instead of a rolled-back "
                                                        "transaction (default for MariaDB/MySQL)."));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"),
                                           QStringLiteral("Time limit per run in seconds (default 5; 0: none)."),
                                           QStringLiteral("SECONDS"), QStringLiteral("5"));
    const QCommandLineOption maxRowsOption(QStringLiteral("max-rows"),
                                           QStringLiteral("Row limit per result (default 100000)."), QStringLiteral("N"),
                                           QStringLiteral("100000"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOptions({datasetOption, scaleOption, seedOption, variantSeedOption, noVariantOption, backendOption,
                       connectionOption, variantConnectionOption, orderedOption, orderKeyOption, toleranceOption,
                       namesOption, verifyOption, freshOption, timeoutOption, maxRowsOption, jsonOption});
    if (const int code = parseCommand(parser, QStringLiteral("compare"), args); code >= 0)
        return code;

    const QStringList sql = parser.positionalArguments();
    if (sql.size() != 2)
        return fail(QStringLiteral("compare needs two SQL arguments, SQL_A (the reference) and SQL_B"), 2);
    if (!parser.isSet(datasetOption) && !parser.isSet(connectionOption))
        return fail(QStringLiteral("compare needs --dataset NAME or --connection URI"), 2);

    ExerciseSpec spec;
    spec.referenceSql = readSql(sql.at(0));
    const QString learnerSql = readSql(sql.at(1));
    spec.verifySql = parser.value(verifyOption);
    spec.ordered = parser.isSet(orderedOption);
    spec.checkColumnNames = parser.isSet(namesOption);
    bool ok = false;
    spec.floatTolerance = parser.value(toleranceOption).toDouble(&ok);
    if (!ok || spec.floatTolerance < 0)
        return fail(QStringLiteral("--float-tolerance needs a number >= 0"), 2);
    const double timeout = parser.value(timeoutOption).toDouble(&ok);
    if (!ok || timeout < 0)
        return fail(QStringLiteral("--timeout needs a number of seconds"), 2);
    spec.timeoutMs = int(timeout * 1000);
    spec.maxRows = parser.value(maxRowsOption).toLongLong(&ok);
    if (!ok || spec.maxRows < 0)
        return fail(QStringLiteral("--max-rows needs a whole number"), 2);
    if (parser.isSet(orderKeyOption)) {
        for (const QString &part : parser.value(orderKeyOption).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const int column = part.trimmed().toInt(&ok);
            if (!ok || column < 1)
                return fail(QStringLiteral("--order-key needs column numbers from 1, e.g. 1,3"), 2);
            spec.orderKey << column - 1;
        }
        spec.ordered = true;
    }

    BackendRegistry registry;
    registry.scan();
    CompareTarget primary;
    primary.backend = parser.value(backendOption);
    const BackendInfo *info = registry.find(primary.backend);
    if (!info || !info->isLoaded())
        return fail(QStringLiteral("backend \"%1\" is not available (see dblearn-cli backends)").arg(primary.backend), 2);
    primary.dialect = info->dialect;
    if (parser.isSet(freshOption) || primary.dialect == QLatin1String("mysql"))
        spec.isolation = ExerciseSpec::Isolation::FreshConnection;

    QString error;
    const QString uriText = parser.isSet(connectionOption) ? parser.value(connectionOption) : QStringLiteral("sqlite::memory:");
    primary.uri = ConnectionUri::parse(uriText, &error);
    if (!primary.uri.isValid())
        return fail(error, 2);
    if (!info->uriSchemes.isEmpty() && !info->uriSchemes.contains(primary.uri.scheme()))
        return fail(QStringLiteral("backend \"%1\" does not take %2: URIs").arg(info->id, primary.uri.scheme()), 2);

    // Step 1: the data sets. A teaching data set is generated into every new in-memory database (so
    // each run gets a fresh copy), or once into a database that persists.
    DatasetCatalog catalog;
    CheckTargets targets;
    CompareTarget variant = primary;
    bool haveVariant = false;
    if (parser.isSet(datasetOption)) {
        primary.dataset = catalog.find(parser.value(datasetOption));
        if (!primary.dataset) {
            return fail(QStringLiteral("unknown data set \"%1\" (known: %2)")
                            .arg(parser.value(datasetOption), catalog.names().join(QStringLiteral(", "))),
                        2);
        }
        primary.datasetOptions.scale = parser.value(scaleOption).toInt(&ok);
        if (!ok || primary.datasetOptions.scale < 1 || primary.datasetOptions.scale > DatasetBuilder::maxScale)
            return fail(QStringLiteral("--scale needs a whole number from 1 to %1").arg(DatasetBuilder::maxScale), 2);
        primary.datasetOptions.seed = parser.value(seedOption).toULongLong(&ok);
        if (!ok)
            return fail(QStringLiteral("--seed needs a whole number"), 2);
        variant = primary;
        variant.datasetOptions.seed = primary.datasetOptions.seed + 1;
        if (parser.isSet(variantSeedOption)) {
            variant.datasetOptions.seed = parser.value(variantSeedOption).toULongLong(&ok);
            if (!ok)
                return fail(QStringLiteral("--variant-seed needs a whole number"), 2);
        }
        haveVariant = primary.uri.isInMemory();
        if (!primary.uri.isInMemory()) {
            if (!buildOnce(registry, primary, &error))
                return fail(error);
            primary.dataset = nullptr;
        }
    }
    if (parser.isSet(variantConnectionOption)) {
        variant.uri = ConnectionUri::parse(parser.value(variantConnectionOption), &error);
        if (!variant.uri.isValid())
            return fail(error, 2);
        if (variant.dataset && !variant.uri.isInMemory()) {
            if (!buildOnce(registry, variant, &error))
                return fail(error);
            variant.dataset = nullptr;
        }
        haveVariant = true;
    }

    // Step 2: check.
    targets.primary = makeFactory(registry, primary);
    if (haveVariant && !parser.isSet(noVariantOption))
        targets.variants.push_back(makeFactory(registry, variant));
    ExerciseChecker checker(targets);
    const CheckResult result = checker.check(spec, learnerSql);

    if (parser.isSet(jsonOption)) {
        out() << QJsonDocument(toJson(result)).toJson(QJsonDocument::Indented);
    } else {
        switch (result.verdict) {
        case CheckResult::Verdict::Pass:
            out() << "match: ";
            break;
        case CheckResult::Verdict::Fail:
            out() << (result.failedOnVariant ? "no match on the variant data set (" : "no match (")
                  << ResultComparator::kindName(result.comparison.kind) << "): ";
            break;
        case CheckResult::Verdict::AuthoringError:
            out() << "SQL_A failed: ";
            break;
        case CheckResult::Verdict::Unavailable:
            out() << "not checked: ";
            break;
        }
        out() << result.message << '\n';
        for (const QString &line : result.details)
            out() << "  " << line << '\n';
        for (const QString &hint : result.hints)
            out() << "  hint: " << hint << '\n';
    }
    out().flush();
    if (result.verdict == CheckResult::Verdict::Unavailable)
        return fail(QStringLiteral("the comparison could not run"));
    return result.passed() ? 0 : 1;
}

} // namespace dblearn::cli
