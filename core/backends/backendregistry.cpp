#include "backends/backendregistry.h"

#include "support/apppaths.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QLibrary>
#include <QLoggingCategory>
#include <QPluginLoader>

namespace dblearn {

namespace {
Q_LOGGING_CATEGORY(lcRegistry, "dblearn.backends", QtWarningMsg)

const QString iidPrefix = QStringLiteral("org.dblearn.DatabaseBackend/");

QString expectedApiVersion()
{
    return QString::number(BackendApiMajor) + QLatin1Char('.') + QString::number(BackendApiMinor);
}
} // namespace

BackendRegistry::BackendRegistry() = default;

BackendRegistry::~BackendRegistry()
{
    // Plugin instances are owned by their loaders; the libraries stay mapped until exit,
    // because connections handed out may outlive this registry in shutdown order.
}

QStringList BackendRegistry::defaultSearchPaths()
{
    QStringList paths{AppPaths::pluginDir()};
    const QString extra = qEnvironmentVariable("DBLEARN_PLUGIN_PATH");
    for (const QString &p : extra.split(QLatin1Char(':'), Qt::SkipEmptyParts))
        paths << p;
    return paths;
}

void BackendRegistry::scan(const QStringList &folders)
{
    for (const QString &folder : folders) {
        if (!QDir::isAbsolutePath(folder)) {
            qCWarning(lcRegistry) << "ignoring relative plugin folder" << folder;
            continue;
        }
        const QDir dir(folder);
        const QFileInfoList files = dir.entryInfoList(QDir::Files | QDir::Readable, QDir::Name);
        for (const QFileInfo &file : files) {
            if (QLibrary::isLibrary(file.fileName()))
                consider(file.absoluteFilePath());
        }
    }
}

void BackendRegistry::consider(const QString &filePath)
{
    const QString canonical = QFileInfo(filePath).canonicalFilePath();
    for (const Entry &e : m_entries) {
        if (e.info.filePath == canonical)
            return; // the same file reached through two folders
    }

    Entry entry;
    entry.loader = std::make_unique<QPluginLoader>(canonical);
    const QJsonObject meta = entry.loader->metaData();
    const QString fileName = QFileInfo(canonical).fileName();

    auto refuse = [&](const BackendInfo &info, const QString &reason) {
        Entry refused;
        refused.info = info;
        refused.info.filePath = canonical;
        refused.info.state = BackendInfo::State::Refused;
        refused.info.refusalReason = reason;
        if (refused.info.id.isEmpty())
            refused.info.id = QFileInfo(canonical).baseName();
        qCInfo(lcRegistry).noquote() << "refused" << canonical << ":" << reason;
        m_entries.push_back(std::move(refused));
    };

    if (meta.isEmpty()) {
        refuse(BackendInfo{}, QStringLiteral("%1 is not a readable Qt plugin (%2)").arg(fileName, entry.loader->errorString()));
        return;
    }
    const QString iid = meta.value(QLatin1String("IID")).toString();
    BackendInfo info = BackendInfo::fromMetaData(meta.value(QLatin1String("MetaData")).toObject());
    if (!iid.startsWith(iidPrefix)) {
        refuse(info, QStringLiteral("%1 is not a DB Learn backend (interface \"%2\")").arg(fileName, iid));
        return;
    }
    const QString iidVersion = iid.mid(iidPrefix.size());
    if (iidVersion != expectedApiVersion()) {
        refuse(info, QStringLiteral("built for backend API %1, but this version of DB Learn needs API %2")
                         .arg(iidVersion, expectedApiVersion()));
        return;
    }
    if (info.apiVersion != expectedApiVersion()) {
        refuse(info, QStringLiteral("metadata declares backend API \"%1\", but the interface is %2")
                         .arg(info.apiVersion, expectedApiVersion()));
        return;
    }
    if (info.id.isEmpty() || info.name.isEmpty()) {
        refuse(info, QStringLiteral("metadata lacks an id or a name"));
        return;
    }
    if (const BackendInfo *existing = find(info.id); existing && existing->isLoaded()) {
        refuse(info, QStringLiteral("a backend with id \"%1\" is already loaded from %2").arg(info.id, existing->filePath));
        return;
    }
    if (!entry.loader->load()) {
        refuse(info, QStringLiteral("could not be loaded: %1").arg(entry.loader->errorString()));
        return;
    }
    auto *backend = qobject_cast<DatabaseBackend *>(entry.loader->instance());
    if (!backend) {
        const QString reason = entry.loader->errorString();
        entry.loader->unload();
        refuse(info, QStringLiteral("does not provide the backend interface (%1)").arg(reason));
        return;
    }
    info.filePath = canonical;
    info.state = BackendInfo::State::Loaded;
    entry.info = info;
    entry.backend = backend;
    qCInfo(lcRegistry).noquote() << "loaded" << info.id << info.version << "from" << canonical;
    m_entries.push_back(std::move(entry));
}

QList<BackendInfo> BackendRegistry::backends() const
{
    QList<BackendInfo> list;
    for (const Entry &e : m_entries)
        list << e.info;
    return list;
}

const BackendInfo *BackendRegistry::find(const QString &id) const
{
    const BackendInfo *refused = nullptr;
    for (const Entry &e : m_entries) {
        if (e.info.id != id)
            continue;
        if (e.info.isLoaded())
            return &e.info;
        refused = &e.info;
    }
    return refused;
}

bool BackendRegistry::isLoaded(const QString &id) const
{
    const BackendInfo *info = find(id);
    return info && info->isLoaded();
}

QStringList BackendRegistry::loadedIds() const
{
    QStringList ids;
    for (const Entry &e : m_entries) {
        if (e.info.isLoaded())
            ids << e.info.id;
    }
    return ids;
}

std::unique_ptr<DatabaseConnection> BackendRegistry::createConnection(const QString &id, QString *error) const
{
    for (const Entry &e : m_entries) {
        if (e.info.id == id && e.backend)
            return e.backend->createConnection();
    }
    if (const BackendInfo *info = find(id))
        *error = QStringLiteral("backend \"%1\" was refused: %2").arg(id, info->refusalReason);
    else
        *error = QStringLiteral("unknown backend \"%1\" (available: %2)")
                     .arg(id, loadedIds().isEmpty() ? QStringLiteral("none") : loadedIds().join(QStringLiteral(", ")));
    return nullptr;
}

} // namespace dblearn
