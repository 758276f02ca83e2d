#include "notesdock.h"

#include "progress/progressstore.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QTimer>
#include <QVBoxLayout>

namespace dblearn {

NotesDock::NotesDock(ProgressStore *store, QWidget *parent) : QDockWidget(tr("Notes"), parent), m_store(store)
{
    setObjectName(QStringLiteral("NotesDock"));
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    m_editor = new QPlainTextEdit(content);
    m_editor->setPlaceholderText(tr("Your notes on this lesson (markdown). Saved as you type."));
    m_editor->setEnabled(false);
    m_status = new QLabel(content);
    layout->addWidget(m_editor);
    layout->addWidget(m_status);
    setWidget(content);

    m_saveTimer = new QTimer(this);
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(1000);
    connect(m_saveTimer, &QTimer::timeout, this, &NotesDock::saveNow);
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        if (m_lessonPath.isEmpty())
            return;
        m_dirty = true;
        m_status->setText(tr("Editing…"));
        m_saveTimer->start();
    });
    if (!m_store || m_store->isReadOnly())
        m_status->setText(tr("Notes cannot be saved: the progress store is not available for writing."));
}

void NotesDock::setLesson(const QString &lessonPath)
{
    if (lessonPath == m_lessonPath)
        return;
    saveNow();
    m_lessonPath = lessonPath;
    const QSignalBlocker blocker(m_editor);
    m_editor->setPlainText(m_store ? m_store->note(lessonPath) : QString());
    m_editor->setEnabled(m_store && !m_store->isReadOnly() && !lessonPath.isEmpty());
    m_dirty = false;
    if (m_store && !m_store->isReadOnly())
        m_status->clear();
}

bool NotesDock::saveNow()
{
    m_saveTimer->stop();
    if (!m_dirty || m_lessonPath.isEmpty() || !m_store)
        return true;
    if (!m_store->setNote(m_lessonPath, m_editor->toPlainText())) {
        m_status->setText(tr("Not saved: %1. Your text is still here; copy it somewhere safe.").arg(m_store->lastError()));
        return false;
    }
    m_dirty = false;
    m_status->setText(tr("Saved"));
    return true;
}

} // namespace dblearn
