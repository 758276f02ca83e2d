#include "builtinsqlhighlighter.h"

#include "console/sqlkeywords.h"

namespace dblearn {

BuiltinSqlHighlighter::BuiltinSqlHighlighter(QTextDocument *document, const QString &dialect)
    : QSyntaxHighlighter(document)
{
    setDialect(dialect);
}

void BuiltinSqlHighlighter::setDialect(const QString &dialect)
{
    m_dialect = dialect;
    const QStringList &k = SqlKeywords::keywords(dialect);
    const QStringList &f = SqlKeywords::functions(dialect);
    const QStringList &t = SqlKeywords::types(dialect);
    m_keywords = QSet<QString>(k.begin(), k.end());
    m_functions = QSet<QString>(f.begin(), f.end());
    m_types = QSet<QString>(t.begin(), t.end());
    applyColors();
}

void BuiltinSqlHighlighter::setDarkTheme(bool dark)
{
    m_dark = dark;
    applyColors();
}

void BuiltinSqlHighlighter::applyColors()
{
    auto color = [this](const char *light, const char *dark) { return QColor(QLatin1String(m_dark ? dark : light)); };
    m_keyword = {};
    m_keyword.setForeground(color("#0033b3", "#cc7832"));
    m_keyword.setFontWeight(QFont::Bold);
    m_function = {};
    m_function.setForeground(color("#00627a", "#ffc66d"));
    m_type = {};
    m_type.setForeground(color("#871094", "#9876aa"));
    m_string = {};
    m_string.setForeground(color("#067d17", "#6a8759"));
    m_identifier = {};
    m_identifier.setForeground(color("#7a3e9d", "#a9b7c6"));
    m_number = {};
    m_number.setForeground(color("#1750eb", "#6897bb"));
    m_comment = {};
    m_comment.setForeground(color("#8c8c8c", "#808080"));
    m_comment.setFontItalic(true);
    rehighlight();
}

void BuiltinSqlHighlighter::highlightBlock(const QString &text)
{
    const int n = int(text.size());
    int i = 0;
    int state = previousBlockState() < 0 ? Normal : previousBlockState();
    // Continue what the previous line left open.
    if (state == InBlockComment) {
        const int end = int(text.indexOf(QLatin1String("*/")));
        if (end < 0) {
            setFormat(0, n, m_comment);
            setCurrentBlockState(InBlockComment);
            return;
        }
        setFormat(0, end + 2, m_comment);
        i = end + 2;
    } else if (state == InString) {
        int j = 0;
        while (j < n) {
            if (text[j] == QLatin1Char('\'')) {
                if (j + 1 < n && text[j + 1] == QLatin1Char('\'')) {
                    j += 2;
                    continue;
                }
                break;
            }
            ++j;
        }
        if (j >= n) {
            setFormat(0, n, m_string);
            setCurrentBlockState(InString);
            return;
        }
        setFormat(0, j + 1, m_string);
        i = j + 1;
    } else if (state == InDollar) {
        const int end = int(text.indexOf(QLatin1String("$$")));
        if (end < 0) {
            setFormat(0, n, m_string);
            setCurrentBlockState(InDollar);
            return;
        }
        setFormat(0, end + 2, m_string);
        i = end + 2;
    }
    setCurrentBlockState(Normal);

    while (i < n) {
        const QChar c = text[i];
        if (c == QLatin1Char('-') && i + 1 < n && text[i + 1] == QLatin1Char('-')) {
            setFormat(i, n - i, m_comment);
            return;
        }
        if (c == QLatin1Char('#') && m_dialect == QLatin1String("mysql")) {
            setFormat(i, n - i, m_comment);
            return;
        }
        if (c == QLatin1Char('/') && i + 1 < n && text[i + 1] == QLatin1Char('*')) {
            const int end = int(text.indexOf(QLatin1String("*/"), i + 2));
            if (end < 0) {
                setFormat(i, n - i, m_comment);
                setCurrentBlockState(InBlockComment);
                return;
            }
            setFormat(i, end + 2 - i, m_comment);
            i = end + 2;
            continue;
        }
        if (c == QLatin1Char('\'')) {
            int j = i + 1;
            while (j < n) {
                if (text[j] == QLatin1Char('\'')) {
                    if (j + 1 < n && text[j + 1] == QLatin1Char('\'')) {
                        j += 2;
                        continue;
                    }
                    break;
                }
                ++j;
            }
            if (j >= n) {
                setFormat(i, n - i, m_string);
                setCurrentBlockState(InString);
                return;
            }
            setFormat(i, j + 1 - i, m_string);
            i = j + 1;
            continue;
        }
        if (c == QLatin1Char('$') && i + 1 < n && text[i + 1] == QLatin1Char('$')) { // $$ body $$ (PostgreSQL)
            const int end = int(text.indexOf(QLatin1String("$$"), i + 2));
            if (end < 0) {
                setFormat(i, n - i, m_string);
                setCurrentBlockState(InDollar);
                return;
            }
            setFormat(i, end + 2 - i, m_string);
            i = end + 2;
            continue;
        }
        if (c == QLatin1Char('"') || c == QLatin1Char('`') || c == QLatin1Char('[')) {
            const QChar close = c == QLatin1Char('[') ? QLatin1Char(']') : c;
            if (c == QLatin1Char('[') && m_dialect != QLatin1String("sqlite")) {
                ++i;
                continue;
            }
            int end = int(text.indexOf(close, i + 1));
            end = end < 0 ? n - 1 : end;
            setFormat(i, end + 1 - i, m_identifier);
            i = end + 1;
            continue;
        }
        if (c.isDigit() || (c == QLatin1Char('.') && i + 1 < n && text[i + 1].isDigit())) {
            if (i > 0 && (text[i - 1].isLetterOrNumber() || text[i - 1] == QLatin1Char('_'))) {
                ++i;
                continue;
            }
            int j = i;
            while (j < n && (text[j].isLetterOrNumber() || text[j] == QLatin1Char('.')))
                ++j;
            setFormat(i, j - i, m_number);
            i = j;
            continue;
        }
        if (c.isLetter() || c == QLatin1Char('_')) {
            int j = i;
            while (j < n && (text[j].isLetterOrNumber() || text[j] == QLatin1Char('_')))
                ++j;
            const QString word = text.mid(i, j - i).toUpper();
            int k = j;
            while (k < n && text[k] == QLatin1Char(' '))
                ++k;
            const bool call = k < n && text[k] == QLatin1Char('(');
            if (call && m_functions.contains(word))
                setFormat(i, j - i, m_function);
            else if (m_keywords.contains(word))
                setFormat(i, j - i, m_keyword);
            else if (m_types.contains(word))
                setFormat(i, j - i, m_type);
            i = j;
            continue;
        }
        ++i;
    }
}

} // namespace dblearn
