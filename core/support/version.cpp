#include "support/version.h"

#include "support/buildconfig.h"

#include <sqlite3.h>

#include <QtGlobal>

namespace dblearn {

QString applicationVersion()
{
    return QStringLiteral(DBLEARN_VERSION);
}

QList<QPair<QString, QString>> coreComponentVersions()
{
    return {
        {QStringLiteral("Qt (run time)"), QString::fromLatin1(qVersion())},
        {QStringLiteral("Qt (build)"), QStringLiteral(QT_VERSION_STR)},
        {QStringLiteral("SQLite (library)"), QString::fromLatin1(sqlite3_libversion())},
        {QStringLiteral("md4c"), QStringLiteral(DBLEARN_MD4C_VERSION)},
    };
}

} // namespace dblearn
