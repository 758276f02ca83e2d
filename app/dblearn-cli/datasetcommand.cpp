#include "clicontext.h"
#include "commands.h"

#include "backends/backendregistry.h"
#include "datasets/datasetbuilder.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetchecksum.h"
#include "datasets/sqldialect.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <atomic>
#include <csignal>

namespace dblearn::cli {

namespace {

std::atomic<DatabaseConnection *> g_connection{nullptr};
std::atomic<bool> g_cancel{false};

extern "C" void onDatasetInterrupt(int)
{
    g_cancel = true;
    if (DatabaseConnection *connection = g_connection.load())
        connection->cancel();
}

const char usage[] = "Usage: dblearn-cli dataset <subcommand> [options]\n"
                     "\n"
                     "Subcommands:\n"
                     "  list [--json]                 The datasets, their tables and row counts.\n"
                     "  create NAME [--scale N] [--seed S] --backend ID --connection URI\n"
                     "                                Create the dataset (replacing its tables if present).\n"
                     "  reset NAME ...                The same as create: drop the tables and create them again.\n"
                     "  drop NAME --backend ID --connection URI\n"
                     "                                Drop the dataset's tables.\n"
                     "  checksum NAME --backend ID --connection URI [--json]\n"
                     "                                Row counts and checksums, to compare engines.\n"
                     "  schema NAME [--dialect sqlite|postgresql|mysql]\n"
                     "                                Print the CREATE TABLE and CREATE INDEX statements.\n";

QString number(qint64 n)
{
    return QLocale(QLocale::English).toString(n);
}

QString scalingText(const TableSpec &table)
{
    return table.scaling == TableSpec::Scaling::Fixed ? QStringLiteral("fixed") : QStringLiteral("x scale");
}

const DatasetGenerator *findDataset(const DatasetCatalog &catalog, const QCommandLineParser &parser, int *code)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        *code = fail(QStringLiteral("name one dataset: %1").arg(catalog.names().join(QStringLiteral(", "))), 2);
        return nullptr;
    }
    const DatasetGenerator *generator = catalog.find(positional.first());
    if (!generator) {
        *code = fail(QStringLiteral("unknown dataset \"%1\" (known: %2)")
                         .arg(positional.first(), catalog.names().join(QStringLiteral(", "))),
                     2);
    }
    return generator;
}

// Opens --connection with --backend; returns nullptr after reporting why.
std::unique_ptr<DatabaseConnection> openConnection(BackendRegistry &registry, const QString &backend,
                                                   const QString &uriText, QString *dialect, int *code)
{
    if (backend.isEmpty()) {
        *code = fail(QStringLiteral("--backend ID is required (see dblearn-cli backends)"), 2);
        return nullptr;
    }
    if (uriText.isEmpty()) {
        *code = fail(QStringLiteral("--connection URI is required, e.g. sqlite:///home/me/shop.db"), 2);
        return nullptr;
    }
    QString error;
    const ConnectionUri uri = ConnectionUri::parse(uriText, &error);
    if (!uri.isValid()) {
        *code = fail(error, 2);
        return nullptr;
    }
    registry.scan();
    std::unique_ptr<DatabaseConnection> connection = registry.createConnection(backend, &error);
    if (!connection) {
        *code = fail(error, 2);
        return nullptr;
    }
    const BackendInfo *info = registry.find(backend);
    if (!info->uriSchemes.isEmpty() && !info->uriSchemes.contains(uri.scheme())) {
        *code = fail(QStringLiteral("backend \"%1\" does not take %2: URIs (it takes %3)")
                         .arg(info->id, uri.scheme(), info->uriSchemes.join(QStringLiteral(", "))),
                     2);
        return nullptr;
    }
    QueryError openError;
    if (!connection->open(uri, &openError)) {
        *code = fail(QStringLiteral("cannot open %1: %2").arg(uri.displayString(), openError.message));
        return nullptr;
    }
    *dialect = info->dialect;
    return connection;
}

int listDatasets(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List the datasets with their tables and row counts."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOption(json);
    if (const int code = parseCommand(parser, QStringLiteral("dataset list"), args); code >= 0)
        return code;

    DatasetCatalog catalog;
    if (parser.isSet(json)) {
        QJsonArray list;
        for (const DatasetGenerator *g : catalog.datasets()) {
            QJsonArray tables;
            for (const TableSpec &t : g->tables()) {
                tables.append(QJsonObject{{QStringLiteral("name"), t.name},
                                          {QStringLiteral("description"), t.description},
                                          {QStringLiteral("rowsAtScale1"), t.baseRows},
                                          {QStringLiteral("scaling"), t.scaling == TableSpec::Scaling::Fixed
                                                                          ? QStringLiteral("fixed")
                                                                          : QStringLiteral("linear")},
                                          {QStringLiteral("columns"), QJsonArray::fromStringList(t.columnNames())}});
            }
            list.append(QJsonObject{{QStringLiteral("name"), g->name()},
                                    {QStringLiteral("title"), g->title()},
                                    {QStringLiteral("description"), g->description()},
                                    {QStringLiteral("scaleNote"), g->scaleNote()},
                                    {QStringLiteral("rowsAtScale1"), g->totalRows(1)},
                                    {QStringLiteral("tables"), tables}});
        }
        const QJsonObject root{{QStringLiteral("maxScale"), DatasetBuilder::maxScale},
                               {QStringLiteral("defaultSeed"), QString::number(DatasetOptions::defaultSeed)},
                               {QStringLiteral("datasets"), list}};
        out() << QJsonDocument(root).toJson(QJsonDocument::Indented);
        out().flush();
        return 0;
    }
    for (const DatasetGenerator *g : catalog.datasets()) {
        out() << g->name() << " - " << g->title() << " (" << number(g->totalRows(1)) << " rows at scale 1)\n";
        out() << "  " << g->description() << '\n';
        out() << "  " << g->scaleNote() << '\n';
        for (const TableSpec &t : g->tables()) {
            out() << "    " << qSetFieldWidth(20) << Qt::left << t.name << qSetFieldWidth(10) << Qt::right
                  << number(t.baseRows) << qSetFieldWidth(0) << Qt::left << "  " << scalingText(t) << '\n';
        }
        out() << '\n';
    }
    out() << "Scale: 1 (default) to " << DatasetBuilder::maxScale << ". Seed: " << DatasetOptions::defaultSeed
          << " by default; the same seed gives the same rows in every engine.\n";
    out().flush();
    return 0;
}

int createDataset(const QString &command, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(command == QLatin1String("reset")
                                         ? QStringLiteral("Drop a dataset's tables and create them again.")
                                         : QStringLiteral("Create a dataset (its tables are replaced if present)."));
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("The dataset (see dataset list)."));
    const QCommandLineOption scaleOption(QStringLiteral("scale"),
                                         QStringLiteral("Scale factor: 1 (default) is small; 1000 gives shop 1M orders."),
                                         QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Random seed (default %1).")
                                                                    .arg(DatasetOptions::defaultSeed),
                                        QStringLiteral("S"), QString::number(DatasetOptions::defaultSeed));
    const QCommandLineOption backendOption(QStringLiteral("backend"), QStringLiteral("Backend id (see `backends`)."),
                                           QStringLiteral("ID"));
    const QCommandLineOption connectionOption(QStringLiteral("connection"),
                                              QStringLiteral("Connection URI: sqlite::memory:, sqlite:///abs/path.db"),
                                              QStringLiteral("URI"));
    const QCommandLineOption quietOption(QStringLiteral("quiet"), QStringLiteral("No progress on stderr."));
    parser.addOptions({scaleOption, seedOption, backendOption, connectionOption, quietOption});
    if (const int code = parseCommand(parser, QStringLiteral("dataset ") + command, args); code >= 0)
        return code;

    DatasetCatalog catalog;
    int code = 0;
    const DatasetGenerator *generator = findDataset(catalog, parser, &code);
    if (!generator)
        return code;
    bool ok = false;
    const int scale = parser.value(scaleOption).toInt(&ok);
    if (!ok || scale < 1 || scale > DatasetBuilder::maxScale)
        return fail(QStringLiteral("--scale needs a whole number from 1 to %1").arg(DatasetBuilder::maxScale), 2);
    const quint64 seed = parser.value(seedOption).toULongLong(&ok);
    if (!ok)
        return fail(QStringLiteral("--seed needs a whole number of at least 0"), 2);

    BackendRegistry registry;
    QString dialect;
    std::unique_ptr<DatabaseConnection> connection =
        openConnection(registry, parser.value(backendOption), parser.value(connectionOption), &dialect, &code);
    if (!connection)
        return code;

    const bool quiet = parser.isSet(quietOption);
    DatasetOptions options;
    options.scale = scale;
    options.seed = seed;
    options.cancel = &g_cancel;
    QString lastTable;
    int lastTenth = -1;
    options.progress = [&](const DatasetProgress &p) {
        if (quiet)
            return;
        switch (p.stage) {
        case DatasetProgress::Stage::Dropping:
            if (lastTable.isEmpty())
                err() << "dropping old tables\n";
            lastTable = p.table;
            break;
        case DatasetProgress::Stage::Creating:
            if (lastTable != QLatin1String("#create"))
                err() << "creating tables\n";
            lastTable = QStringLiteral("#create");
            break;
        case DatasetProgress::Stage::Inserting: {
            const int tenth = p.rowsTotal > 0 ? int(p.rowsDone * 10 / p.rowsTotal) : 0;
            if (tenth != lastTenth) {
                err() << "inserting rows: " << tenth * 10 << "% (" << p.table << ")\n";
                lastTenth = tenth;
            }
            break;
        }
        case DatasetProgress::Stage::Indexing:
            if (lastTable != p.table)
                err() << "indexing " << p.table << '\n';
            lastTable = p.table;
            break;
        case DatasetProgress::Stage::Done:
            break;
        }
        err().flush();
    };

    g_connection = connection.get();
    std::signal(SIGINT, onDatasetInterrupt);
    QElapsedTimer timer;
    timer.start();
    QString error;
    const bool created = DatasetBuilder::create(*connection, dialect, *generator, options, &error);
    std::signal(SIGINT, SIG_DFL);
    g_connection = nullptr;
    connection->close();
    if (!created)
        return fail(error);
    out() << "Created dataset \"" << generator->name() << "\" (scale " << scale << ", seed " << seed << "): "
          << number(generator->totalRows(scale)) << " rows in " << generator->tables().size() << " tables, "
          << QString::number(double(timer.elapsed()) / 1000.0, 'f', 2) << " s\n";
    out().flush();
    return 0;
}

int dropDataset(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Drop a dataset's tables."));
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("The dataset (see dataset list)."));
    const QCommandLineOption backendOption(QStringLiteral("backend"), QStringLiteral("Backend id."), QStringLiteral("ID"));
    const QCommandLineOption connectionOption(QStringLiteral("connection"), QStringLiteral("Connection URI."),
                                              QStringLiteral("URI"));
    parser.addOptions({backendOption, connectionOption});
    if (const int code = parseCommand(parser, QStringLiteral("dataset drop"), args); code >= 0)
        return code;
    DatasetCatalog catalog;
    int code = 0;
    const DatasetGenerator *generator = findDataset(catalog, parser, &code);
    if (!generator)
        return code;
    BackendRegistry registry;
    QString dialect;
    auto connection = openConnection(registry, parser.value(backendOption), parser.value(connectionOption), &dialect, &code);
    if (!connection)
        return code;
    QString error;
    if (!DatasetBuilder::drop(*connection, dialect, *generator, &error))
        return fail(error);
    out() << "Dropped the tables of dataset \"" << generator->name() << "\"\n";
    out().flush();
    return 0;
}

int checksumDataset(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Row counts and checksums of a dataset's tables, to compare "
                                                    "engines or runs."));
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("The dataset (see dataset list)."));
    const QCommandLineOption backendOption(QStringLiteral("backend"), QStringLiteral("Backend id."), QStringLiteral("ID"));
    const QCommandLineOption connectionOption(QStringLiteral("connection"), QStringLiteral("Connection URI."),
                                              QStringLiteral("URI"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOptions({backendOption, connectionOption, json});
    if (const int code = parseCommand(parser, QStringLiteral("dataset checksum"), args); code >= 0)
        return code;
    DatasetCatalog catalog;
    int code = 0;
    const DatasetGenerator *generator = findDataset(catalog, parser, &code);
    if (!generator)
        return code;
    BackendRegistry registry;
    QString dialect;
    auto connection = openConnection(registry, parser.value(backendOption), parser.value(connectionOption), &dialect, &code);
    if (!connection)
        return code;
    QString error;
    const DatasetChecksum sum = DatasetChecksum::compute(*connection, *generator, &error);
    if (!sum.isValid())
        return fail(error);
    if (parser.isSet(json)) {
        QJsonArray tables;
        for (const TableChecksum &t : sum.tables()) {
            tables.append(QJsonObject{{QStringLiteral("table"), t.table},
                                      {QStringLiteral("rows"), t.rows},
                                      {QStringLiteral("checksum"),
                                       QStringLiteral("%1").arg(t.hash, 16, 16, QLatin1Char('0'))}});
        }
        const QJsonObject root{{QStringLiteral("dataset"), generator->name()},
                               {QStringLiteral("checksum"), sum.toString()},
                               {QStringLiteral("tables"), tables}};
        out() << QJsonDocument(root).toJson(QJsonDocument::Indented);
    } else {
        for (const TableChecksum &t : sum.tables()) {
            out() << qSetFieldWidth(22) << Qt::left << t.table << qSetFieldWidth(12) << Qt::right << number(t.rows)
                  << qSetFieldWidth(0) << "  " << QStringLiteral("%1").arg(t.hash, 16, 16, QLatin1Char('0')) << '\n';
        }
        out() << qSetFieldWidth(22) << Qt::left << QStringLiteral("dataset") << qSetFieldWidth(12) << Qt::right << ' '
              << qSetFieldWidth(0) << "  " << sum.toString() << '\n';
    }
    out().flush();
    return 0;
}

int printSchema(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Print a dataset's CREATE TABLE and CREATE INDEX statements."));
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("The dataset (see dataset list)."));
    const QCommandLineOption dialectOption(QStringLiteral("dialect"), QStringLiteral("sqlite (default), postgresql or mysql."),
                                           QStringLiteral("DIALECT"), QStringLiteral("sqlite"));
    parser.addOption(dialectOption);
    if (const int code = parseCommand(parser, QStringLiteral("dataset schema"), args); code >= 0)
        return code;
    DatasetCatalog catalog;
    int code = 0;
    const DatasetGenerator *generator = findDataset(catalog, parser, &code);
    if (!generator)
        return code;
    SqlDialect dialect;
    if (!SqlDialect::fromName(parser.value(dialectOption), &dialect))
        return fail(QStringLiteral("unknown dialect \"%1\" (sqlite, postgresql or mysql)").arg(parser.value(dialectOption)), 2);
    for (const QString &sql : DatasetBuilder::tableStatements(dialect, *generator))
        out() << sql << ";\n\n";
    for (const QString &sql : DatasetBuilder::indexStatements(dialect, *generator))
        out() << sql << ";\n";
    out().flush();
    return 0;
}

} // namespace

int datasetCommand(const QStringList &args)
{
    if (args.isEmpty())
        return fail(QString::fromLatin1(usage).trimmed(), 2);
    const QString sub = args.first();
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h") || sub == QLatin1String("help")) {
        out() << usage;
        out().flush();
        return 0;
    }
    if (sub == QLatin1String("list"))
        return listDatasets(rest);
    if (sub == QLatin1String("create") || sub == QLatin1String("reset"))
        return createDataset(sub, rest);
    if (sub == QLatin1String("drop"))
        return dropDataset(rest);
    if (sub == QLatin1String("checksum"))
        return checksumDataset(rest);
    if (sub == QLatin1String("schema"))
        return printSchema(rest);
    return fail(QStringLiteral("unknown dataset subcommand \"%1\" (list, create, reset, drop, checksum, schema)").arg(sub), 2);
}

} // namespace dblearn::cli
