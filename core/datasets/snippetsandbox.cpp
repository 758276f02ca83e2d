#include "snippetsandbox.h"

#include "backends/databasebackend.h"
#include "datasetprovider.h"

namespace dblearn {

bool SnippetSandbox::rollsBack(const QString &engine)
{
    return engine == QLatin1String("postgresql");
}

std::unique_ptr<DatabaseConnection> SnippetSandbox::open(DatasetProvider &datasets, const QString &engine,
                                                         const QString &dataset, quint64 seed, QString *error)
{
    std::unique_ptr<DatabaseConnection> connection = datasets.openFresh(engine, dataset, seed, error);
    if (!connection || !rollsBack(engine))
        return connection;
    const StatementStatus begin = connection->execute(QStringLiteral("BEGIN"));
    connection->finish();
    if (!begin.ok) {
        *error = QStringLiteral("cannot start the block's transaction: %1").arg(begin.error.message);
        return nullptr;
    }
    return connection;
}

void SnippetSandbox::end(DatabaseConnection &connection, const QString &engine)
{
    if (!rollsBack(engine))
        return;
    connection.execute(QStringLiteral("ROLLBACK"));
    connection.finish();
}

} // namespace dblearn
