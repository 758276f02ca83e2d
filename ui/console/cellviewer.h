#pragma once

#include <QDialog>

class QTabWidget;

namespace dblearn {

// Shows one value whole: text (wrapped, read-only), hex dump, and an image when the bytes are one.
class CellViewer final : public QDialog
{
    Q_OBJECT
public:
    CellViewer(const QString &title, const QVariant &value, bool isNull, bool isBlob, QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }
    static QString hexDump(const QByteArray &bytes, int maxBytes = 1 << 20);

private:
    QTabWidget *m_tabs = nullptr;
};

} // namespace dblearn
