#include "consolemanager.h"

#include "connectiondialog.h"
#include "consoletab.h"
#include "historydock.h"
#include "passwordvault.h"
#include "schemadock.h"
#include "sqleditor.h"

#include "backends/backendregistry.h"
#include "console/historystore.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetprovider.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QInputDialog>
#include <QMainWindow>
#include <QPlainTextEdit>
#include <QSettings>
#include <QTabWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace dblearn {

namespace {
const QString keyTabs = QStringLiteral("console/tabs");

QString withPassword(const QString &uri, const QString &password)
{
    if (password.isEmpty())
        return uri;
    QUrl url(uri);
    url.setPassword(password);
    return url.toString();
}
} // namespace

ConsoleManager::ConsoleManager(const AppServices &services, QMainWindow *window, QTabWidget *tabs)
    : QObject(window), m_services(services), m_window(window), m_tabs(tabs),
      m_history(std::make_unique<HistoryStore>(HistoryStore::defaultFilePath()))
{
    m_history->load();
    m_schemaDock = new SchemaDock(window);
    m_historyDock = new HistoryDock(m_history.get(), window);
    // The schema shares the left column with the curriculum, the history the right one with the
    // notes: tabs, so the console keeps its width (the main window's saved layout may move them).
    window->addDockWidget(Qt::LeftDockWidgetArea, m_schemaDock);
    window->addDockWidget(Qt::RightDockWidgetArea, m_historyDock);
    if (auto *curriculum = window->findChild<QDockWidget *>(QStringLiteral("CurriculumDock")))
        window->tabifyDockWidget(curriculum, m_schemaDock);
    if (auto *notes = window->findChild<QDockWidget *>(QStringLiteral("NotesDock")))
        window->tabifyDockWidget(notes, m_historyDock);
    m_schemaDock->hide();
    m_historyDock->hide();

    m_newConsoleAction = new QAction(tr("New SQL &Console"), this);
    m_newConsoleAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    connect(m_newConsoleAction, &QAction::triggered, this, [this] {
        ConsoleTarget target;
        if (ConsoleTab *current = currentConsole())
            target = current->target(); // a new tab on what the learner is using
        openConsole(target);
    });
    m_connectAction = new QAction(tr("Connect Console…"), this);
    connect(m_connectAction, &QAction::triggered, this, [this] {
        ConsoleTab *tab = currentConsole();
        if (!tab)
            tab = openConsole();
        showConnectDialog(tab);
    });

    auto insert = [this](const QString &text) {
        if (ConsoleTab *tab = currentConsole()) {
            tab->editor()->insertPlainText(text);
            tab->editor()->setFocus();
        }
    };
    connect(m_schemaDock, &SchemaDock::insertRequested, this, insert);
    connect(m_historyDock, &HistoryDock::insertRequested, this, insert);
    connect(m_schemaDock, &SchemaDock::refreshRequested, this, [this] {
        if (ConsoleTab *tab = currentConsole())
            tab->refreshSchema();
    });
    connect(m_schemaDock, &SchemaDock::runRequested, this, [this](const QString &sql) {
        if (ConsoleTab *tab = currentConsole())
            tab->runText(sql, -1);
    });
    connect(m_schemaDock, &SchemaDock::explainRequested, this, [this](const QString &sql) {
        if (ConsoleTab *tab = currentConsole())
            tab->explainSql(sql, false);
    });
    connect(m_schemaDock, &SchemaDock::showTextRequested, this, [this](const QString &title, const QString &text) {
        auto *dialog = new QDialog(m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowTitle(title);
        auto *edit = new QPlainTextEdit(text, dialog);
        edit->setReadOnly(true);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
        connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
        auto *layout = new QVBoxLayout(dialog);
        layout->addWidget(edit);
        layout->addWidget(buttons);
        dialog->resize(600, 400);
        dialog->show();
    });
    connect(m_historyDock, &HistoryDock::saveSnippetRequested, this, [this] {
        ConsoleTab *tab = currentConsole();
        if (!tab)
            return;
        QString sql = tab->editor()->textCursor().selectedText().replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
        if (sql.trimmed().isEmpty())
            sql = tab->editor()->toPlainText();
        if (sql.trimmed().isEmpty())
            return;
        bool ok = false;
        const QString name = QInputDialog::getText(m_window, tr("Save snippet"), tr("Name:"), QLineEdit::Normal,
                                                   sql.simplified().left(40), &ok);
        if (ok && !name.isEmpty())
            m_historyDock->addSnippet(name, sql);
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, &ConsoleManager::onCurrentChanged);
    restoreScripts(); // the consoles open when the app last closed, with their unsaved scripts
}

ConsoleManager::~ConsoleManager() = default;

QList<ConsoleTab *> ConsoleManager::consoles() const
{
    QList<ConsoleTab *> list;
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (auto *tab = qobject_cast<ConsoleTab *>(m_tabs->widget(i)))
            list << tab;
    }
    return list;
}

ConsoleTab *ConsoleManager::currentConsole() const
{
    return qobject_cast<ConsoleTab *>(m_tabs->currentWidget());
}

// A new tab with `sql` in its editor, wired to the docks, its title and the connect dialog.
ConsoleTab *ConsoleManager::addTab(const QString &sql)
{
    auto *tab = new ConsoleTab(m_tabs);
    tab->setHistory(m_history.get());
    if (!sql.isEmpty())
        tab->editor()->setPlainText(sql);
    m_tabs->addTab(tab, tr("Console"));
    connect(tab, &ConsoleTab::titleChanged, this, [this, tab](const QString &title) {
        m_tabs->setTabText(m_tabs->indexOf(tab), tr("SQL: %1").arg(QString(title).replace(QLatin1Char('&'), QLatin1String("&&"))));
    });
    connect(tab, &ConsoleTab::status, this, &ConsoleManager::status);
    connect(tab, &ConsoleTab::schemaChanged, this, [this, tab](const SchemaInfo &schema) {
        if (tab == currentConsole())
            m_schemaDock->setSchema(schema, tab->target().label());
    });
    connect(tab, &ConsoleTab::runFinished, m_historyDock, &HistoryDock::reload);
    connect(tab, &ConsoleTab::connectRequested, this, [this, tab] { showConnectDialog(tab); });
    return tab;
}

ConsoleTab *ConsoleManager::openConsole(const ConsoleTarget &target, const QString &sql)
{
    ConsoleTab *tab = addTab(sql);
    ++m_created;
    const int index = m_tabs->indexOf(tab);
    connectTab(tab, target, true);
    m_tabs->setCurrentIndex(index);
    m_schemaDock->show();
    m_schemaDock->raise();
    m_historyDock->show();
    m_historyDock->raise();
    tab->editor()->setFocus();
    return tab;
}

ConsoleTab *ConsoleManager::openFromLesson(const QString &engine, const QString &dataset, const QString &sql)
{
    ConsoleTarget target;
    target.backendId = engine.isEmpty() ? QStringLiteral("sqlite") : engine;
    target.dataset = dataset;
    if (dataset.isEmpty() && target.backendId == QLatin1String("sqlite"))
        target.uri = QStringLiteral("sqlite::memory:"); // the lesson's empty database
    // Reuse a console on the same target when one is idle, so lesson after lesson keeps one tab.
    for (ConsoleTab *tab : consoles()) {
        if (tab->target().backendId == target.backendId && tab->target().dataset == target.dataset
            && tab->target().uri == target.uri && !tab->isRunning()) {
            m_tabs->setCurrentWidget(tab);
            QTextCursor cursor = tab->editor()->textCursor();
            cursor.movePosition(QTextCursor::End);
            if (!tab->editor()->toPlainText().trimmed().isEmpty())
                cursor.insertText(QStringLiteral("\n\n"));
            const int start = cursor.position();
            cursor.insertText(sql);
            cursor.setPosition(start);
            tab->editor()->setTextCursor(cursor);
            tab->editor()->setFocus();
            return tab;
        }
    }
    return openConsole(target, sql);
}

void ConsoleManager::connectTab(ConsoleTab *tab, const ConsoleTarget &target, bool interactive, const QString &password)
{
    const BackendRegistry &registry = *m_services.registry;
    const BackendInfo *info = registry.find(target.backendId);
    if (!info || !info->isLoaded()) {
        tab->setNotConnected(tr("the %1 backend is not available (Tools → Backend plugins)").arg(target.backendId));
        return;
    }
    QString error;
    if (!target.dataset.isEmpty()) {
        if (!m_services.datasets) {
            tab->setNotConnected(tr("datasets are not available"));
            return;
        }
        std::unique_ptr<DatabaseConnection> connection = m_services.datasets->openWorking(target.backendId, target.dataset, &error);
        if (!connection) {
            tab->setNotConnected(error);
            return;
        }
        tab->setConnection(std::move(connection), target, info->dialect);
        tab->setExplainOptions(info->explainOptions);
        return;
    }
    ConnectionUri uri = ConnectionUri::parse(target.uri, &error);
    if (!uri.isValid()) {
        tab->setNotConnected(error);
        return;
    }
    QString secret = password;
    if (secret.isEmpty() && !uri.user().isEmpty() && uri.scheme() != QLatin1String("sqlite")) {
        QString keychainError;
        if (!PasswordVault::read(target.uri, &secret, &keychainError)) {
            if (!interactive) {
                tab->setNotConnected(tr("a password is needed (no saved password: %1)").arg(keychainError));
                return;
            }
            bool ok = false;
            secret = QInputDialog::getText(
                m_window, tr("Password"),
                tr("Password for %1.\n\nIt is not saved: the system keychain has no password for this connection "
                   "(%2). DB Learn never writes passwords to its settings files.")
                    .arg(target.uri, keychainError),
                QLineEdit::Password, QString(), &ok);
            if (!ok) {
                tab->setNotConnected(tr("no password given"));
                return;
            }
        }
    }
    if (!secret.isEmpty()) // from the dialog, the keychain or the prompt
        uri = ConnectionUri::parse(withPassword(target.uri, secret), &error);
    std::unique_ptr<DatabaseConnection> connection = registry.createConnection(target.backendId, &error);
    if (!connection) {
        tab->setNotConnected(error);
        return;
    }
    tab->setConnection(std::move(connection), target, info->dialect, uri);
    tab->setExplainOptions(info->explainOptions);
}

void ConsoleManager::showConnectDialog(ConsoleTab *tab)
{
    if (!tab)
        return;
    ConnectionDialog dialog(*m_services.registry, DatasetCatalog().names(), m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const ConsoleTarget target = dialog.target();
    if (!target.uri.isEmpty() && !dialog.password().isEmpty() && dialog.rememberPassword()) {
        QString error;
        if (!PasswordVault::write(target.uri, dialog.password(), &error))
            emit status(tr("The password was not saved (no system keychain: %1); it is used for this session only").arg(error));
    }
    ConnectionDialog::rememberConnection(target);
    connectTab(tab, target, true, dialog.password());
}

void ConsoleManager::onCurrentChanged()
{
    if (ConsoleTab *tab = currentConsole())
        m_schemaDock->setSchema(tab->schema(), tab->target().label());
}

void ConsoleManager::saveScripts()
{
    QVariantList list;
    for (ConsoleTab *tab : consoles()) {
        list << QVariantMap{{QStringLiteral("backend"), tab->target().backendId},
                            {QStringLiteral("dataset"), tab->target().dataset},
                            {QStringLiteral("uri"), tab->target().uri}, // never with a password
                            {QStringLiteral("sql"), tab->editor()->toPlainText()}};
    }
    QSettings().setValue(keyTabs, list);
}

int ConsoleManager::restoreScripts()
{
    const QVariantList list = QSettings().value(keyTabs).toList();
    for (const QVariant &v : list) {
        const QVariantMap m = v.toMap();
        ConsoleTarget target;
        target.backendId = m.value(QStringLiteral("backend")).toString();
        target.dataset = m.value(QStringLiteral("dataset")).toString();
        target.uri = m.value(QStringLiteral("uri")).toString();
        ConsoleTab *tab = addTab(m.value(QStringLiteral("sql")).toString());
        connectTab(tab, target, false);
    }
    return int(list.size());
}

} // namespace dblearn
