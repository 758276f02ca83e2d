#include "passwordvault.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>

namespace dblearn {

namespace {
const QString service = QStringLiteral("dblearn");

// Runs a keychain job to its end (they are asynchronous), keeping the event loop going.
bool finish(QKeychain::Job *job, QString *error)
{
    QEventLoop loop;
    QObject::connect(job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job->start();
    loop.exec();
    if (job->error() == QKeychain::NoError)
        return true;
    if (error)
        *error = job->errorString();
    return false;
}
} // namespace

bool PasswordVault::read(const QString &key, QString *password, QString *error)
{
    QKeychain::ReadPasswordJob job(service);
    job.setAutoDelete(false);
    job.setKey(key);
    if (!finish(&job, error))
        return false;
    *password = job.textData();
    return true;
}

bool PasswordVault::write(const QString &key, const QString &password, QString *error)
{
    QKeychain::WritePasswordJob job(service);
    job.setAutoDelete(false);
    job.setKey(key);
    job.setTextData(password);
    return finish(&job, error);
}

bool PasswordVault::remove(const QString &key, QString *error)
{
    QKeychain::DeletePasswordJob job(service);
    job.setAutoDelete(false);
    job.setKey(key);
    return finish(&job, error);
}

} // namespace dblearn
