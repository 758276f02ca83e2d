#pragma once

// Where the test suite's private database servers are: tests/servers/testservers writes their URIs
// to the file named by DBLEARN_TEST_SERVERS_ENV (set by CTest for SERVERS tests). A variable of the
// same name in the environment (DBLEARN_TEST_POSTGRESQL_URI, DBLEARN_TEST_MARIADB_URI) wins, so a
// developer can point a test at a server of their own.

#include <QFile>
#include <QString>
#include <QTextStream>

namespace dblearn::test {

inline QString testServerValue(const char *name)
{
    const QString fromEnvironment = qEnvironmentVariable(name);
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    QFile file(qEnvironmentVariable("DBLEARN_TEST_SERVERS_ENV"));
    if (file.fileName().isEmpty() || !file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    const QString prefix = QString::fromLatin1(name) + QLatin1Char('=');
    QTextStream in(&file);
    while (!in.atEnd()) {
        const QString line = in.readLine();
        if (line.startsWith(prefix))
            return line.mid(prefix.size());
    }
    return {};
}

// The same server URI with another of the databases testservers creates (dblearn_<suffix>), so that
// test programs running in parallel do not drop each other's tables.
inline QString testServerValue(const char *name, const QString &databaseSuffix)
{
    QString uri = testServerValue(name);
    const qsizetype slash = uri.lastIndexOf(QLatin1Char('/'));
    if (uri.isEmpty() || slash < 0 || !uri.mid(slash + 1).startsWith(QLatin1String("dblearn")))
        return uri;
    return uri.left(slash + 1) + QStringLiteral("dblearn_") + databaseSuffix;
}

// True when CTest started the servers for this test: a missing URI is then a failure, not a skip.
inline bool testServersExpected()
{
    return !qEnvironmentVariable("DBLEARN_TEST_SERVERS_ENV").isEmpty();
}

} // namespace dblearn::test
