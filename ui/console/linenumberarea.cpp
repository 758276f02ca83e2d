#include "linenumberarea.h"

#include "sqleditor.h"

namespace dblearn {

LineNumberArea::LineNumberArea(SqlEditor *editor) : QWidget(editor), m_editor(editor) {}

QSize LineNumberArea::sizeHint() const
{
    return QSize(m_editor->lineNumberAreaWidth(), 0);
}

void LineNumberArea::paintEvent(QPaintEvent *event)
{
    m_editor->paintLineNumbers(event);
}

} // namespace dblearn
