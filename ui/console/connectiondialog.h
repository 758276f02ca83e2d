#pragma once

#include "consoletarget.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace dblearn {

class BackendRegistry;

// Chooses what a console connects to: a bundled dataset's working copy, or a database through a
// backend, with a form built from the parameters the plugin declares; "Test connection" tries it
// without closing the dialog; recent connections come back from settings (without passwords).
class ConnectionDialog final : public QDialog
{
    Q_OBJECT
public:
    ConnectionDialog(const BackendRegistry &registry, const QStringList &datasets, QWidget *parent = nullptr);

    ConsoleTarget target() const;
    QString password() const;
    bool rememberPassword() const;
    // The URI from the form, with the password when withPassword.
    QString uri(bool withPassword) const;

    void selectBackend(const QString &id);
    void setParameter(const QString &name, const QString &value);
    // Opens a connection with the form's values on a worker thread; true with the server version.
    bool testConnection(QString *message);

    static QStringList recentConnections();
    static void rememberConnection(const ConsoleTarget &target);

private:
    void rebuildForm();

    const BackendRegistry &m_registry;
    QComboBox *m_kind = nullptr;    // dataset or backend
    QComboBox *m_dataset = nullptr;
    QComboBox *m_backend = nullptr;
    QComboBox *m_recent = nullptr;
    QFormLayout *m_form = nullptr;
    QWidget *m_formHost = nullptr;
    QHash<QString, QLineEdit *> m_fields;
    QCheckBox *m_remember = nullptr;
    QLabel *m_testResult = nullptr;
};

} // namespace dblearn
