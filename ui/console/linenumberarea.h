#pragma once

#include <QWidget>

namespace dblearn {

class SqlEditor;

// The gutter of a SqlEditor: line numbers, the current one emphasised, an error line marked.
class LineNumberArea final : public QWidget
{
    Q_OBJECT
public:
    explicit LineNumberArea(SqlEditor *editor);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    SqlEditor *m_editor;
};

} // namespace dblearn
