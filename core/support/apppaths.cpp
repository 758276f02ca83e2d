#include "support/apppaths.h"

#include "support/buildconfig.h"

#include <QCoreApplication>
#include <QDir>

namespace dblearn {

namespace {
QString fromBinDir(const char *relative)
{
    return QDir::cleanPath(QCoreApplication::applicationDirPath() + QLatin1Char('/') + QLatin1String(relative));
}
} // namespace

QString AppPaths::pluginDir()
{
    return fromBinDir(DBLEARN_REL_PLUGINDIR);
}

QString AppPaths::dataDir()
{
    return fromBinDir(DBLEARN_REL_DATADIR);
}

QString AppPaths::contentDir()
{
    const QString overridden = qEnvironmentVariable("DBLEARN_CONTENT_DIR");
    if (!overridden.isEmpty())
        return QDir(overridden).absolutePath();
    return dataDir() + QLatin1String("/content");
}

QString AppPaths::webDir()
{
    return dataDir() + QLatin1String("/web");
}

QString AppPaths::mathDir()
{
    const QString overridden = qEnvironmentVariable("DBLEARN_MATH_DIR");
    if (!overridden.isEmpty())
        return QDir(overridden).absolutePath();
    return dataDir() + QLatin1String("/math");
}

} // namespace dblearn
