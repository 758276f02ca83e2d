#pragma once

#include <QByteArrayView>
#include <QString>

namespace dblearn {

// Strict UTF-8 check for lesson files, run before anything parses them (md4c does no validation).
// Rejects overlong forms, UTF-16 surrogates, code points above U+10FFFF, truncated sequences,
// stray continuation bytes and NUL bytes, and reports where the first problem is.
class Utf8Validator final
{
public:
    bool validate(QByteArrayView data);

    qsizetype errorOffset() const { return m_errorOffset; } // 0-based byte offset; -1 when valid
    int errorLine() const { return m_errorLine; }           // 1-based; 0 when valid
    QString errorReason() const { return m_reason; }        // "overlong encoding", ...
    // "invalid UTF-8 at byte 1234 (line 56): overlong encoding"
    QString errorString() const;

private:
    void fail(QByteArrayView data, qsizetype offset, const QString &reason);

    qsizetype m_errorOffset = -1;
    int m_errorLine = 0;
    bool m_nul = false;
    QString m_reason;
};

} // namespace dblearn
