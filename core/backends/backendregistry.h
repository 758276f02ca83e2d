#pragma once

#include "backends/backendinfo.h"
#include "backends/databasebackend.h"

#include <QList>
#include <QStringList>

#include <memory>
#include <vector>

class QPluginLoader;

namespace dblearn {

// Finds backend plugins, checks their metadata before loading any code, and hands out
// connections. Every plugin found is listed: loaded, or refused with a one-line reason.
class BackendRegistry final
{
public:
    BackendRegistry();
    ~BackendRegistry();
    Q_DISABLE_COPY_MOVE(BackendRegistry)

    // The application's own plugin folder, then the folders in DBLEARN_PLUGIN_PATH (':'-separated).
    static QStringList defaultSearchPaths();

    // Scans the folders (absolute paths only; relative ones are ignored) and loads what passes.
    void scan(const QStringList &folders = defaultSearchPaths());

    QList<BackendInfo> backends() const; // loaded and refused, in scan order
    const BackendInfo *find(const QString &id) const;
    bool isLoaded(const QString &id) const;
    QStringList loadedIds() const;

    // Returns a new, unopened connection, or nullptr with *error saying why.
    std::unique_ptr<DatabaseConnection> createConnection(const QString &id, QString *error) const;

private:
    void consider(const QString &filePath);

    struct Entry {
        BackendInfo info;
        std::unique_ptr<QPluginLoader> loader;
        DatabaseBackend *backend = nullptr;
    };
    std::vector<Entry> m_entries;
};

} // namespace dblearn
