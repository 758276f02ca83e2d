#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace dblearn {

struct MathSpan;
struct RenderedLesson;

// Math rendered ahead of time: KaTeX's HTML for the math of the shipped lessons, made at build time
// by dblearn-mathcache (app/dblearn-mathcache) with the same KaTeX the page loads, one file per
// lesson under share/dblearn/math:
//   <lesson path>.json   {"katex": "0.16.x", "math": {"i:TEX": "HTML", "d:TEX": "HTML", ...}}
// "i:" is inline math, "d:" display math; TEX is the span's text as the renderer writes it
// (HTML-escaped). A lesson changed since the build misses for the spans that changed, and the page
// renders those itself with KaTeX's script; a page whose math all comes from here never loads it.
class MathCache final
{
public:
    explicit MathCache(const QString &dir = QString());

    QString dir() const { return m_dir; }
    QString fileFor(const QString &lessonPath) const;

    static QByteArray key(const RenderedLesson &lesson, const MathSpan &span);

    // Puts the cached HTML for the lesson's math spans into lesson->mathHtml; returns how many
    // spans have some. A missing, unreadable or malformed file gives 0 (the page renders the math).
    int apply(const QString &lessonPath, RenderedLesson *lesson) const;

    // Writes one lesson's file (the entries by key()); false with the reason.
    bool write(const QString &lessonPath, const QHash<QByteArray, QByteArray> &entries, const QString &katexVersion,
               QString *error) const;

private:
    QString m_dir;
};

} // namespace dblearn
