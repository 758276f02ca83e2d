#pragma once

#include <QPlainTextEdit>
#include <QStringList>

class QCompleter;
class QStringListModel;

namespace dblearn {

class LineNumberArea;
class SqlHighlighter;

// The console's SQL editor: highlighting per dialect, line numbers, current line, bracket
// matching, Ctrl+/ comment toggle, Tab/Shift+Tab indentation, font zoom, an error mark, and
// completion of keywords, functions and the live schema's names (Ctrl+Space, or as you type).
class SqlEditor final : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit SqlEditor(QWidget *parent = nullptr);

    void setDialect(const QString &dialect);
    QString dialect() const { return m_dialect; }
    SqlHighlighter *highlighter() const { return m_highlighter; }

    // Names from the connected database: "schema", "table", "table.column"; aliases come from the text.
    void setSchemaNames(const QStringList &tables, const QStringList &columns);
    QStringList completionsFor(const QString &prefix) const;

    void toggleComment();
    void zoomBy(int steps);
    int zoomSteps() const { return m_zoom; }

    // Marks an error at a character offset (underline to the word's end) with the engine's message.
    void markError(int position, const QString &message);
    void clearError();
    int errorPosition() const { return m_errorPosition; }

    int lineNumberAreaWidth() const;
signals:
    // Ctrl+Enter, Ctrl+Shift+Enter and Esc, when they reach the editor rather than an action.
    void runStatementRequested();
    void runScriptRequested();
    void cancelRequested();
    void findRequested(bool withReplace); // Ctrl+F, Ctrl+H

public:
    void paintLineNumbers(QPaintEvent *event);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    bool event(QEvent *event) override;

private:
    void updateGutter(const QRect &rect, int dy);
    void updateExtraSelections();
    void indentSelection(bool outdent);
    void showCompletion(bool explicitly);
    void insertCompletion(const QString &completion);
    QString wordBeforeCursor() const;
    QStringList aliasesInText() const;

    QString m_dialect = QStringLiteral("sqlite");
    SqlHighlighter *m_highlighter = nullptr;
    LineNumberArea *m_gutter = nullptr;
    QCompleter *m_completer = nullptr;
    QStringListModel *m_completionModel = nullptr;
    QStringList m_tables;
    QStringList m_columns;
    int m_zoom = 0;
    int m_baseFontSize = 10;
    int m_errorPosition = -1;
    QString m_errorMessage;
};

} // namespace dblearn
