#include "lessons/lessonhtmlbuilder.h"

#include "lessons/byteset.h"
#include "lessons/htmlentities.h"
#include "lessons/lessonblockwriter.h"
#include "lessons/urlfilter.h"

#include <QVarLengthArray>

#include <algorithm>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace dblearn {

namespace {

constexpr unsigned kParserFlags = MD_DIALECT_GITHUB | MD_FLAG_NOHTML | MD_FLAG_LATEXMATHSPANS;

struct CalloutKind {
    const char *marker; // upper case, as written between "[!" and "]"
    const char *cssClass;
    const char *title;
};
const CalloutKind kCallouts[] = {
    {"NOTE", "callout-note", "Note"},
    {"TIP", "callout-tip", "Tip"},
    {"IMPORTANT", "callout-important", "Important"},
    {"WARNING", "callout-warning", "Warning"},
    {"CAUTION", "callout-caution", "Caution"},
};

QByteArrayView trimmedView(QByteArrayView v)
{
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t'))
        v = v.sliced(1);
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t'))
        v.chop(1);
    return v;
}

bool equalsNoCase(QByteArrayView a, const char *upper)
{
    const qsizetype n = qsizetype(std::strlen(upper));
    if (a.size() != n)
        return false;
    for (qsizetype i = 0; i < n; ++i) {
        char c = a[i];
        if (c >= 'a' && c <= 'z')
            c = char(c - 'a' + 'A');
        if (c != upper[i])
            return false;
    }
    return true;
}

// Characters that make renderSimpleLine hand a text to md4c: at the start of the line (block
// markers, digits of ordered lists, indentation) and anywhere (inline markup, entities, math,
// autolinks, line breaks).
constexpr ByteSet kBlockStart("#>-+*=|~ \t0123456789");
constexpr ByteSet kInlineSpecial("\\*_[]!<>&$~|@\r");
// Where renderSimpleLine's scan stops to look closer: the specials, line breaks, code spans and
// the starts of autolinks ("://", "www.").
constexpr ByteSet kSimpleLineStop = kInlineSpecial.plus("\n`:wW");

qsizetype countNewlines(const char *p, const char *end)
{
    qsizetype count = 0;
#ifdef __SSE2__
    const __m128i newline = _mm_set1_epi8('\n');
    while (end - p >= 16) {
        // Up to 255 blocks of sixteen counted in byte lanes, then summed.
        __m128i lanes = _mm_setzero_si128();
        for (int k = 0; k < 255 && end - p >= 16; ++k, p += 16)
            lanes = _mm_sub_epi8(lanes, _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i *>(p)), newline));
        const __m128i sums = _mm_sad_epu8(lanes, _mm_setzero_si128());
        count += _mm_cvtsi128_si32(sums) + _mm_extract_epi16(sums, 4);
    }
#endif
    for (; p < end; ++p)
        count += *p == '\n' ? 1 : 0;
    return count;
}

bool isAsciiSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Collapses runs of ASCII whitespace to one space and trims, like QString::simplified().
void simplifyInPlace(HtmlBuffer *text)
{
    char *data = text->data();
    const qsizetype n = text->size();
    qsizetype w = 0;
    qsizetype r = 0;
#ifdef __SSE2__
    // While nothing has been dropped yet, skip blocks of sixteen that are already simple: single
    // spaces only, none at the start of the text or after a space.
    while (w == r && n - r >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(data + r));
        const unsigned spaces = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' '))));
        const unsigned controls = unsigned(_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(' ')))); // and bytes >= 0x80
        const bool otherSpace = [&] {
            for (unsigned m = controls; m; m &= m - 1) {
                if (isAsciiSpace(data[r + __builtin_ctz(m)]))
                    return true;
            }
            return false;
        }();
        const bool spaceFirst = (spaces & 1u) && (r == 0 || data[r - 1] == ' ');
        if (otherSpace || spaceFirst || (spaces & (spaces >> 1)) != 0)
            break;
        r += 16;
        w += 16;
    }
#endif
    for (; r < n; ++r) {
        const char c = data[r];
        if (isAsciiSpace(c)) {
            if (w > 0 && data[w - 1] != ' ')
                data[w++] = ' ';
            continue;
        }
        data[w++] = c;
    }
    if (w > 0 && data[w - 1] == ' ')
        --w;
    text->truncate(w);
}

// "<p>text</p>\n" → "text", for option labels inside buttons.
QByteArrayView stripSingleParagraph(const QByteArray &html)
{
    if (html.startsWith("<p>") && html.endsWith("</p>\n") && html.indexOf("<p>", 3) < 0)
        return QByteArrayView(html).sliced(3, html.size() - 8);
    return html;
}

QString shownUrl(QByteArrayView url)
{
    QString s = QString::fromUtf8(url.first(qMin<qsizetype>(url.size(), 80)));
    for (QChar &c : s) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7F)
            c = QLatin1Char('?');
    }
    return url.size() > 80 ? s + QStringLiteral("...") : s;
}

} // namespace

LessonHtmlBuilder::LessonHtmlBuilder(LessonRenderContext &context, QByteArrayView source, int firstLine)
    : LessonHtmlBuilder(context, source, firstLine, false)
{
}

LessonHtmlBuilder::LessonHtmlBuilder(LessonRenderContext &context, QByteArrayView source, int line, bool fragment)
    : m_ctx(context), m_src(source.data()), m_size(source.size()), m_firstLine(line), m_fragment(fragment),
      m_fragmentLine(line), m_lineScanLine(line)
{
}

unsigned LessonHtmlBuilder::parserFlags()
{
    return kParserFlags;
}

bool LessonHtmlBuilder::build(QByteArray *html)
{
    m_buffer.reserve(m_size + m_size / 2 + 1024);
    m_ctx.bodyBuffer = &m_buffer;
    const bool ok = buildInto(m_buffer);
    m_ctx.bodyBuffer = nullptr;
    *html = m_buffer.take();
    return ok;
}

bool LessonHtmlBuilder::buildInto(HtmlBuffer &out)
{
    m_out = &out;
    m_sink = &out;
    MD_PARSER parser = {};
    parser.abi_version = 0;
    parser.flags = kParserFlags;
    parser.enter_block = &LessonHtmlBuilder::onEnterBlock;
    parser.leave_block = &LessonHtmlBuilder::onLeaveBlock;
    parser.enter_span = &LessonHtmlBuilder::onEnterSpan;
    parser.leave_span = &LessonHtmlBuilder::onLeaveSpan;
    parser.text = &LessonHtmlBuilder::onText;
    const int status = md_parse(m_src, MD_SIZE(m_size), &parser, this);
    if (!m_fragment)
        m_ctx.lesson->proseWords += m_words;
    return status == 0;
}

void LessonHtmlBuilder::renderFragment(LessonRenderContext &context, const QString &markdown, int line, HtmlBuffer &out,
                                       bool inlineOnly, bool allowShortcut)
{
    // Fragments do not nest (lesson blocks are written only outside them), so one buffer serves.
    const QByteArrayView source = context.utf8(markdown, LessonRenderContext::Scratch::Fragment);
    if (allowShortcut && renderSimpleLine(source, out, !inlineOnly))
        return;
    // Written straight into the lesson's buffer; an option label loses its single <p> afterwards.
    const qsizetype start = out.size();
    const qsizetype sqlBefore = context.lesson->sqlCode.size();
    LessonHtmlBuilder builder(context, source, line, true);
    if (!builder.buildInto(out)) {
        out.truncate(start);
        context.lesson->sqlCode.resize(sqlBefore); // their code was cut again
        out.appendEscaped(source.constData(), source.size());
        return;
    }
    if (inlineOnly && context.lesson->sqlCode.size() == sqlBefore) { // never with a code block in it
        const QByteArray written = out.view().sliced(start).toByteArray();
        const QByteArrayView stripped = stripSingleParagraph(written);
        if (stripped.size() != written.size()) {
            out.truncate(start);
            out.append(stripped);
        }
    }
}

bool LessonHtmlBuilder::renderSimpleLine(QByteArrayView text, HtmlBuffer &out, bool paragraph)
{
    // One paragraph whose only markup is `code` spans: the common quiz option or question.
    // Anything md4c could read differently (block starts, indentation, hard breaks, emphasis,
    // links, entities, math, autolinks, a backtick run without its closing run on the same line)
    // takes the full parser instead.
    while (!text.isEmpty() && text.back() == '\n')
        text.chop(1);
    const qsizetype n = text.size();
    if (n == 0 || n > 2000)
        return false;
    // First pass: validate and find code spans, so nothing is written when the shortcut fails.
    QVarLengthArray<qsizetype, 16> spans; // open, contentBegin, contentEnd, close (exclusive)
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < n;) {
        if (i == lineStart) {
            const char first = text[i];
            if (first == '\n' || kBlockStart.contains(first) || text.sliced(i).startsWith("```"))
                return false; // a blank line (two paragraphs), a block marker or indentation
        }
        while (i < n && !kSimpleLineStop.contains(text[i]))
            ++i;
        if (i == n)
            break;
        const char c = text[i];
        if (c == '\n') {
            if (text[i - 1] == ' ' || text[i - 1] == '\t')
                return false; // trailing spaces: a hard break, or stripped
            lineStart = ++i;
            continue;
        }
        if (c == '`') {
            qsizetype run = 0;
            while (i + run < n && text[i + run] == '`')
                ++run;
            qsizetype j = i + run;
            qsizetype close = -1;
            while (j < n && text[j] != '\n') {
                if (text[j] != '`') {
                    ++j;
                    continue;
                }
                qsizetype r = 0;
                while (j + r < n && text[j + r] == '`')
                    ++r;
                if (r == run) {
                    close = j;
                    break;
                }
                j += r;
            }
            if (close < 0)
                return false;
            spans.append(i);
            spans.append(i + run);
            spans.append(close);
            spans.append(close + run);
            i = close + run;
            continue;
        }
        if (kInlineSpecial.contains(c))
            return false;
        if (c == ':' && i + 2 < n && text[i + 1] == '/' && text[i + 2] == '/')
            return false;
        if ((c == 'w' || c == 'W') && i + 4 <= n && (text[i + 1] | 0x20) == 'w' && (text[i + 2] | 0x20) == 'w'
            && text[i + 3] == '.')
            return false;
        ++i;
    }
    if (text[n - 1] == ' ' || text[n - 1] == '\t')
        return false;
    if (paragraph)
        out.put("<p>");
    qsizetype pos = 0;
    for (qsizetype k = 0; k < spans.size(); k += 4) {
        out.appendEscaped(text.data() + pos, spans[k] - pos);
        qsizetype b = spans[k + 1];
        qsizetype e = spans[k + 2];
        bool allSpaces = true;
        for (qsizetype x = b; x < e && allSpaces; ++x)
            allSpaces = text[x] == ' ';
        if (!allSpaces && e - b >= 2 && text[b] == ' ' && text[e - 1] == ' ') {
            ++b;
            --e;
        }
        out.put("<code>");
        out.appendEscaped(text.data() + b, e - b);
        out.put("</code>");
        pos = spans[k + 3];
    }
    out.appendEscaped(text.data() + pos, n - pos);
    if (paragraph)
        out.put("</p>\n");
    return true;
}

void LessonHtmlBuilder::checkRequiredSections()
{
    struct Required {
        Section section;
        const char *heading;
        const QStringList *items;
    };
    const Required required[] = {
        {Section::Objectives, "## Learning objectives", &m_ctx.lesson->objectives},
        {Section::Takeaways, "## Key takeaways", &m_ctx.lesson->keyTakeaways},
        {Section::References, "## References", &m_ctx.lesson->references},
    };
    for (const Required &r : required) {
        const QString heading = QLatin1String(r.heading);
        if (!m_sectionSeen[int(r.section)])
            m_ctx.lesson->errors.append(QStringLiteral("the lesson has no '%1' section").arg(heading));
        else if (r.items->isEmpty())
            m_ctx.lesson->errors.append(QStringLiteral("the '%1' section has no list of items").arg(heading));
    }
}

// --- md4c trampolines -------------------------------------------------------------------------

int LessonHtmlBuilder::onEnterBlock(MD_BLOCKTYPE type, void *detail, void *self)
{
    return static_cast<LessonHtmlBuilder *>(self)->enterBlock(type, detail);
}

int LessonHtmlBuilder::onLeaveBlock(MD_BLOCKTYPE type, void *detail, void *self)
{
    return static_cast<LessonHtmlBuilder *>(self)->leaveBlock(type, detail);
}

int LessonHtmlBuilder::onEnterSpan(MD_SPANTYPE type, void *detail, void *self)
{
    return static_cast<LessonHtmlBuilder *>(self)->enterSpan(type, detail);
}

int LessonHtmlBuilder::onLeaveSpan(MD_SPANTYPE type, void *detail, void *self)
{
    return static_cast<LessonHtmlBuilder *>(self)->leaveSpan(type, detail);
}

int LessonHtmlBuilder::onText(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *self)
{
    return static_cast<LessonHtmlBuilder *>(self)->text(type, text, qsizetype(size));
}

// --- blocks ---------------------------------------------------------------------------------------

int LessonHtmlBuilder::enterBlock(MD_BLOCKTYPE type, void *detail)
{
    m_inWord = false;
    if (m_capturingItem)
        m_itemText.append(' ');
    if (!m_quotes.empty() && m_quotes.back().probe == Probe::Awaiting) {
        // The first block inside a quote decides whether it can be a GitHub alert.
        m_quotes.back().probe = type == MD_BLOCK_P ? Probe::FirstLine : Probe::Done;
        m_probe.clear();
    }
    HtmlBuffer &out = *m_sink;
    switch (type) {
    case MD_BLOCK_DOC:
        break;
    case MD_BLOCK_QUOTE:
        m_quotes.push_back(QuoteFrame{out.size(), Probe::Awaiting, false});
        out.put("<blockquote>\n");
        break;
    case MD_BLOCK_UL:
        enterList(false, detail);
        break;
    case MD_BLOCK_OL:
        enterList(true, detail);
        break;
    case MD_BLOCK_LI: {
        const auto *li = static_cast<const MD_BLOCK_LI_DETAIL *>(detail);
        if (m_captureListDepth >= 0 && m_depth == m_captureListDepth + 1) {
            m_capturingItem = true;
            m_itemText.clear();
        }
        if (li->is_task) {
            out.put("<li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled");
            if (li->task_mark == 'x' || li->task_mark == 'X')
                out.put(" checked");
            out.put(">");
        } else {
            out.put("<li>");
        }
        break;
    }
    case MD_BLOCK_HR:
        out.put("<hr>\n");
        break;
    case MD_BLOCK_H:
        startHeading();
        break;
    case MD_BLOCK_CODE: {
        const auto *code = static_cast<const MD_BLOCK_CODE_DETAIL *>(detail);
        m_inCode = true;
        m_codeFenced = code->fence_char != 0;
        m_code.clear();
        m_codeBegin = m_codeEnd = nullptr;
        m_codeCopied = false;
        m_codeInfo = attributeText(code->info);
        m_codeFirstPtr = nullptr;
        m_codeNewlinesBefore = 0;
        m_codeFenceLine = (code->info.size > 0 && inSource(code->info.text)) ? lineAt(code->info.text) : 0;
        break;
    }
    case MD_BLOCK_HTML:
        out.put("<pre>");
        break;
    case MD_BLOCK_P:
        out.put("<p>");
        break;
    case MD_BLOCK_TABLE:
        out.put("<table>\n");
        break;
    case MD_BLOCK_THEAD:
        out.put("<thead>\n");
        break;
    case MD_BLOCK_TBODY:
        out.put("<tbody>\n");
        break;
    case MD_BLOCK_TR:
        out.put("<tr>\n");
        break;
    case MD_BLOCK_TH:
    case MD_BLOCK_TD: {
        if (type == MD_BLOCK_TH)
            out.put("<th");
        else
            out.put("<td");
        switch (static_cast<const MD_BLOCK_TD_DETAIL *>(detail)->align) {
        case MD_ALIGN_LEFT: out.put(" align=\"left\">"); break;
        case MD_ALIGN_CENTER: out.put(" align=\"center\">"); break;
        case MD_ALIGN_RIGHT: out.put(" align=\"right\">"); break;
        default: out.put(">"); break;
        }
        break;
    }
    }
    ++m_depth;
    return 0;
}

int LessonHtmlBuilder::leaveBlock(MD_BLOCKTYPE type, void *detail)
{
    --m_depth;
    m_inWord = false;
    if (m_capturingItem)
        m_itemText.append(' ');
    HtmlBuffer &out = *m_sink;
    switch (type) {
    case MD_BLOCK_DOC:
        break;
    case MD_BLOCK_QUOTE: {
        const bool callout = !m_quotes.empty() && m_quotes.back().callout;
        if (!m_quotes.empty())
            m_quotes.pop_back();
        if (callout)
            out.put("</div>\n");
        else
            out.put("</blockquote>\n");
        break;
    }
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
        if (type == MD_BLOCK_UL)
            out.put("</ul>\n");
        else
            out.put("</ol>\n");
        if (m_depth == m_captureListDepth) {
            m_captureListDepth = -1;
            m_sectionListTaken = true;
        }
        break;
    case MD_BLOCK_LI:
        out.put("</li>\n");
        if (m_capturingItem && m_depth == m_captureListDepth + 1) {
            m_capturingItem = false;
            simplifyInPlace(&m_itemText);
            const QString item = QString::fromUtf8(m_itemText.view());
            if (!item.isEmpty()) {
                QStringList *list = m_section == Section::Objectives ? &m_ctx.lesson->objectives
                    : m_section == Section::Takeaways                ? &m_ctx.lesson->keyTakeaways
                                                                     : &m_ctx.lesson->references;
                list->append(item);
            }
        }
        break;
    case MD_BLOCK_HR:
        break;
    case MD_BLOCK_H:
        finishHeading(static_cast<const MD_BLOCK_H_DETAIL *>(detail)->level);
        break;
    case MD_BLOCK_CODE:
        m_inCode = false;
        finishCodeBlock();
        break;
    case MD_BLOCK_HTML:
        out.put("</pre>\n");
        break;
    case MD_BLOCK_P:
        if (!m_quotes.empty() && m_quotes.back().probe == Probe::FirstLine && endCalloutProbe(false))
            break; // the paragraph was only the alert marker
        out.put("</p>\n");
        break;
    case MD_BLOCK_TABLE:
        out.put("</table>\n");
        break;
    case MD_BLOCK_THEAD:
        out.put("</thead>\n");
        break;
    case MD_BLOCK_TBODY:
        out.put("</tbody>\n");
        break;
    case MD_BLOCK_TR:
        out.put("</tr>\n");
        break;
    case MD_BLOCK_TH:
        out.put("</th>\n");
        break;
    case MD_BLOCK_TD:
        out.put("</td>\n");
        break;
    }
    if (m_depth == 1 && !m_fragment)
        m_ctx.lesson->blockEnds.append(m_out->size());
    return 0;
}

void LessonHtmlBuilder::enterList(bool ordered, void *detail)
{
    HtmlBuffer &out = *m_sink;
    const char *cssClass = nullptr;
    // Objectives and takeaways are the section's first list; references are all its lists.
    if (!m_fragment && m_depth == 1 && m_section != Section::None && m_captureListDepth < 0
        && (!m_sectionListTaken || m_section == Section::References)) {
        m_captureListDepth = m_depth;
        cssClass = m_section == Section::Objectives ? "lesson-objectives"
            : m_section == Section::Takeaways       ? "lesson-takeaways"
                                                    : "lesson-references";
    }
    if (ordered)
        out.put("<ol");
    else
        out.put("<ul");
    if (ordered) {
        const unsigned start = static_cast<const MD_BLOCK_OL_DETAIL *>(detail)->start;
        if (start != 1) {
            out.put(" start=\"");
            out.appendNumber(start);
            out.append('"');
        }
    }
    if (cssClass) {
        out.put(" class=\"");
        out.appendCString(cssClass);
        out.append('"');
    }
    out.put(">\n");
}

bool LessonHtmlBuilder::endCalloutProbe(bool moreFollows)
{
    QuoteFrame &frame = m_quotes.back();
    frame.probe = Probe::Done;
    const QByteArrayView marker = trimmedView(m_probe);
    if (marker.size() < 4 || !marker.startsWith("[!") || !marker.endsWith("]"))
        return false;
    const QByteArrayView name = marker.sliced(2, marker.size() - 3);
    for (const CalloutKind &kind : kCallouts) {
        if (!equalsNoCase(name, kind.marker))
            continue;
        HtmlBuffer &out = *m_sink;
        out.truncate(frame.openPos);
        out.put("<div class=\"callout ");
        out.appendCString(kind.cssClass);
        out.put("\">\n<p class=\"callout-title\">");
        out.appendCString(kind.title);
        out.put("</p>\n");
        if (moreFollows)
            out.put("<p>");
        frame.callout = true;
        return true;
    }
    return false;
}

void LessonHtmlBuilder::startHeading()
{
    m_inHeading = true;
    m_headingHtml.clear();
    m_headingText.clear();
    m_sink = &m_headingHtml;
}

void LessonHtmlBuilder::finishHeading(unsigned level)
{
    m_inHeading = false;
    m_sink = m_out;
    HtmlBuffer &out = *m_out;
    const char digit = char('0' + (level >= 1 && level <= 6 ? level : 6));
    simplifyInPlace(&m_headingText);
    const QString text = QString::fromUtf8(m_headingText.view());
    out.put("<h");
    out.append(digit);
    if (!m_fragment) {
        const QString anchor = m_ctx.slugger.slug(text);
        if (m_ctx.lesson->headings.isEmpty())
            m_ctx.lesson->headings.reserve(32);
        m_ctx.lesson->headings.append(Heading{int(level), text, anchor});
        out.put(" id=\"");
        // Letters, digits, '-' and '_' only: ASCII is copied as is, anything else converted.
        bool ascii = true;
        for (const QChar c : anchor)
            ascii = ascii && c.unicode() < 0x80;
        if (ascii) {
            for (const QChar c : anchor)
                out.append(char(c.unicode()));
        } else {
            out.append(anchor.toUtf8());
        }
        out.append('"');
        if (level <= 2) {
            m_section = Section::None;
            m_captureListDepth = -1;
            m_sectionListTaken = false;
            if (level == 2) {
                const QByteArrayView bytes = m_headingText.view();
                auto is = [bytes](const char *upperName) { return equalsNoCase(bytes, upperName); };
                if (is("LEARNING OBJECTIVES") || is("OBJECTIVES"))
                    m_section = Section::Objectives;
                else if (is("KEY TAKEAWAYS") || is("KEY POINTS"))
                    m_section = Section::Takeaways;
                else if (is("REFERENCES"))
                    m_section = Section::References;
                m_sectionSeen[int(m_section)] = true;
            }
        }
    }
    out.append('>');
    out.append(m_headingHtml);
    out.put("</h");
    out.append(digit);
    out.put(">\n");
}

// --- code blocks and lesson blocks ----------------------------------------------------------------

void LessonHtmlBuilder::finishCodeBlock()
{
    int line = m_codeFenceLine;
    if (line == 0) {
        line = m_codeFirstPtr ? lineAt(m_codeFirstPtr) - m_codeNewlinesBefore - (m_codeFenced ? 1 : 0) : currentLine();
    }
    if (m_fragment)
        line = m_fragmentLine;

    LessonBlockWriter::InfoTokens tokens;
    for (qsizetype i = 0; i < m_codeInfo.size();) {
        while (i < m_codeInfo.size() && (m_codeInfo[i] == ' ' || m_codeInfo[i] == '\t'))
            ++i;
        const qsizetype start = i;
        while (i < m_codeInfo.size() && m_codeInfo[i] != ' ' && m_codeInfo[i] != '\t')
            ++i;
        if (i > start)
            tokens.append(QByteArrayView(m_codeInfo).sliced(start, i - start));
    }
    const QByteArrayView language = tokens.isEmpty() ? QByteArrayView() : tokens.front();
    const QByteArrayView code = codeSoFar();

    if (language == "mermaid" && !m_fragment) {
        m_sink->put("<pre class=\"mermaid\">");
        m_sink->appendEscaped(code.data(), code.size());
        m_sink->put("</pre>\n");
    } else if (language == "exercise" && !m_fragment) {
        if (tokens.size() > 1)
            warn(line, QStringLiteral("words after ```exercise are ignored"));
        LessonBlockWriter(m_ctx, *m_sink).writeExercise(code, line);
    } else if (language == "quiz" && !m_fragment) {
        if (tokens.size() > 1)
            warn(line, QStringLiteral("words after ```quiz are ignored"));
        LessonBlockWriter(m_ctx, *m_sink).writeQuiz(code, line);
    } else if (language == "worksheet" && !m_fragment) {
        LessonBlockWriter(m_ctx, *m_sink).writeWorksheet(tokens, code, line);
    } else if (m_fragment || !m_codeFenced) {
        LessonBlockWriter(m_ctx, *m_sink).writePlainCode(language, code);
    } else {
        LessonBlockWriter(m_ctx, *m_sink).writeSnippet(tokens, language, code, line);
    }
    m_code.clear();
}

// --- spans ----------------------------------------------------------------------------------------

int LessonHtmlBuilder::enterSpan(MD_SPANTYPE type, void *detail)
{
    if (!m_quotes.empty() && m_quotes.back().probe == Probe::FirstLine)
        m_quotes.back().probe = Probe::Done; // an alert marker is plain text only
    if (m_imageDepth > 0) {
        // Inside an image only the alt text is written, without any markup.
        if (type == MD_SPAN_IMG)
            ++m_imageDepth;
        return 0;
    }
    HtmlBuffer &out = *m_sink;
    switch (type) {
    case MD_SPAN_EM: out.put("<em>"); break;
    case MD_SPAN_STRONG: out.put("<strong>"); break;
    case MD_SPAN_DEL: out.put("<del>"); break;
    case MD_SPAN_U: out.put("<u>"); break;
    case MD_SPAN_CODE: out.put("<code>"); break;
    case MD_SPAN_LATEXMATH:
    case MD_SPAN_LATEXMATH_DISPLAY:
        // Recorded when written straight into the body (not in a heading or a lesson block), for
        // math rendered ahead of time (RenderedLesson::pageBodyHtml).
        if (!m_fragment && &out == m_ctx.bodyBuffer) {
            MathSpan span;
            span.open = out.size();
            span.display = type == MD_SPAN_LATEXMATH_DISPLAY;
            if (span.display)
                out.put("<span class=\"math display\">");
            else
                out.put("<span class=\"math inline\">");
            span.begin = out.size();
            m_ctx.lesson->math.append(span);
            m_openMath = true;
        } else {
            if (type == MD_SPAN_LATEXMATH_DISPLAY)
                out.put("<span class=\"math display\">");
            else
                out.put("<span class=\"math inline\">");
        }
        break;
    case MD_SPAN_A: openLink(static_cast<const MD_SPAN_A_DETAIL *>(detail)); break;
    case MD_SPAN_IMG: openImage(static_cast<const MD_SPAN_IMG_DETAIL *>(detail)); break;
    case MD_SPAN_WIKILINK: break;
    }
    return 0;
}

int LessonHtmlBuilder::leaveSpan(MD_SPANTYPE type, void *detail)
{
    if (m_imageDepth > 0) {
        if (type == MD_SPAN_IMG && --m_imageDepth == 0)
            closeImage(static_cast<const MD_SPAN_IMG_DETAIL *>(detail));
        return 0;
    }
    HtmlBuffer &out = *m_sink;
    switch (type) {
    case MD_SPAN_EM: out.put("</em>"); break;
    case MD_SPAN_STRONG: out.put("</strong>"); break;
    case MD_SPAN_DEL: out.put("</del>"); break;
    case MD_SPAN_U: out.put("</u>"); break;
    case MD_SPAN_CODE: out.put("</code>"); break;
    case MD_SPAN_LATEXMATH:
    case MD_SPAN_LATEXMATH_DISPLAY:
        if (m_openMath) {
            m_openMath = false;
            MathSpan &span = m_ctx.lesson->math.last();
            span.end = out.size();
            out.put("</span>");
            span.close = out.size();
        } else {
            out.put("</span>");
        }
        break;
    case MD_SPAN_A:
        closeLink();
        break;
    case MD_SPAN_IMG:
    case MD_SPAN_WIKILINK: break;
    }
    return 0;
}

int LessonHtmlBuilder::sourceLine(const MD_ATTRIBUTE &attribute)
{
    if (m_fragment)
        return m_fragmentLine;
    // md4c points into the source unless it had to copy the attribute (entities, escapes); then
    // the line is taken when the span ends, from its text.
    return (attribute.size > 0 && inSource(attribute.text)) ? lineAt(attribute.text) : 0;
}

void LessonHtmlBuilder::openLink(const MD_SPAN_A_DETAIL *detail)
{
    const QByteArray url = attributeText(detail->href);
    LinkFrame frame;
    frame.line = sourceLine(detail->href);
    frame.refusal = UrlFilter::refusal(url, UrlFilter::Target::Link);
    frame.url = url;
    if (!frame.refusal.isEmpty()) {
        m_links.push_back(std::move(frame));
        return; // the link text is written as plain text
    }
    const bool external = UrlFilter::isExternal(url);
    frame.external = external;
    HtmlBuffer &out = *m_sink;
    out.put("<a href=\"");
    out.appendUrl(url);
    out.append('"');
    if (detail->title.size > 0) {
        const QByteArray title = attributeText(detail->title);
        out.put(" title=\"");
        out.appendEscaped(title.constData(), title.size());
        out.append('"');
    }
    if (external)
        out.put(" class=\"external\" rel=\"noopener noreferrer\"");
    out.append('>');
    m_links.push_back(std::move(frame));
}

void LessonHtmlBuilder::closeLink()
{
    if (m_links.empty())
        return;
    LinkFrame frame = std::move(m_links.back());
    m_links.pop_back();
    finishLink(frame, false);
    if (frame.refusal.isEmpty())
        m_sink->put("</a>");
}

void LessonHtmlBuilder::finishLink(const LinkFrame &frame, bool image)
{
    const int line = frame.line > 0 ? frame.line : currentLine();
    if (!frame.refusal.isEmpty()) {
        warn(line, (image ? QStringLiteral("image '%1' removed: %2") : QStringLiteral("link to '%1' removed: %2"))
                       .arg(shownUrl(frame.url), frame.refusal));
        return;
    }
    m_ctx.lesson->links.append(LessonLink{QString::fromUtf8(frame.url), image, frame.external, line});
}

void LessonHtmlBuilder::openImage(const MD_SPAN_IMG_DETAIL *detail)
{
    m_imageDepth = 1;
    const QByteArray url = attributeText(detail->src);
    m_image = LinkFrame();
    m_image.line = sourceLine(detail->src);
    m_image.refusal = UrlFilter::refusal(url, UrlFilter::Target::Image);
    m_image.url = url;
    if (!m_image.refusal.isEmpty())
        return; // the alt text is written as plain text
    HtmlBuffer &out = *m_sink;
    out.put("<img src=\"");
    out.appendUrl(url);
    out.put("\" alt=\"");
}

void LessonHtmlBuilder::closeImage(const MD_SPAN_IMG_DETAIL *detail)
{
    finishLink(m_image, true);
    if (!m_image.refusal.isEmpty())
        return;
    HtmlBuffer &out = *m_sink;
    out.append('"');
    if (detail->title.size > 0) {
        const QByteArray title = attributeText(detail->title);
        out.put(" title=\"");
        out.appendEscaped(title.constData(), title.size());
        out.append('"');
    }
    out.append('>');
}

// --- text -----------------------------------------------------------------------------------------

int LessonHtmlBuilder::text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size)
{
    if (m_inCode) {
        if (!m_codeFirstPtr && size > 0 && inSource(text)) {
            m_codeFirstPtr = text;
            const QByteArrayView before = codeSoFar();
            m_codeNewlinesBefore = int(std::count(before.begin(), before.end(), '\n'));
        }
        appendCode(text, qsizetype(size));
        return 0;
    }
    if (inSource(text))
        m_lastTextPtr = text;

    if (!m_quotes.empty() && m_quotes.back().probe == Probe::FirstLine) {
        if (type == MD_TEXT_NORMAL) {
            m_probe.append(text, qsizetype(size));
            if (m_probe.size() > 24)
                m_quotes.back().probe = Probe::Done;
        } else if (type == MD_TEXT_SOFTBR || type == MD_TEXT_BR) {
            if (endCalloutProbe(true))
                return 0; // the line break after the marker
        } else {
            m_quotes.back().probe = Probe::Done;
        }
    }
    if (m_inHeading || m_capturingItem)
        capture(type, text, qsizetype(size));

    HtmlBuffer &out = *m_sink;
    // Tested in order of frequency, so the common case is one predictable branch.
    if (type == MD_TEXT_NORMAL) {
        if (m_fragment)
            out.appendEscaped(text, qsizetype(size));
        else
            m_words += out.appendEscapedCountingWords(text, qsizetype(size), &m_inWord);
    } else if (type == MD_TEXT_SOFTBR) {
        m_inWord = false;
        out.append(m_imageDepth > 0 ? ' ' : '\n');
    } else if (type == MD_TEXT_BR) {
        m_inWord = false;
        out.appendCString(m_imageDepth > 0 ? " " : "<br>\n");
    } else if (type == MD_TEXT_ENTITY) {
        appendEntity(text, qsizetype(size));
    } else if (type == MD_TEXT_NULLCHAR) {
        out.put("\xEF\xBF\xBD");
    } else { // MD_TEXT_CODE, MD_TEXT_HTML, MD_TEXT_LATEXMATH
        out.appendEscaped(text, qsizetype(size));
    }
    return 0;
}

bool LessonHtmlBuilder::sourceContinuesWith(const char *text, qsizetype size) const
{
    // The pieces compared are short (a line break, some indentation): no memcmp call for them.
    if (m_src + m_size - m_codeEnd < size)
        return false;
    for (qsizetype i = 0; i < size; ++i) {
        if (m_codeEnd[i] != text[i])
            return false;
    }
    return true;
}

void LessonHtmlBuilder::appendCode(const char *text, qsizetype size)
{
    if (size <= 0)
        return;
    if (!m_codeCopied) {
        // md4c gives a block's lines from the source and its line breaks (and extra indentation)
        // from strings of its own: a piece equal to the source bytes where the range ends
        // extends the range just as well.
        if (!m_codeBegin && inSource(text)) {
            m_codeBegin = text;
            m_codeEnd = text + size;
            return;
        }
        if (m_codeBegin && (text == m_codeEnd || sourceContinuesWith(text, size))) {
            m_codeEnd += size;
            return;
        }
        if (m_codeBegin)
            m_code.append(m_codeBegin, m_codeEnd - m_codeBegin);
        m_codeCopied = true;
    }
    m_code.append(text, size);
}

void LessonHtmlBuilder::capture(MD_TEXTTYPE type, const char *text, qsizetype size)
{
    QByteArray decoded;
    QByteArrayView piece(text, size);
    if (type == MD_TEXT_SOFTBR || type == MD_TEXT_BR) {
        piece = " ";
    } else if (type == MD_TEXT_ENTITY) {
        if (HtmlEntities::decode(piece, &decoded))
            piece = decoded;
    } else if (type == MD_TEXT_NULLCHAR) {
        piece = "\xEF\xBF\xBD";
    }
    if (m_inHeading)
        m_headingText.append(piece);
    if (m_capturingItem)
        m_itemText.append(piece);
}

void LessonHtmlBuilder::appendEntity(const char *text, qsizetype size)
{
    HtmlBuffer &out = *m_sink;
    if (size > 2 && text[1] == '#') {
        QByteArray decoded;
        if (HtmlEntities::decode(QByteArrayView(text, size), &decoded)) {
            out.appendEscaped(decoded.constData(), decoded.size());
            return;
        }
    } else {
        bool plain = size > 2 && text[size - 1] == ';';
        for (qsizetype i = 1; plain && i < size - 1; ++i) {
            const char c = text[i];
            plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        if (plain) {
            out.append(text, size); // a named reference: the browser decodes it
            return;
        }
    }
    out.appendEscaped(text, size);
}

QByteArray LessonHtmlBuilder::attributeText(const MD_ATTRIBUTE &attribute)
{
    QByteArray result;
    if (attribute.size == 0 || !attribute.text)
        return result;
    result.reserve(qsizetype(attribute.size));
    for (int i = 0; attribute.substr_offsets[i] < attribute.size; ++i) {
        const MD_OFFSET begin = attribute.substr_offsets[i];
        const MD_OFFSET end = attribute.substr_offsets[i + 1];
        const QByteArrayView piece(attribute.text + begin, qsizetype(end - begin));
        switch (attribute.substr_types[i]) {
        case MD_TEXT_ENTITY:
            if (!HtmlEntities::decode(piece, &result))
                result.append(piece);
            break;
        case MD_TEXT_NULLCHAR:
            result.append("\xEF\xBF\xBD");
            break;
        default:
            result.append(piece);
            break;
        }
    }
    return result;
}

// --- lines and messages -----------------------------------------------------------------------------

int LessonHtmlBuilder::lineAt(const char *p)
{
    if (m_fragment)
        return m_fragmentLine;
    if (!p || !inSource(p))
        p = m_lastTextPtr ? m_lastTextPtr : m_src;
    const qsizetype offset = p - m_src;
    if (offset < m_lineScanPos) {
        // Backwards (a reference link's target lies after its use): binary search in an index of
        // line starts, built once, so alternating jumps stay O(log n) instead of rescanning.
        if (m_lineStarts.empty()) {
            m_lineStarts.push_back(0);
            for (const char *c = m_src, *end = m_src + m_size;
                 (c = static_cast<const char *>(std::memchr(c, '\n', size_t(end - c)))) != nullptr;)
                m_lineStarts.push_back(qsizetype(++c - m_src));
        }
        const auto it = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
        return m_firstLine + int(it - m_lineStarts.begin()) - 1;
    }
    const char *cursor = m_src + m_lineScanPos;
    const char *end = m_src + offset;
    const qsizetype newlines = countNewlines(cursor, end);
    if (newlines > 0) {
        m_lineScanLine += int(newlines);
        // Keep the scan position at a line start, so a later position on the same line counts on.
        const char *lineStart = end;
        while (lineStart[-1] != '\n')
            --lineStart;
        m_lineScanPos = lineStart - m_src;
    }
    return m_lineScanLine;
}

void LessonHtmlBuilder::warn(int line, const QString &message)
{
    m_ctx.lesson->warnings.append(QStringLiteral("line %1: %2").arg(line).arg(message));
}

} // namespace dblearn
