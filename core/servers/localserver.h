#pragma once

#include <QString>
#include <QStringList>

namespace dblearn {

// A private database server for the learner, created and run by the application ("Start a local
// PostgreSQL"): its data lives in a folder of the application's own, it listens only on 127.0.0.1
// (and a unix socket in that folder) on a free port, and its generated password is kept in a file
// only the user can read. Subclasses know one engine's programs.
//
// Servers refuse to run as root. When the application runs as root, the server runs as the
// account the engine's Debian package creates (postgres, mysql) in a folder that account owns;
// without such an account, start() says what to do.
class LocalServer
{
public:
    enum class State { NotInstalled, NotCreated, Stopped, Running };

    explicit LocalServer(const QString &baseDir);
    virtual ~LocalServer();
    Q_DISABLE_COPY_MOVE(LocalServer)

    virtual QString engine() const = 0;      // backend id: "postgresql", "mariadb"
    virtual QString displayName() const = 0; // "PostgreSQL 15"
    // The distribution package that provides the server programs, for the "not installed" message.
    virtual QString packageName() const = 0;

    State state() const;
    QString stateText() const;
    // Creates the instance if needed and starts it; false and *error with what to do on failure.
    bool start(QString *error);
    bool stop(QString *error);
    // Drops the learner's database and creates it empty (datasets are loaded again on first use).
    bool reset(QString *error);
    // The connection URI (with the password) while running; empty otherwise.
    QString connectionUri() const;
    QString dataDir() const { return m_dir; }
    QString logFile() const;

protected:
    virtual bool programsFound() const = 0;
    virtual bool isCreated() const = 0;
    virtual bool create(const QString &password, QString *error) = 0;
    virtual bool launch(int port, QString *error) = 0;
    virtual bool shutdown(QString *error) = 0;
    virtual bool isRunning() const = 0;
    virtual bool recreateDatabase(QString *error) = 0;
    virtual QString uriScheme() const = 0;
    // The account the server runs as when the application runs as root.
    virtual QString serviceAccount() const = 0;

    // Runs a program (as the service account when root); its output goes to *output.
    bool run(const QString &program, const QStringList &arguments, QString *output, int timeoutMs = 120000) const;
    bool runningAsRoot() const;
    // Makes `path` owned by the service account (when root) and readable only by it.
    bool ownPrivately(const QString &path, QString *error) const;
    QString password() const;
    int port() const;
    static QString findProgram(const QStringList &names, const QStringList &extraDirs = {});
    static int freePort();

    QString m_dir; // the instance's folder

private:
    QString passwordFile() const;
    QString portFile() const;
};

} // namespace dblearn
