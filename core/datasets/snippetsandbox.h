#pragma once

#include <QString>

#include <memory>

namespace dblearn {

class DatabaseConnection;
class DatasetProvider;

// Where a lesson's runnable block runs: the same for the Run button in the app and for the
// content check, so a block that passes the check shows the learner the output its prose
// describes, whatever the learner did before. SQLite: a fresh, throw-away copy of the dataset.
// PostgreSQL: the dataset's database, inside a transaction that is never committed (the caller
// rolls it back with end(), or drops the connection, which rolls it back too). MariaDB: the
// dataset's database as it is (its DDL commits by itself; lessons keep MariaDB blocks read-only).
// Lessons' own changes are for the console, which works on the learner's working copy.
class SnippetSandbox final
{
public:
    static std::unique_ptr<DatabaseConnection> open(DatasetProvider &datasets, const QString &engine,
                                                    const QString &dataset, quint64 seed, QString *error);
    // Undoes what the block changed where the engine can (PostgreSQL); the connection stays open.
    static void end(DatabaseConnection &connection, const QString &engine);

private:
    static bool rollsBack(const QString &engine);
};

} // namespace dblearn
