#include "sqleditor.h"

#include "linenumberarea.h"
#include "sqlhighlighter.h"

#include "console/sqlkeywords.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QPainter>
#include <QRegularExpression>
#include <QScrollBar>
#include <QStringListModel>
#include <QTextBlock>
#include <QToolTip>

namespace dblearn {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('.');
}

// The position of the bracket matching the one at `pos`, or -1. Skips nothing clever: brackets in
// strings count too, which is what a reader sees anyway.
int matchingBracket(const QString &text, int pos)
{
    static const QString open = QStringLiteral("([{");
    static const QString close = QStringLiteral(")]}");
    const QChar c = text[pos];
    int kind = int(open.indexOf(c));
    const int step = kind >= 0 ? 1 : -1;
    if (kind < 0)
        kind = int(close.indexOf(c));
    if (kind < 0)
        return -1;
    const QChar same = c;
    const QChar other = step > 0 ? close[kind] : open[kind];
    int depth = 0;
    for (int i = pos; i >= 0 && i < text.size(); i += step) {
        if (text[i] == same)
            ++depth;
        else if (text[i] == other && --depth == 0)
            return i;
    }
    return -1;
}

} // namespace

SqlEditor::SqlEditor(QWidget *parent) : QPlainTextEdit(parent), m_gutter(new LineNumberArea(this))
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_baseFontSize = font.pointSize() > 0 ? font.pointSize() : 10;
    setFont(font);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 4);
    m_highlighter = SqlHighlighter::create(document(), m_dialect);
    m_highlighter->setDarkTheme(palette().color(QPalette::Base).lightness() < 128);

    m_completionModel = new QStringListModel(this);
    m_completer = new QCompleter(m_completionModel, this);
    m_completer->setWidget(this);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setModelSorting(QCompleter::UnsortedModel);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this, &SqlEditor::insertCompletion);

    connect(this, &QPlainTextEdit::blockCountChanged, this, [this] { setViewportMargins(lineNumberAreaWidth(), 0, 0, 0); });
    connect(this, &QPlainTextEdit::updateRequest, this, &SqlEditor::updateGutter);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &SqlEditor::updateExtraSelections);
    connect(document(), &QTextDocument::contentsChange, this, [this](int from, int removed, int added) {
        if (m_errorPosition >= 0 && (removed || added) && from <= m_errorPosition + 1)
            clearError(); // the text the error pointed at has changed
    });
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
    updateExtraSelections();
}

void SqlEditor::setDialect(const QString &dialect)
{
    m_dialect = dialect;
    m_highlighter->setDialect(dialect);
}

void SqlEditor::setSchemaNames(const QStringList &tables, const QStringList &columns)
{
    m_tables = tables;
    m_columns = columns;
}

int SqlEditor::lineNumberAreaWidth() const
{
    const int digits = qMax(3, int(QString::number(blockCount()).size()));
    return 10 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * digits;
}

void SqlEditor::updateGutter(const QRect &rect, int dy)
{
    if (dy)
        m_gutter->scroll(0, dy);
    else
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
}

void SqlEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect cr = contentsRect();
    m_gutter->setGeometry(QRect(cr.left(), cr.top(), lineNumberAreaWidth(), cr.height()));
}

void SqlEditor::paintLineNumbers(QPaintEvent *event)
{
    QPainter painter(m_gutter);
    const QPalette pal = palette();
    painter.fillRect(event->rect(), pal.color(QPalette::AlternateBase));
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    const int current = textCursor().blockNumber();
    const int errorBlock = m_errorPosition >= 0 ? document()->findBlock(m_errorPosition).blockNumber() : -1;
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            const int number = block.blockNumber();
            if (number == errorBlock)
                painter.fillRect(0, top, m_gutter->width(), fontMetrics().height(), QColor(0xe5, 0x39, 0x35, 90));
            painter.setPen(number == current ? pal.color(QPalette::Text) : pal.color(QPalette::PlaceholderText));
            painter.drawText(0, top, m_gutter->width() - 5, fontMetrics().height(), Qt::AlignRight,
                             QString::number(number + 1));
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
    }
}

void SqlEditor::updateExtraSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    QTextEdit::ExtraSelection line;
    QColor lineColor = palette().color(QPalette::Highlight);
    lineColor.setAlpha(28);
    line.format.setBackground(lineColor);
    line.format.setProperty(QTextFormat::FullWidthSelection, true);
    line.cursor = textCursor();
    line.cursor.clearSelection();
    selections.append(line);

    // Bracket matching: the bracket before or after the cursor, and its partner.
    const QString text = toPlainText();
    const int pos = textCursor().position();
    for (int at : {pos, pos - 1}) {
        if (at < 0 || at >= text.size() || !QStringLiteral("()[]{}").contains(text[at]))
            continue;
        const int other = matchingBracket(text, at);
        for (int p : {at, other}) {
            if (p < 0)
                continue;
            QTextEdit::ExtraSelection bracket;
            bracket.format.setBackground(other >= 0 ? QColor(0x9e, 0xd5, 0x9e, 150) : QColor(0xf0, 0x80, 0x80, 150));
            bracket.cursor = QTextCursor(document());
            bracket.cursor.setPosition(p);
            bracket.cursor.setPosition(p + 1, QTextCursor::KeepAnchor);
            selections.append(bracket);
        }
        break;
    }
    if (m_errorPosition >= 0 && m_errorPosition <= text.size()) {
        QTextEdit::ExtraSelection error;
        error.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        error.format.setUnderlineColor(QColor(0xe5, 0x39, 0x35));
        error.format.setToolTip(m_errorMessage);
        int end = m_errorPosition;
        while (end < text.size() && isWordChar(text[end]))
            ++end;
        if (end == m_errorPosition)
            end = qMin(int(text.size()), m_errorPosition + 1);
        error.cursor = QTextCursor(document());
        error.cursor.setPosition(qMin(m_errorPosition, int(text.size())));
        error.cursor.setPosition(end, QTextCursor::KeepAnchor);
        selections.append(error);
    }
    setExtraSelections(selections);
}

void SqlEditor::markError(int position, const QString &message)
{
    m_errorPosition = position;
    m_errorMessage = message;
    updateExtraSelections();
    m_gutter->update();
}

void SqlEditor::clearError()
{
    if (m_errorPosition < 0)
        return;
    m_errorPosition = -1;
    m_errorMessage.clear();
    updateExtraSelections();
    m_gutter->update();
}

void SqlEditor::toggleComment()
{
    QTextCursor cursor = textCursor();
    QTextBlock first = document()->findBlock(cursor.selectionStart());
    QTextBlock last = document()->findBlock(cursor.selectionEnd());
    if (cursor.hasSelection() && last.position() == cursor.selectionEnd() && last != first)
        last = last.previous(); // a selection ending at a line's start leaves that line alone
    // Comment all lines unless every non-empty one is already commented.
    bool allCommented = true;
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        const QString t = b.text().trimmed();
        if (!t.isEmpty() && !t.startsWith(QLatin1String("--")))
            allCommented = false;
        if (b == last)
            break;
    }
    cursor.beginEditBlock();
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        const QString t = b.text();
        QTextCursor c(b);
        if (allCommented) {
            const int at = int(t.indexOf(QLatin1String("--")));
            if (at >= 0) {
                c.setPosition(b.position() + at);
                const int len = t.mid(at + 2).startsWith(QLatin1Char(' ')) ? 3 : 2;
                c.setPosition(b.position() + at + len, QTextCursor::KeepAnchor);
                c.removeSelectedText();
            }
        } else if (!t.trimmed().isEmpty() || first == last) {
            c.insertText(QStringLiteral("-- "));
        }
        if (b == last)
            break;
    }
    cursor.endEditBlock();
}

void SqlEditor::indentSelection(bool outdent)
{
    QTextCursor cursor = textCursor();
    QTextBlock first = document()->findBlock(cursor.selectionStart());
    QTextBlock last = document()->findBlock(cursor.selectionEnd());
    cursor.beginEditBlock();
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        QTextCursor c(b);
        if (outdent) {
            int spaces = 0;
            while (spaces < 4 && spaces < b.text().size() && b.text()[spaces] == QLatin1Char(' '))
                ++spaces;
            if (spaces == 0 && b.text().startsWith(QLatin1Char('\t')))
                spaces = 1;
            c.setPosition(b.position() + spaces, QTextCursor::KeepAnchor);
            c.removeSelectedText();
        } else {
            c.insertText(QStringLiteral("    "));
        }
        if (b == last)
            break;
    }
    cursor.endEditBlock();
}

void SqlEditor::zoomBy(int steps)
{
    m_zoom = qBound(-6, m_zoom + steps, 20);
    QFont f = font();
    f.setPointSize(qMax(6, m_baseFontSize + m_zoom));
    setFont(f);
    setTabStopDistance(QFontMetricsF(f).horizontalAdvance(QLatin1Char(' ')) * 4);
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
}

void SqlEditor::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        zoomBy(event->angleDelta().y() > 0 ? 1 : -1);
        event->accept();
        return;
    }
    QPlainTextEdit::wheelEvent(event);
}

bool SqlEditor::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        // Keys the editor owns even where the main window has an action on them (zoom, find).
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->modifiers() & Qt::ControlModifier) {
            switch (key->key()) {
            case Qt::Key_F:
            case Qt::Key_H:
            case Qt::Key_Slash:
            case Qt::Key_Space:
            case Qt::Key_Return:
            case Qt::Key_Enter:
            case Qt::Key_Plus:
            case Qt::Key_Equal:
            case Qt::Key_Minus:
            case Qt::Key_0:
                event->accept();
                return true;
            default:
                break;
            }
        }
        if (key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier) {
            event->accept();
            return true;
        }
    }
    if (event->type() == QEvent::ToolTip && m_errorPosition >= 0) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QTextCursor at = cursorForPosition(help->pos() - QPoint(lineNumberAreaWidth(), 0));
        if (qAbs(at.position() - m_errorPosition) <= 3) {
            QToolTip::showText(help->globalPos(), m_errorMessage, this);
            return true;
        }
    }
    return QPlainTextEdit::event(event);
}

QString SqlEditor::wordBeforeCursor() const
{
    const QTextCursor cursor = textCursor();
    const QString line = cursor.block().text();
    int i = cursor.positionInBlock();
    const int end = i;
    while (i > 0 && isWordChar(line[i - 1]))
        --i;
    return line.mid(i, end - i);
}

QStringList SqlEditor::aliasesInText() const
{
    // "FROM orders o", "JOIN customers AS c": alias → table, offered as "o." completions.
    static const QRegularExpression alias(
        QStringLiteral(R"(\b(?:FROM|JOIN)\s+([A-Za-z_][\w.]*)\s+(?:AS\s+)?([A-Za-z_]\w*))"),
        QRegularExpression::CaseInsensitiveOption);
    QStringList found;
    const QString text = toPlainText();
    auto it = alias.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QString name = m.captured(2);
        if (SqlKeywords::keywords(m_dialect).contains(name.toUpper()))
            continue;
        const QString table = m.captured(1).section(QLatin1Char('.'), -1);
        for (const QString &column : m_columns) {
            if (column.section(QLatin1Char('.'), 0, 0).compare(table, Qt::CaseInsensitive) == 0)
                found << name + QLatin1Char('.') + column.section(QLatin1Char('.'), 1);
        }
    }
    return found;
}

QStringList SqlEditor::completionsFor(const QString &prefix) const
{
    QStringList all;
    if (prefix.contains(QLatin1Char('.'))) {
        all = m_columns + aliasesInText();
    } else {
        all = m_tables;
        for (const QString &c : m_columns)
            all << c.section(QLatin1Char('.'), 1);
        all += SqlKeywords::keywords(m_dialect);
        for (const QString &f : SqlKeywords::functions(m_dialect))
            all << f;
        all += SqlKeywords::types(m_dialect);
    }
    QStringList matching;
    for (const QString &word : std::as_const(all)) {
        if (word.startsWith(prefix, Qt::CaseInsensitive) && word.compare(prefix, Qt::CaseInsensitive) != 0)
            matching << word;
    }
    matching.removeDuplicates();
    return matching;
}

void SqlEditor::showCompletion(bool explicitly)
{
    const QString prefix = wordBeforeCursor();
    if (!explicitly && prefix.size() < 2) {
        m_completer->popup()->hide();
        return;
    }
    const QStringList words = completionsFor(prefix);
    if (words.isEmpty()) {
        m_completer->popup()->hide();
        return;
    }
    m_completionModel->setStringList(words);
    m_completer->setCompletionPrefix(prefix);
    QRect rect = cursorRect();
    rect.setWidth(m_completer->popup()->sizeHintForColumn(0) + m_completer->popup()->verticalScrollBar()->sizeHint().width());
    m_completer->complete(rect);
    m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
}

void SqlEditor::insertCompletion(const QString &completion)
{
    QTextCursor cursor = textCursor();
    const QString prefix = wordBeforeCursor();
    cursor.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, int(prefix.size()));
    // Keywords follow the case the learner typed.
    const bool keyword = SqlKeywords::keywords(m_dialect).contains(completion);
    const bool lower = keyword && !prefix.isEmpty() && prefix == prefix.toLower();
    cursor.insertText(lower ? completion.toLower() : completion);
    setTextCursor(cursor);
}

void SqlEditor::keyPressEvent(QKeyEvent *event)
{
    if (m_completer->popup()->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Tab:
            if (!(event->modifiers() & Qt::ControlModifier)) {
                const QModelIndex current = m_completer->popup()->currentIndex();
                if (current.isValid())
                    insertCompletion(current.data().toString());
                m_completer->popup()->hide();
                return;
            }
            break;
        case Qt::Key_Escape:
            m_completer->popup()->hide();
            return;
        default:
            break;
        }
    }
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    if (ctrl && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)) {
        if (event->modifiers() & Qt::ShiftModifier)
            emit runScriptRequested();
        else
            emit runStatementRequested();
        return;
    }
    if (event->key() == Qt::Key_Escape && event->modifiers() == Qt::NoModifier) {
        emit cancelRequested();
        return;
    }
    if (ctrl && (event->key() == Qt::Key_F || event->key() == Qt::Key_H)) {
        emit findRequested(event->key() == Qt::Key_H);
        return;
    }
    if (ctrl && event->key() == Qt::Key_Slash) {
        toggleComment();
        return;
    }
    if (ctrl && event->key() == Qt::Key_Space) {
        showCompletion(true);
        return;
    }
    if (ctrl && (event->key() == Qt::Key_Plus || event->key() == Qt::Key_Equal)) {
        zoomBy(1);
        return;
    }
    if (ctrl && event->key() == Qt::Key_Minus) {
        zoomBy(-1);
        return;
    }
    if (ctrl && event->key() == Qt::Key_0) {
        zoomBy(-m_zoom);
        return;
    }
    if (event->key() == Qt::Key_Backtab || (event->key() == Qt::Key_Tab && textCursor().hasSelection())) {
        indentSelection(event->key() == Qt::Key_Backtab);
        return;
    }
    if (event->key() == Qt::Key_Tab) {
        textCursor().insertText(QStringLiteral("    "));
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && !ctrl
        && !(event->modifiers() & Qt::ShiftModifier)) {
        // Keep the current line's indentation.
        const QString line = textCursor().block().text();
        int spaces = 0;
        while (spaces < line.size() && line[spaces].isSpace())
            ++spaces;
        QPlainTextEdit::keyPressEvent(event);
        textCursor().insertText(line.left(spaces));
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
    const QString typed = event->text();
    if (!typed.isEmpty() && !ctrl && (typed[0].isLetterOrNumber() || typed[0] == QLatin1Char('_') || typed[0] == QLatin1Char('.')))
        showCompletion(typed[0] == QLatin1Char('.'));
    else if (m_completer->popup()->isVisible())
        m_completer->popup()->hide();
}

} // namespace dblearn
