#pragma once

#include "lessons/headingslugger.h"
#include "lessons/htmlbuffer.h"
#include "lessons/renderedlesson.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace dblearn {

// What the lesson render and the fragment renders inside it (exercise prompts, hints, quiz
// questions and options) share: the result being filled, anchors and ids already used.
struct LessonRenderContext {
    LessonRenderContext() { slugger.reserve(QStringLiteral("lesson")); } // <main id="lesson"> in the page

    RenderedLesson *lesson = nullptr;
    const HtmlBuffer *bodyBuffer = nullptr; // the buffer that becomes lesson->bodyHtml
    HeadingSlugger slugger;
    int snippetCount = 0;
    QSet<QString> blockIds; // exercise and quiz ids in use
    QStringList engines;    // front matter engines and datasets, to warn about blocks using others
    QStringList datasets;

    // text as UTF-8 in a buffer of this context, valid until the next call with the same buffer:
    // the writers' strings go into the page without a QByteArray each.
    enum class Scratch { Text, Fragment };
    QByteArrayView utf8(QStringView text, Scratch scratch = Scratch::Text);

private:
    QByteArray m_scratch[2];
};

} // namespace dblearn
