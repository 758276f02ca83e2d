#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace dblearn {

struct ConnectionParameter {
    QString name;  // "host", "port", "path", ...
    QString label; // shown in connection dialogs
    QString type;  // "string", "int", "password", "file"
    QString defaultValue;
};

// What a backend plugin declares in its JSON metadata, read without loading its code.
struct BackendInfo {
    enum class State { Loaded, Refused };

    QString id;       // "sqlite", "postgresql", "mariadb"
    QString name;     // human-readable
    QString version;  // the plugin's own version
    QString apiVersion; // "1.0"
    QString dialect;  // "sqlite", "postgresql", "mysql"
    QStringList uriSchemes;
    QStringList explainFormats;
    QStringList explainOptions; // EXPLAIN options the engine takes: "buffers", "verbose", "settings", "wal"
    bool canCancel = false;
    bool hasSchemaIntrospection = false;
    bool hasTransactions = false;
    QList<ConnectionParameter> connectionParameters;

    QString filePath; // the library file
    State state = State::Refused;
    QString refusalReason; // why it was refused, one line

    bool isLoaded() const { return state == State::Loaded; }
    QJsonObject toJson() const;

    // Fills the declared fields from QPluginLoader::metaData()["MetaData"].
    static BackendInfo fromMetaData(const QJsonObject &metaData);
};

} // namespace dblearn
