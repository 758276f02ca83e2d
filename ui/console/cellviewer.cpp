#include "cellviewer.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QImage>
#include <QLabel>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

namespace dblearn {

CellViewer::CellViewer(const QString &title, const QVariant &value, bool isNull, bool isBlob, QWidget *parent)
    : QDialog(parent), m_tabs(new QTabWidget(this))
{
    setWindowTitle(title);
    resize(640, 480);
    const QByteArray bytes = isBlob ? value.toByteArray() : value.toString().toUtf8();
    auto *text = new QPlainTextEdit(this);
    text->setReadOnly(true);
    text->setObjectName(QStringLiteral("CellText"));
    if (isNull)
        text->setPlaceholderText(tr("NULL: this cell has no value (which is not the same as an empty string)"));
    else if (isBlob)
        text->setPlainText(QString::fromUtf8(bytes));
    else
        text->setPlainText(value.toString());
    m_tabs->addTab(text, tr("Text"));

    auto *hex = new QPlainTextEdit(this);
    hex->setReadOnly(true);
    hex->setObjectName(QStringLiteral("CellHex"));
    hex->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    hex->setPlainText(hexDump(bytes));
    m_tabs->addTab(hex, tr("Hex"));

    const QImage image = isBlob ? QImage::fromData(bytes) : QImage();
    if (!image.isNull()) {
        auto *label = new QLabel(this);
        label->setPixmap(QPixmap::fromImage(image));
        auto *scroll = new QScrollArea(this);
        scroll->setWidget(label);
        m_tabs->addTab(scroll, tr("Image (%1×%2)").arg(image.width()).arg(image.height()));
        m_tabs->setCurrentIndex(m_tabs->count() - 1);
    } else if (isBlob) {
        m_tabs->setCurrentWidget(hex);
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(isNull ? tr("NULL") : tr("%1 bytes").arg(bytes.size()), this));
    layout->addWidget(m_tabs);
    layout->addWidget(buttons);
}

QString CellViewer::hexDump(const QByteArray &bytes, int maxBytes)
{
    QString out;
    const int n = int(qMin<qsizetype>(bytes.size(), maxBytes));
    for (int offset = 0; offset < n; offset += 16) {
        out += QStringLiteral("%1  ").arg(offset, 8, 16, QLatin1Char('0'));
        QString ascii;
        for (int i = 0; i < 16; ++i) {
            if (offset + i < n) {
                const auto b = static_cast<unsigned char>(bytes[offset + i]);
                out += QStringLiteral("%1 ").arg(b, 2, 16, QLatin1Char('0'));
                ascii += b >= 0x20 && b < 0x7f ? QChar(b) : QLatin1Char('.');
            } else {
                out += QStringLiteral("   ");
            }
        }
        out += QLatin1Char(' ') + ascii + QLatin1Char('\n');
    }
    if (bytes.size() > n)
        out += QStringLiteral("… %1 more bytes\n").arg(bytes.size() - n);
    return out;
}

} // namespace dblearn
