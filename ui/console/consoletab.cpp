#include "consoletab.h"

#include "findbar.h"
#include "resultpane.h"
#include "sqleditor.h"

#include "console/historystore.h"
#include "console/resultformatter.h"
#include "console/resultmodel.h"
#include "console/resultspool.h"
#include "console/statementlocator.h"
#include "plans/planwindow.h"

#include <QAction>
#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace dblearn {

namespace {

// A script of thousands of statements with rows would otherwise get thousands of result tabs, each
// a grid, and the tab bar lays out all of them at every insertion: the first results get tabs,
// the others their line in Messages.
constexpr int maxResultTabs = 25;

QString elapsedText(qint64 ms)
{
    if (ms < 1)
        return QStringLiteral("< 1 ms");
    if (ms < 1000)
        return QStringLiteral("%1 ms").arg(ms);
    if (ms < 60000)
        return QStringLiteral("%1 s").arg(ms / 1000.0, 0, 'f', 2);
    return QStringLiteral("%1:%2 min").arg(ms / 60000).arg((ms / 1000) % 60, 2, 10, QLatin1Char('0'));
}

// Statements whose success may change the catalog, so the schema is read again after them.
bool changesSchema(const QString &statement)
{
    const QString head = statement.trimmed().section(QLatin1Char(' '), 0, 0).toUpper();
    return head == QLatin1String("CREATE") || head == QLatin1String("DROP") || head == QLatin1String("ALTER")
        || head == QLatin1String("ATTACH") || head == QLatin1String("DETACH");
}

} // namespace

ConsoleTab::ConsoleTab(QWidget *parent)
    : QWidget(parent), m_editor(new SqlEditor(this)), m_toolbar(new QToolBar(this)), m_results(new QTabWidget(this)),
      m_messages(new QPlainTextEdit(this)), m_connectionLabel(new QLabel(this)), m_elapsed(new QLabel(this)),
      m_transactionLabel(new QLabel(this)), m_timeLimit(new QSpinBox(this)), m_clock(new QTimer(this))
{
    setObjectName(QStringLiteral("ConsoleTab"));
    m_editor->setObjectName(QStringLiteral("ConsoleEditor"));
    m_editor->setPlaceholderText(tr("Write SQL here. Ctrl+Enter runs the statement under the cursor (or the selection), "
                                    "Ctrl+Shift+Enter the whole script, Esc cancels. Ctrl+Space completes."));
    m_messages->setObjectName(QStringLiteral("ConsoleMessages"));
    m_messages->setReadOnly(true);
    m_messages->setMaximumBlockCount(5000);
    m_results->setObjectName(QStringLiteral("ConsoleResults"));
    m_results->setDocumentMode(true);
    m_results->addTab(m_messages, tr("Messages"));
    buildToolbar();

    auto *findBar = new FindBar(m_editor, this);
    connect(m_editor, &SqlEditor::findRequested, findBar, &FindBar::showFind);
    auto *editorPane = new QWidget(this);
    auto *editorLayout = new QVBoxLayout(editorPane);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->setSpacing(0);
    editorLayout->addWidget(m_editor);
    editorLayout->addWidget(findBar);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(editorPane);
    splitter->addWidget(m_results);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolbar);
    layout->addWidget(splitter);

    m_clock->setInterval(100);
    connect(m_clock, &QTimer::timeout, this, [this] {
        if (m_session)
            m_elapsed->setText(tr("Running… %1").arg(elapsedText(m_session->elapsedMs())));
        for (ResultPane *pane : std::as_const(m_panes))
            pane->refresh();
    });
    connect(m_editor, &SqlEditor::runStatementRequested, this, &ConsoleTab::runStatementUnderCursor);
    connect(m_editor, &SqlEditor::runScriptRequested, this, &ConsoleTab::runScript);
    connect(m_editor, &SqlEditor::cancelRequested, this, &ConsoleTab::cancel);
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), this, this, &ConsoleTab::cancel,
                                 Qt::WidgetWithChildrenShortcut);
    Q_UNUSED(escape)
    setNotConnected(tr("not connected"));
}

ConsoleTab::~ConsoleTab()
{
    m_panes.clear();
    m_session.reset(); // stops the worker before the widgets it reports to go
}

void ConsoleTab::buildToolbar()
{
    m_toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_runAction = m_toolbar->addAction(tr("▶ Run"), this, &ConsoleTab::runStatementUnderCursor);
    m_runAction->setToolTip(tr("Run the statement under the cursor, or the selection (Ctrl+Enter)"));
    m_runScriptAction = m_toolbar->addAction(tr("▶▶ Run Script"), this, &ConsoleTab::runScript);
    m_runScriptAction->setToolTip(tr("Run every statement, one after another (Ctrl+Shift+Enter)"));
    m_cancelAction = m_toolbar->addAction(tr("■ Cancel"), this, &ConsoleTab::cancel);
    m_cancelAction->setToolTip(tr("Stop the running statement through the database's own cancel (Esc)"));
    m_toolbar->addSeparator();
    m_explainAction = m_toolbar->addAction(tr("Explain"), this, [this] { explain(false); });
    m_explainAnalyzeAction = m_toolbar->addAction(tr("Explain Analyze"), this, [this] { explain(true); });
    m_explainAnalyzeAction->setToolTip(tr("Runs the statement and shows the plan with real row counts and timings"));
    auto *optionsButton = new QToolButton(this);
    optionsButton->setText(tr("Options"));
    optionsButton->setToolTip(tr("EXPLAIN options this database takes"));
    optionsButton->setPopupMode(QToolButton::InstantPopup);
    optionsButton->setMenu(new QMenu(optionsButton));
    m_explainOptionsButton = m_toolbar->addWidget(optionsButton);
    m_explainOptionsButton->setVisible(false);
    m_toolbar->addSeparator();
    m_toolbar->addWidget(new QLabel(tr(" Time limit "), this));
    m_timeLimit->setObjectName(QStringLiteral("TimeLimit"));
    m_timeLimit->setRange(0, 86400);
    m_timeLimit->setSuffix(tr(" s"));
    m_timeLimit->setSpecialValueText(tr("none"));
    m_timeLimit->setValue(60);
    m_timeLimit->setToolTip(tr("Each statement is cancelled after this long (0: no limit)"));
    connect(m_timeLimit, &QSpinBox::valueChanged, this, [this](int s) {
        if (m_session)
            m_session->setTimeLimitMs(s * 1000);
    });
    m_toolbar->addWidget(m_timeLimit);
    m_toolbar->addSeparator();
    m_transactionLabel->setObjectName(QStringLiteral("TransactionState"));
    m_toolbar->addWidget(m_transactionLabel);
    m_commitAction = m_toolbar->addAction(tr("Commit"), this, [this] { runText(QStringLiteral("COMMIT"), -1); });
    m_rollbackAction = m_toolbar->addAction(tr("Rollback"), this, [this] { runText(QStringLiteral("ROLLBACK"), -1); });
    m_toolbar->addSeparator();
    m_toolbar->addWidget(m_elapsed);
    auto *spacer = new QWidget(this);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_toolbar->addWidget(spacer);
    m_connectionLabel->setObjectName(QStringLiteral("ConnectionLabel"));
    m_toolbar->addWidget(m_connectionLabel);
    m_toolbar->addAction(tr("Connect…"), this, &ConsoleTab::connectRequested);
    updateTransaction(ConsoleSession::TransactionState::AutoCommit);
}

void ConsoleTab::setConnection(std::unique_ptr<DatabaseConnection> connection, const ConsoleTarget &target,
                               const QString &dialect, const ConnectionUri &uri)
{
    m_panes.clear();
    m_session = std::make_unique<ConsoleSession>(std::move(connection), dialect);
    m_session->setTimeLimitMs(m_timeLimit->value() * 1000);
    m_target = target;
    m_editor->setDialect(dialect);
    m_connectionLabel->setText(target.label());
    m_connectionLabel->setToolTip(target.uri.isEmpty() ? tr("The working copy of the %1 dataset").arg(target.dataset)
                                                       : target.uri);
    connect(m_session.get(), &ConsoleSession::statementStarted, this, &ConsoleTab::onStatementStarted);
    connect(m_session.get(), &ConsoleSession::rowsArrived, this, [this](int index, qint64) {
        if (ResultPane *pane = m_panes.value(index))
            pane->refresh();
    });
    connect(m_session.get(), &ConsoleSession::statementFinished, this, &ConsoleTab::onStatementFinished);
    connect(m_session.get(), &ConsoleSession::finished, this, &ConsoleTab::onRunFinished);
    connect(m_session.get(), &ConsoleSession::transactionStateChanged, this, &ConsoleTab::updateTransaction);
    connect(m_session.get(), &ConsoleSession::schemaRead, this, [this](const SchemaInfo &schema, const QueryError &error) {
        if (error.isError()) {
            message(tr("Could not read the schema: %1").arg(error.message), true);
            return;
        }
        m_schema = schema;
        QStringList tables;
        QStringList columns;
        for (const SchemaTable &t : schema.tables) {
            tables << t.name;
            for (const SchemaColumn &c : t.columns)
                columns << t.name + QLatin1Char('.') + c.name;
        }
        m_editor->setSchemaNames(tables, columns);
        emit schemaChanged(schema);
    });
    connect(m_session.get(), &ConsoleSession::explained, this, [this](const ExplainResult &result, const QueryError &error) {
        updateRunState();
        if (error.isError()) {
            message(tr("Explain failed: %1").arg(error.message), true);
            m_results->setCurrentWidget(m_messages);
            return;
        }
        auto *window = new PlanWindow;
        window->setAttribute(Qt::WA_DeleteOnClose);
        const QString title = tr("%1 · %2 · %3")
                                  .arg(m_target.label(), m_explainedWithAnalyze ? tr("EXPLAIN ANALYZE") : tr("EXPLAIN"),
                                       QTime::currentTime().toString(QStringLiteral("HH:mm:ss")));
        if (!window->setPlanText(result.text.toUtf8(), title)) {
            delete window;
            return;
        }
        // Earlier plans of the same query: the window's Compare with… offers them.
        window->setHistory(m_planHistory.runs(m_explainedSql));
        m_planHistory.record(m_explainedSql, PlanRun{QDateTime::currentDateTime(), title, result.text.toUtf8()});
        window->resize(1100, 750);
        window->show();
        message(tr("Plan opened in a plan window (%1)").arg(result.format));
    });
    connect(m_session.get(), &ConsoleSession::opened, this, [this](bool ok, const QString &version, const QString &error) {
        if (!ok) {
            setNotConnected(error);
            return;
        }
        message(tr("Connected to %1 (%2)").arg(m_target.label(), version));
        refreshSchema();
    });
    if (uri.isValid())
        m_session->open(uri);
    else
        refreshSchema();
    emit titleChanged(target.label());
    updateRunState();
}

void ConsoleTab::setNotConnected(const QString &reason)
{
    m_session.reset();
    m_panes.clear();
    m_connectionLabel->setText(tr("Not connected"));
    m_connectionLabel->setToolTip(reason);
    if (!reason.isEmpty() && reason != tr("not connected"))
        message(tr("Not connected: %1. Use Connect… to choose a database.").arg(reason), true);
    updateRunState();
}

ResultPane *ConsoleTab::resultPane(int i) const
{
    int seen = 0;
    for (int t = 0; t < m_results->count(); ++t) {
        if (auto *pane = qobject_cast<ResultPane *>(m_results->widget(t))) {
            if (seen++ == i)
                return pane;
        }
    }
    return nullptr;
}

int ConsoleTab::resultCount() const
{
    return m_results->count() - 1;
}

bool ConsoleTab::isRunning() const
{
    return m_session && m_session->isBusy();
}

void ConsoleTab::runStatementUnderCursor()
{
    QTextCursor cursor = m_editor->textCursor();
    const QString text = m_editor->toPlainText();
    if (cursor.hasSelection()) {
        runText(text.mid(cursor.selectionStart(), cursor.selectionEnd() - cursor.selectionStart()), cursor.selectionStart());
        return;
    }
    const StatementLocator::Range range = StatementLocator::at(text, cursor.position(), m_editor->dialect());
    if (!range.isValid()) {
        emit status(tr("There is no statement to run"));
        return;
    }
    runText(text.mid(range.begin, range.length()), range.begin);
}

void ConsoleTab::runScript()
{
    runText(m_editor->toPlainText(), 0);
}

void ConsoleTab::runText(const QString &sql, int baseOffset)
{
    if (!m_session) {
        emit status(tr("Not connected: use Connect… first"));
        return;
    }
    if (m_session->isBusy()) {
        emit status(tr("A statement is still running (Esc cancels it)"));
        return;
    }
    if (sql.trimmed().isEmpty())
        return;
    // The engines read SQL text up to a NUL character: whatever follows one (pasted from a binary
    // file, say) would be dropped without a word, so it is refused here, where it is.
    if (const qsizetype nul = sql.indexOf(QChar(0)); nul >= 0) {
        const int at = qMax(0, baseOffset) + int(nul);
        QString where = tr("console");
        if (baseOffset >= 0) {
            int line = 0;
            int column = 0;
            StatementLocator::lineAndColumn(m_editor->toPlainText(), at, &line, &column);
            where = tr("line %1, column %2").arg(line).arg(column);
            m_editor->markError(at, tr("NUL character"));
        }
        message(tr("[%1] ERROR: the SQL contains a NUL character (code 0), which no database accepts in SQL "
                   "text; nothing was run. Remove it and run again.")
                    .arg(where),
                true);
        m_results->setCurrentWidget(m_messages);
        emit runFinished(false);
        return;
    }
    // The previous run's results go; the Messages tab keeps its history.
    m_panes.clear();
    while (m_results->count() > 1) {
        QWidget *w = m_results->widget(1);
        m_results->removeTab(1);
        w->deleteLater();
    }
    m_editor->clearError();
    m_runText = sql;
    m_runOffset = qMax(0, baseOffset);
    m_runInEditor = baseOffset >= 0;
    m_statementsRun = 0;
    m_failures = 0;
    m_resultsNotShown = 0;
    // Line numbers in Messages come from the text as it was run. Copying the editor's text again
    // for each statement made a script of thousands of statements quadratic.
    m_editorText = m_runInEditor ? m_editor->toPlainText() : QString();
    m_session->run(sql, m_runOffset);
    m_clock->start();
    m_elapsed->setText(tr("Running…"));
    updateRunState();
}

void ConsoleTab::cancel()
{
    if (m_session && m_session->isBusy()) {
        m_session->cancel();
        emit status(tr("Cancelling…"));
    }
}

void ConsoleTab::explain(bool analyze)
{
    if (!m_session || m_session->isBusy())
        return;
    const QString text = m_editor->toPlainText();
    const QTextCursor cursor = m_editor->textCursor();
    QString sql;
    if (cursor.hasSelection()) {
        sql = cursor.selectedText().replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    } else {
        const StatementLocator::Range range = StatementLocator::at(text, cursor.position(), m_editor->dialect());
        if (range.isValid())
            sql = text.mid(range.begin, range.length());
    }
    explainSql(sql, analyze);
}

void ConsoleTab::explainSql(const QString &sql, bool analyze)
{
    if (!m_session || m_session->isBusy() || sql.trimmed().isEmpty())
        return;
    const ExplainOptions options = explainOptions(analyze);
    m_explainedSql = sql;
    m_explainedWithAnalyze = analyze;
    m_session->explain(sql, options);
    message(tr("Explaining%1…").arg(analyze ? tr(" with ANALYZE (the statement runs)") : QString()));
}

void ConsoleTab::setExplainOptions(const QStringList &available)
{
    auto *button = qobject_cast<QToolButton *>(m_toolbar->widgetForAction(m_explainOptionsButton));
    QMenu *menu = button->menu();
    menu->clear();
    m_explainOptionActions.clear();
    const QList<QPair<QString, QString>> known = {
        {QStringLiteral("buffers"), tr("Buffers (pages read from cache and disk)")},
        {QStringLiteral("verbose"), tr("Verbose (output columns, schema-qualified names)")},
        {QStringLiteral("settings"), tr("Settings (planner settings changed from their defaults)")},
        {QStringLiteral("wal"), tr("WAL (write-ahead log records and bytes; with Analyze)")}};
    for (const auto &[name, label] : known) {
        if (!available.contains(name))
            continue;
        QAction *action = menu->addAction(label);
        action->setCheckable(true);
        action->setChecked(name == QLatin1String("buffers")); // what a plan reader wants most
        action->setData(name);
        m_explainOptionActions.append(action);
    }
    m_explainOptionsButton->setVisible(!m_explainOptionActions.isEmpty());
}

QAction *ConsoleTab::explainOptionAction(const QString &name) const
{
    for (QAction *action : m_explainOptionActions) {
        if (action->data().toString() == name)
            return action;
    }
    return nullptr;
}

ExplainOptions ConsoleTab::explainOptions(bool analyze) const
{
    ExplainOptions options;
    options.analyze = analyze;
    for (const QAction *action : m_explainOptionActions) {
        if (!action->isChecked())
            continue;
        const QString name = action->data().toString();
        options.buffers |= name == QLatin1String("buffers");
        options.verbose |= name == QLatin1String("verbose");
        options.settings |= name == QLatin1String("settings");
        options.wal |= name == QLatin1String("wal") && analyze; // WAL needs ANALYZE
    }
    return options;
}

void ConsoleTab::setTimeLimitSeconds(int seconds)
{
    m_timeLimit->setValue(seconds);
    if (m_session)
        m_session->setTimeLimitMs(seconds * 1000);
}

void ConsoleTab::refreshSchema()
{
    if (m_session)
        m_session->readSchema();
}

void ConsoleTab::onStatementStarted(int index, int offset, int length, const ColumnList &columns,
                                    std::shared_ptr<ResultSpool> spool)
{
    Q_UNUSED(offset)
    Q_UNUSED(length)
    if (columns.isEmpty() || !spool)
        return;
    if (resultCount() >= maxResultTabs) {
        ++m_resultsNotShown;
        return;
    }
    auto *pane = new ResultPane(m_results);
    const QString statement = m_runText.mid(offset - m_runOffset, length).trimmed();
    pane->setResult(std::move(spool), statement);
    connect(pane, &ResultPane::status, this, &ConsoleTab::status);
    connect(pane, &ResultPane::sortRequested, this,
            [this, pane](int column, Qt::SortOrder order) { sortResult(pane, column, order); });
    m_panes.insert(index, pane);
    const int tab = m_results->addTab(pane, tr("Result %1").arg(resultCount() + 1));
    if (resultCount() == 1)
        m_results->setCurrentIndex(tab);
}

void ConsoleTab::onStatementFinished(const StatementOutcome &outcome)
{
    ++m_statementsRun;
    int line = 0;
    int column = 0;
    StatementLocator::lineAndColumn(m_editorText, qMax(0, outcome.offset), &line, &column);
    const QString where = outcome.offset >= 0 && m_runInEditor ? tr("line %1").arg(line) : tr("console");
    // The statement as the learner reads it: without leading comment lines, on one line.
    QStringList lines = outcome.text.split(QLatin1Char('\n'));
    while (lines.size() > 1 && lines.first().trimmed().startsWith(QLatin1String("--")))
        lines.removeFirst();
    QString head = lines.join(QLatin1Char(' ')).simplified();
    if (head.size() > 80)
        head = head.left(79) + QChar(0x2026);
    QString summary;
    if (outcome.ok) {
        if (outcome.hasRows)
            summary = outcome.rows == 1 ? tr("1 row") : tr("%1 rows").arg(QLocale().toString(outcome.rows));
        else if (outcome.rowsAffected >= 0)
            summary = tr("%1 rows affected").arg(QLocale().toString(outcome.rowsAffected));
        else
            summary = tr("done");
        message(tr("[%1] %2 — %3 in %4").arg(where, head, summary, elapsedText(outcome.elapsedMs)));
        if (changesSchema(outcome.text))
            refreshSchema();
    } else {
        ++m_failures;
        summary = outcome.error.message;
        QString position;
        if (!m_runInEditor) {
            // Commit, Rollback or a sort: nothing in the editor to mark.
        } else if (outcome.error.position >= 0) {
            int eline = 0;
            int ecolumn = 0;
            StatementLocator::lineAndColumn(m_editorText, outcome.error.position, &eline, &ecolumn);
            position = tr(" (line %1, column %2)").arg(eline).arg(ecolumn);
            m_editor->markError(outcome.error.position, outcome.error.message);
        } else if (outcome.offset >= 0 && outcome.error.kind != QueryError::Kind::Cancelled
                   && outcome.error.kind != QueryError::Kind::Timeout) {
            // No position from the engine: mark the statement's first word.
            const QString all = m_editor->toPlainText();
            int at = outcome.offset;
            while (at < all.size() && all[at].isSpace())
                ++at;
            m_editor->markError(at, outcome.error.message);
        }
        message(tr("[%1] %2 — %3 %4%5 after %6")
                    .arg(where, head, outcome.error.kind == QueryError::Kind::Cancelled ? tr("CANCELLED:")
                                      : outcome.error.kind == QueryError::Kind::Timeout ? tr("TIME LIMIT:")
                                                                                        : tr("ERROR:"),
                         outcome.error.message, position, elapsedText(outcome.elapsedMs)),
                true);
        if (!outcome.error.sqlState.isEmpty()) {
            // PostgreSQL and MariaDB give a five-character SQLSTATE; SQLite its own result code.
            const bool sqlState = outcome.error.sqlState.size() == 5;
            message((sqlState ? tr("    SQLSTATE %1") : tr("    error code %1")).arg(outcome.error.sqlState), true);
        }
    }
    for (const QString &m : outcome.messages)
        message(QStringLiteral("    ") + m);
    if (ResultPane *pane = m_panes.value(outcome.index)) {
        QString paneSummary = tr("%1 rows in %2").arg(QLocale().toString(outcome.rows), elapsedText(outcome.elapsedMs));
        if (!outcome.ok)
            paneSummary += tr(" — stopped: %1").arg(outcome.error.message);
        if (outcome.truncated)
            paneSummary += tr(" — result truncated");
        pane->setFinished(paneSummary);
    }
    if (m_history && !outcome.text.isEmpty()) {
        HistoryEntry entry;
        entry.when = QDateTime::currentDateTime();
        entry.connection = m_target.label();
        entry.sql = outcome.text;
        entry.durationMs = outcome.elapsedMs;
        entry.ok = outcome.ok;
        entry.outcome = summary;
        m_history->append(entry);
    }
}

void ConsoleTab::onRunFinished(bool ok)
{
    m_clock->stop();
    for (ResultPane *pane : std::as_const(m_panes))
        pane->refresh();
    if (m_resultsNotShown > 0)
        message(tr("%1 more results are not shown: a run keeps the first %2 results in tabs (their row counts "
                   "are above); run a statement on its own to see its rows")
                    .arg(m_resultsNotShown)
                    .arg(maxResultTabs));
    const qint64 ms = m_session ? m_session->elapsedMs() : 0;
    m_elapsed->setText(ok ? tr("Done in %1").arg(elapsedText(ms)) : tr("Stopped after %1").arg(elapsedText(ms)));
    if (m_failures > 0 || resultCount() == 0)
        m_results->setCurrentWidget(m_messages);
    updateRunState();
    emit runFinished(ok);
}

void ConsoleTab::updateRunState()
{
    const bool connected = m_session != nullptr;
    const bool running = connected && m_session->isBusy();
    m_runAction->setEnabled(connected && !running);
    m_runScriptAction->setEnabled(connected && !running);
    m_cancelAction->setEnabled(running);
    m_explainAction->setEnabled(connected && !running);
    m_explainAnalyzeAction->setEnabled(connected && !running);
    const bool open = connected && m_session->transactionState() == ConsoleSession::TransactionState::Open;
    m_commitAction->setEnabled(open && !running);
    m_rollbackAction->setEnabled(open && !running);
}

void ConsoleTab::updateTransaction(ConsoleSession::TransactionState state)
{
    const bool open = state == ConsoleSession::TransactionState::Open;
    m_transactionLabel->setText(open ? tr(" Transaction open ") : tr(" Auto-commit "));
    m_transactionLabel->setStyleSheet(open ? QStringLiteral("color: #b26a00; font-weight: bold;") : QString());
    m_transactionLabel->setToolTip(open ? tr("Changes are not saved until you Commit; Rollback undoes them")
                                        : tr("Each statement is committed as it completes"));
    updateRunState();
}

void ConsoleTab::message(const QString &text, bool error)
{
    const QString stamp = QTime::currentTime().toString(QStringLiteral("HH:mm:ss"));
    m_messages->appendPlainText(QStringLiteral("%1 %2%3").arg(stamp, error ? QStringLiteral("✖ ") : QString(), text));
}

void ConsoleTab::sortResult(ResultPane *pane, int column, Qt::SortOrder order)
{
    // Rows live in the spool, not in the grid: sorting asks the database again, ordered.
    QString statement = pane->statement().trimmed();
    while (statement.endsWith(QLatin1Char(';')))
        statement.chop(1);
    if (!m_session || m_session->isBusy() || statement.isEmpty())
        return;
    const QString head = statement.section(QLatin1Char(' '), 0, 0).toUpper();
    if (head != QLatin1String("SELECT") && head != QLatin1String("WITH") && head != QLatin1String("VALUES")) {
        emit status(tr("Only the result of a query can be sorted"));
        return;
    }
    const QString sql = QStringLiteral("SELECT * FROM (%1) AS sorted_result ORDER BY %2 %3")
                            .arg(statement)
                            .arg(column + 1)
                            .arg(order == Qt::AscendingOrder ? QStringLiteral("ASC") : QStringLiteral("DESC"));
    runText(sql, -1);
    connect(this, &ConsoleTab::runFinished, this, [this, column, order] {
        if (ResultPane *sorted = resultPane(0)) {
            sorted->view()->horizontalHeader()->setSortIndicatorShown(true);
            sorted->view()->horizontalHeader()->setSortIndicator(column, order);
        }
    }, Qt::SingleShotConnection);
}

} // namespace dblearn
