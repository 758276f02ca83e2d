#pragma once

#include "lessons/htmlbuffer.h"
#include "lessons/lessonrendercontext.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QStringList>

#include <md4c.h>

#include <vector>

namespace dblearn {

// Turns md4c's parse events into the lesson's HTML (docs/lesson-format.md, "What the renderer
// emits"): escapes every text, filters link and image URLs, gives headings anchors, turns GitHub
// alerts into callouts, writes math and diagrams, hands code fences to LessonBlockWriter, and
// collects the required sections. Writes into one pre-reserved HtmlBuffer; nothing is converted
// to QString per token.
class LessonHtmlBuilder final
{
public:
    // source: the markdown body (after the front matter); firstLine: its first line in the file.
    LessonHtmlBuilder(LessonRenderContext &context, QByteArrayView source, int firstLine);
    Q_DISABLE_COPY_MOVE(LessonHtmlBuilder)

    // Returns false when md4c fails (out of memory).
    bool build(QByteArray *html);
    // Adds errors for missing "Learning objectives", "Key takeaways" and "References" sections.
    void checkRequiredSections();

    // Markdown inside a lesson block: no anchors, no snippets or lesson blocks (fences inside are
    // plain code); problems are reported at line. inlineOnly drops the <p> around a single
    // paragraph (quiz option labels). allowShortcut: one-line texts whose only markup is `code`
    // are written directly instead of through md4c (the result is the same; tests compare both).
    static void renderFragment(LessonRenderContext &context, const QString &markdown, int line, HtmlBuffer &out,
                               bool inlineOnly = false, bool allowShortcut = true);
    // The shortcut: false (nothing written) when the text needs the full parser.
    static bool renderSimpleLine(QByteArrayView text, HtmlBuffer &out, bool paragraph);
    static unsigned parserFlags();

private:
    enum class Section { None, Objectives, Takeaways, References };
    enum class Probe { Awaiting, FirstLine, Done };
    struct QuoteFrame {
        qsizetype openPos = 0;
        Probe probe = Probe::Awaiting;
        bool callout = false;
    };
    struct LinkFrame {
        QByteArray url;   // character references decoded
        QString refusal;  // why the URL filter dropped it; empty when kept
        bool external = false;
        int line = 0;     // 0 until known
    };

    LessonHtmlBuilder(LessonRenderContext &context, QByteArrayView source, int line, bool fragment);
    bool buildInto(HtmlBuffer &out); // appends to out

    static int onEnterBlock(MD_BLOCKTYPE type, void *detail, void *self);
    static int onLeaveBlock(MD_BLOCKTYPE type, void *detail, void *self);
    static int onEnterSpan(MD_SPANTYPE type, void *detail, void *self);
    static int onLeaveSpan(MD_SPANTYPE type, void *detail, void *self);
    static int onText(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *self);

    int enterBlock(MD_BLOCKTYPE type, void *detail);
    int leaveBlock(MD_BLOCKTYPE type, void *detail);
    int enterSpan(MD_SPANTYPE type, void *detail);
    int leaveSpan(MD_SPANTYPE type, void *detail);
    int text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size);

    static QByteArray attributeText(const MD_ATTRIBUTE &attribute);
    void appendEntity(const char *text, qsizetype size);
    void capture(MD_TEXTTYPE type, const char *text, qsizetype size);
    bool inSource(const char *p) const { return p >= m_src && p < m_src + m_size; }
    int lineAt(const char *p);
    int currentLine() { return lineAt(m_lastTextPtr); }
    void warn(int line, const QString &message);

    bool endCalloutProbe(bool moreFollows);
    void startHeading();
    void finishHeading(unsigned level);
    void enterList(bool ordered, void *detail);
    void finishCodeBlock();
    int sourceLine(const MD_ATTRIBUTE &attribute);
    void openLink(const MD_SPAN_A_DETAIL *detail);
    void closeLink();
    void openImage(const MD_SPAN_IMG_DETAIL *detail);
    void closeImage(const MD_SPAN_IMG_DETAIL *detail);
    void finishLink(const LinkFrame &frame, bool image); // records it, or warns that it was dropped

    LessonRenderContext &m_ctx;
    const char *m_src = nullptr;
    qsizetype m_size = 0;
    int m_firstLine = 1;
    bool m_fragment = false;
    int m_fragmentLine = 0;

    HtmlBuffer m_buffer;
    HtmlBuffer *m_out = nullptr;
    HtmlBuffer *m_sink = nullptr; // m_out, or m_headingHtml inside a heading

    qsizetype m_lineScanPos = 0;   // forward scanning: position (a line start) and its line
    int m_lineScanLine = 1;
    std::vector<qsizetype> m_lineStarts; // for backward jumps, built on the first one
    const char *m_lastTextPtr = nullptr;

    int m_words = 0;
    bool m_inWord = false;
    int m_depth = 0;

    std::vector<QuoteFrame> m_quotes;
    QByteArray m_probe;

    bool m_inHeading = false;
    HtmlBuffer m_headingHtml;
    HtmlBuffer m_headingText; // as plain text

    Section m_section = Section::None;
    bool m_sectionSeen[4] = {};
    int m_captureListDepth = -1;
    bool m_sectionListTaken = false;
    bool m_capturingItem = false;
    HtmlBuffer m_itemText; // as plain text

    bool m_inCode = false;
    bool m_codeFenced = false;
    // A code block's text: while its pieces follow each other in the source, only the range
    // [m_codeBegin, m_codeEnd) of it; copied into m_code from the first piece that does not.
    HtmlBuffer m_code;
    const char *m_codeBegin = nullptr;
    const char *m_codeEnd = nullptr;
    bool m_codeCopied = false;
    QByteArrayView codeSoFar() const
    {
        return m_codeCopied ? m_code.view() : QByteArrayView(m_codeBegin, m_codeEnd - m_codeBegin);
    }
    void appendCode(const char *text, qsizetype size);
    bool sourceContinuesWith(const char *text, qsizetype size) const; // at m_codeEnd
    QByteArray m_codeInfo;
    int m_codeFenceLine = 0;
    const char *m_codeFirstPtr = nullptr;
    int m_codeNewlinesBefore = 0;

    std::vector<LinkFrame> m_links; // open links, innermost last
    int m_imageDepth = 0;
    bool m_openMath = false; // inside a math span recorded in RenderedLesson::math
    LinkFrame m_image;              // the outermost open image
};

} // namespace dblearn
