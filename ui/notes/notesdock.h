#pragma once

#include <QDockWidget>

class QLabel;
class QPlainTextEdit;
class QTimer;

namespace dblearn {

class ProgressStore;

// The learner's notes on the open lesson, in markdown, saved as they type (a second after the last
// keystroke, and when the lesson changes or the window closes).
class NotesDock final : public QDockWidget
{
    Q_OBJECT
public:
    explicit NotesDock(ProgressStore *store, QWidget *parent = nullptr);

    void setLesson(const QString &lessonPath);
    bool saveNow(); // false when the note could not be saved (the text stays in the editor)

private:
    ProgressStore *m_store;
    QString m_lessonPath;
    QPlainTextEdit *m_editor;
    QLabel *m_status;
    QTimer *m_saveTimer;
    bool m_dirty = false;
};

} // namespace dblearn
