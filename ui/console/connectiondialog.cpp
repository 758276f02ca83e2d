#include "connectiondialog.h"

#include "backends/backendregistry.h"
#include "backends/connectionuri.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEventLoop>
#include <QFileDialog>
#include <QFormLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QThread>
#include <QUrl>
#include <QVBoxLayout>

namespace dblearn {

namespace {
const QString keyRecent = QStringLiteral("console/recentConnections");
} // namespace

ConnectionDialog::ConnectionDialog(const BackendRegistry &registry, const QStringList &datasets, QWidget *parent)
    : QDialog(parent), m_registry(registry), m_kind(new QComboBox(this)), m_dataset(new QComboBox(this)),
      m_backend(new QComboBox(this)), m_recent(new QComboBox(this)), m_formHost(new QWidget(this)),
      m_remember(new QCheckBox(tr("Remember the password in the system keychain"), this)), m_testResult(new QLabel(this))
{
    setWindowTitle(tr("Connect Console"));
    setObjectName(QStringLiteral("ConnectionDialog"));
    m_kind->addItem(tr("A bundled dataset (SQLite working copy)"));
    m_kind->addItem(tr("A database through a backend"));
    m_dataset->addItems(datasets);
    for (const QString &id : registry.loadedIds())
        m_backend->addItem(registry.find(id)->name, id);
    m_recent->addItem(tr("(recent connections)"));
    m_recent->addItems(recentConnections());
    m_form = new QFormLayout(m_formHost);
    m_testResult->setWordWrap(true);
    m_testResult->setObjectName(QStringLiteral("TestResult"));
    m_remember->setChecked(true);

    auto *top = new QFormLayout;
    top->addRow(tr("Connect to"), m_kind);
    top->addRow(tr("Dataset"), m_dataset);
    top->addRow(tr("Backend"), m_backend);
    top->addRow(tr("Recent"), m_recent);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *test = buttons->addButton(tr("Test Connection"), QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(test, &QPushButton::clicked, this, [this] {
        QString message;
        const bool ok = testConnection(&message);
        m_testResult->setText(ok ? tr("✔ Connected: %1").arg(message) : tr("✖ %1").arg(message));
    });
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_formHost);
    layout->addWidget(m_remember);
    layout->addWidget(m_testResult);
    layout->addWidget(buttons);

    auto update = [this] {
        const bool dataset = m_kind->currentIndex() == 0;
        m_dataset->setEnabled(dataset);
        m_backend->setEnabled(!dataset);
        m_recent->setEnabled(!dataset);
        m_formHost->setVisible(!dataset);
        m_remember->setVisible(!dataset);
    };
    connect(m_kind, &QComboBox::currentIndexChanged, this, update);
    connect(m_backend, &QComboBox::currentIndexChanged, this, &ConnectionDialog::rebuildForm);
    connect(m_recent, &QComboBox::activated, this, [this](int index) {
        if (index <= 0)
            return;
        QString error;
        const ConnectionUri u = ConnectionUri::parse(m_recent->itemText(index), &error);
        if (!u.isValid())
            return;
        for (int i = 0; i < m_backend->count(); ++i) {
            const BackendInfo *info = m_registry.find(m_backend->itemData(i).toString());
            if (info && info->uriSchemes.contains(u.scheme()))
                m_backend->setCurrentIndex(i);
        }
        setParameter(QStringLiteral("host"), u.host());
        setParameter(QStringLiteral("port"), u.port() > 0 ? QString::number(u.port()) : QString());
        setParameter(QStringLiteral("user"), u.user());
        setParameter(QStringLiteral("database"), u.database());
        setParameter(QStringLiteral("path"), u.isInMemory() ? QStringLiteral(":memory:") : u.path());
    });
    rebuildForm();
    update();
}

void ConnectionDialog::rebuildForm()
{
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_fields.clear();
    const BackendInfo *info = m_registry.find(m_backend->currentData().toString());
    if (!info)
        return;
    // The form is what the plugin declares: name, label, type and default of each parameter.
    for (const ConnectionParameter &p : info->connectionParameters) {
        auto *field = new QLineEdit(p.defaultValue, m_formHost);
        field->setObjectName(QStringLiteral("param_") + p.name);
        if (p.type == QLatin1String("password"))
            field->setEchoMode(QLineEdit::Password);
        if (p.type == QLatin1String("int"))
            field->setValidator(new QIntValidator(0, 65535, field));
        m_fields.insert(p.name, field);
        if (p.type == QLatin1String("file")) {
            auto *row = new QWidget(m_formHost);
            auto *h = new QHBoxLayout(row);
            h->setContentsMargins(0, 0, 0, 0);
            auto *browse = new QPushButton(tr("Browse…"), row);
            connect(browse, &QPushButton::clicked, this, [this, field] {
                const QString file = QFileDialog::getOpenFileName(this, tr("Database file"));
                if (!file.isEmpty())
                    field->setText(file);
            });
            h->addWidget(field);
            h->addWidget(browse);
            m_form->addRow(p.label, row);
        } else {
            m_form->addRow(p.label, field);
        }
    }
}

void ConnectionDialog::selectBackend(const QString &id)
{
    m_kind->setCurrentIndex(1);
    const int i = m_backend->findData(id);
    if (i >= 0)
        m_backend->setCurrentIndex(i);
}

void ConnectionDialog::setParameter(const QString &name, const QString &value)
{
    if (QLineEdit *field = m_fields.value(name))
        field->setText(value);
}

QString ConnectionDialog::password() const
{
    QLineEdit *field = m_fields.value(QStringLiteral("password"));
    return field ? field->text() : QString();
}

bool ConnectionDialog::rememberPassword() const
{
    return m_remember->isChecked();
}

QString ConnectionDialog::uri(bool withPassword) const
{
    const BackendInfo *info = m_registry.find(m_backend->currentData().toString());
    if (!info || info->uriSchemes.isEmpty())
        return {};
    auto value = [this](const char *name) {
        QLineEdit *field = m_fields.value(QString::fromLatin1(name));
        return field ? field->text().trimmed() : QString();
    };
    const QString scheme = info->uriSchemes.first();
    if (scheme == QLatin1String("sqlite")) {
        const QString path = value("path");
        return path.isEmpty() || path == QLatin1String(":memory:") ? QStringLiteral("sqlite::memory:")
                                                                   : QStringLiteral("sqlite://") + path;
    }
    QUrl url;
    url.setScheme(scheme);
    url.setHost(value("host"));
    if (!value("port").isEmpty())
        url.setPort(value("port").toInt());
    url.setUserName(value("user"));
    if (withPassword && !password().isEmpty())
        url.setPassword(password());
    url.setPath(QLatin1Char('/') + value("database"));
    QStringList query;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        static const QStringList inUrl = {QStringLiteral("host"), QStringLiteral("port"), QStringLiteral("user"),
                                          QStringLiteral("password"), QStringLiteral("database")};
        if (!inUrl.contains(it.key()) && !it.value()->text().trimmed().isEmpty())
            query << it.key() + QLatin1Char('=') + QString::fromUtf8(QUrl::toPercentEncoding(it.value()->text().trimmed()));
    }
    if (!query.isEmpty())
        url.setQuery(query.join(QLatin1Char('&')));
    return url.toString();
}

ConsoleTarget ConnectionDialog::target() const
{
    ConsoleTarget t;
    if (m_kind->currentIndex() == 0) {
        t.backendId = QStringLiteral("sqlite");
        t.dataset = m_dataset->currentText();
        return t;
    }
    t.backendId = m_backend->currentData().toString();
    t.dataset.clear();
    t.uri = uri(false);
    return t;
}

bool ConnectionDialog::testConnection(QString *message)
{
    if (m_kind->currentIndex() == 0) {
        *message = tr("the dataset's working copy is created on first use");
        return true;
    }
    QString error;
    std::unique_ptr<DatabaseConnection> connection = m_registry.createConnection(m_backend->currentData().toString(), &error);
    const ConnectionUri parsed = ConnectionUri::parse(uri(true), &error);
    if (!connection || !parsed.isValid()) {
        *message = error;
        return false;
    }
    // Opening may wait for a network timeout: do it on a thread and keep the dialog responsive.
    bool ok = false;
    QString result;
    QThread *thread = QThread::create([&] {
        QueryError e;
        ok = connection->open(parsed, &e);
        result = ok ? connection->serverVersion() : e.message;
        connection->close();
    });
    QEventLoop loop;
    connect(thread, &QThread::finished, &loop, &QEventLoop::quit);
    m_testResult->setText(tr("Connecting…"));
    thread->start();
    loop.exec();
    thread->wait();
    delete thread;
    *message = result;
    return ok;
}

QStringList ConnectionDialog::recentConnections()
{
    return QSettings().value(keyRecent).toStringList();
}

void ConnectionDialog::rememberConnection(const ConsoleTarget &target)
{
    if (target.uri.isEmpty())
        return;
    QStringList list = recentConnections();
    list.removeAll(target.uri);
    list.prepend(target.uri); // never with a password: uri(false)
    QSettings().setValue(keyRecent, list.mid(0, 10));
}

} // namespace dblearn
