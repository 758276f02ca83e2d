#include "backends/backendinfo.h"

#include <QJsonArray>

namespace dblearn {

namespace {

QStringList toStringList(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &v : array)
        list << v.toString();
    return list;
}

} // namespace

BackendInfo BackendInfo::fromMetaData(const QJsonObject &metaData)
{
    BackendInfo info;
    info.id = metaData.value(QLatin1String("id")).toString();
    info.name = metaData.value(QLatin1String("name")).toString();
    info.version = metaData.value(QLatin1String("version")).toString();
    info.apiVersion = metaData.value(QLatin1String("apiVersion")).toString();
    info.dialect = metaData.value(QLatin1String("dialect")).toString();
    info.uriSchemes = toStringList(metaData.value(QLatin1String("uriSchemes")));
    const QJsonObject caps = metaData.value(QLatin1String("capabilities")).toObject();
    info.explainFormats = toStringList(caps.value(QLatin1String("explainFormats")));
    info.explainOptions = toStringList(caps.value(QLatin1String("explainOptions")));
    info.canCancel = caps.value(QLatin1String("cancel")).toBool();
    info.hasSchemaIntrospection = caps.value(QLatin1String("schemaIntrospection")).toBool();
    info.hasTransactions = caps.value(QLatin1String("transactions")).toBool();
    const QJsonArray params = caps.value(QLatin1String("connectionParameters")).toArray();
    for (const QJsonValue &v : params) {
        const QJsonObject o = v.toObject();
        info.connectionParameters.append({o.value(QLatin1String("name")).toString(),
                                          o.value(QLatin1String("label")).toString(),
                                          o.value(QLatin1String("type")).toString(),
                                          o.value(QLatin1String("default")).toVariant().toString()});
    }
    return info;
}

QJsonObject BackendInfo::toJson() const
{
    QJsonArray params;
    for (const ConnectionParameter &p : connectionParameters)
        params.append(QJsonObject{{QStringLiteral("name"), p.name},
                                  {QStringLiteral("label"), p.label},
                                  {QStringLiteral("type"), p.type},
                                  {QStringLiteral("default"), p.defaultValue}});
    QJsonObject o{
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name},
        {QStringLiteral("version"), version},
        {QStringLiteral("apiVersion"), apiVersion},
        {QStringLiteral("dialect"), dialect},
        {QStringLiteral("uriSchemes"), QJsonArray::fromStringList(uriSchemes)},
        {QStringLiteral("capabilities"),
         QJsonObject{{QStringLiteral("explainFormats"), QJsonArray::fromStringList(explainFormats)},
                     {QStringLiteral("explainOptions"), QJsonArray::fromStringList(explainOptions)},
                     {QStringLiteral("cancel"), canCancel},
                     {QStringLiteral("schemaIntrospection"), hasSchemaIntrospection},
                     {QStringLiteral("transactions"), hasTransactions},
                     {QStringLiteral("connectionParameters"), params}}},
        {QStringLiteral("file"), filePath},
        {QStringLiteral("state"), isLoaded() ? QStringLiteral("loaded") : QStringLiteral("refused")},
    };
    if (!isLoaded())
        o.insert(QStringLiteral("reason"), refusalReason);
    return o;
}

} // namespace dblearn
