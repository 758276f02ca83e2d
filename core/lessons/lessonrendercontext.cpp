#include "lessons/lessonrendercontext.h"

#include <QStringEncoder>

namespace dblearn {

QByteArrayView LessonRenderContext::utf8(QStringView text, Scratch scratch)
{
    QByteArray &buffer = m_scratch[scratch == Scratch::Text ? 0 : 1];
    QStringEncoder encoder(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    const qsizetype room = encoder.requiredSpace(text.size()) + 1;
    if (buffer.size() < room)
        buffer.resize(qMax(room, qsizetype(256)));
    char *begin = buffer.data();
    char *end = encoder.appendToBuffer(begin, text);
    *end = '\0'; // md4c 0.4.8 can read past the end of its input: see MarkdownRenderer::render
    return QByteArrayView(begin, end - begin);
}

} // namespace dblearn
