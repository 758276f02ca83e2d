#pragma once

#include <QString>

namespace dblearn {

// What a console tab is connected to: a bundled dataset's working copy, or a connection URI.
// Never holds a password: those live in the system keychain (or are asked for each session).
struct ConsoleTarget {
    QString backendId = QStringLiteral("sqlite");
    QString dataset = QStringLiteral("shop"); // a dataset's working copy; empty with a uri
    QString uri;                              // without password
    QString label() const
    {
        return dataset.isEmpty() ? uri : QStringLiteral("%1 · %2").arg(dataset, backendId);
    }
};

} // namespace dblearn
