#pragma once

#include <QStringList>

namespace dblearn {

// The words the console's highlighter and completion know, per dialect ("sqlite", "postgresql",
// "mysql"): the common SQL keywords plus each engine's own, and the usual functions.
class SqlKeywords final
{
public:
    static const QStringList &keywords(const QString &dialect);
    static const QStringList &functions(const QString &dialect);
    static const QStringList &types(const QString &dialect);
};

} // namespace dblearn
