#include "numberfield.h"

#include <QLocale>

#include <cmath>
#include <limits>

namespace dblearn {

NumberField::NumberField(const QString &explanation, QWidget *parent)
    : QLineEdit(parent)
    , m_explanation(explanation)
{
    setToolTip(explanation);
    setMinimumWidth(80);
    connect(this, &QLineEdit::textEdited, this, [this](const QString &text) {
        bool present = false;
        const double value = parse(text, &present);
        emit valueEdited(value, present);
    });
}

double NumberField::parse(const QString &text, bool *present)
{
    const QString trimmed = text.trimmed();
    *present = !trimmed.isEmpty();
    if (trimmed.isEmpty())
        return std::numeric_limits<double>::quiet_NaN();
    bool ok = false;
    double value = QLocale().toDouble(trimmed, &ok);
    if (!ok)
        value = QLocale::c().toDouble(trimmed, &ok);
    return ok ? value : std::numeric_limits<double>::quiet_NaN();
}

void NumberField::setValue(double value, bool present)
{
    if (!present)
        setText(QString());
    else if (std::isnan(value))
        setText(QStringLiteral("NaN"));
    else
        setText(QString::number(value, 'g', 10));
}

void NumberField::setIssue(const QString &message)
{
    if (m_issue == message)
        return;
    m_issue = message;
    setToolTip(message.isEmpty() ? m_explanation : message + QStringLiteral("\n\n") + m_explanation);
    setProperty("issue", !message.isEmpty());
    updateStyle();
}

void NumberField::setDiffers(bool differs)
{
    if (m_differs == differs)
        return;
    m_differs = differs;
    updateStyle();
}

void NumberField::updateStyle()
{
    if (!m_issue.isEmpty())
        setStyleSheet(QStringLiteral("QLineEdit { border: 2px solid #c62828; background: #fdecea; color: #000; }"));
    else if (m_differs)
        setStyleSheet(QStringLiteral("QLineEdit { background: #fff3c4; color: #000; }"));
    else
        setStyleSheet(QString());
}

} // namespace dblearn
