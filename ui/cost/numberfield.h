#pragma once

#include <QLineEdit>

namespace dblearn {

// A line edit for one numeric input. Empty text is a missing value and text that is not a number
// is NaN: both go to the model as they are, so the validator marks them instead of a default
// quietly taking their place. Shows an invalid mark (with the reason as tooltip) and a "differs
// from the first scenario" highlight.
class NumberField final : public QLineEdit
{
    Q_OBJECT
public:
    explicit NumberField(const QString &explanation, QWidget *parent = nullptr);

    void setValue(double value, bool present);
    void setIssue(const QString &message); // empty clears the mark
    void setDiffers(bool differs);
    bool hasIssue() const { return !m_issue.isEmpty(); }
    bool differs() const { return m_differs; }

    // "12.5" or "12,5" in the user's locale; empty: missing; anything else: NaN.
    static double parse(const QString &text, bool *present);

signals:
    void valueEdited(double value, bool present);

private:
    void updateStyle();

    QString m_explanation;
    QString m_issue;
    bool m_differs = false;
};

} // namespace dblearn
