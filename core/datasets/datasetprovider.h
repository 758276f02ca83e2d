#pragma once

#include <QString>

#include <memory>

namespace dblearn {

class BackendRegistry;
class DatabaseConnection;

// Hands out connections to the bundled datasets for lessons, exercises and the content check.
//
// SQLite (the embedded default): each dataset is generated once per (name, scale, seed) into a
// pristine template file under the cache folder; `openWorking` opens the learner's own copy
// (created from the template on first use, kept between runs, so the learner may change it
// freely), `reset` replaces that copy with a fresh one, and `openFresh` opens a throw-away copy
// (exercise checks, DML, the content check). An empty dataset name means an empty database.
// Server engines (PostgreSQL, MariaDB) are reached through a connection URI the caller supplies;
// the dataset is created there on first use.
class DatasetProvider final
{
public:
    DatasetProvider(const BackendRegistry &registry, const QString &cacheDir, const QString &workDir);
    ~DatasetProvider();
    Q_DISABLE_COPY_MOVE(DatasetProvider)

    // The learner's working copy of `dataset` on `engine` ("sqlite" unless a server is configured).
    std::unique_ptr<DatabaseConnection> openWorking(const QString &engine, const QString &dataset, QString *error);
    // A fresh, disposable copy of the dataset with the given seed (a variant when seed differs
    // from the default).
    std::unique_ptr<DatabaseConnection> openFresh(const QString &engine, const QString &dataset, quint64 seed,
                                                  QString *error);
    // Recreates the learner's working copy.
    bool reset(const QString &engine, const QString &dataset, QString *error);

    // For server engines: the URI to use for `engine` ("postgresql", "mariadb"); none by default.
    void setServerUri(const QString &engine, const QString &uri);
    bool hasEngine(const QString &engine) const;

    static quint64 variantSeed(); // the seed of the variant dataset used to catch lucky answers

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace dblearn
