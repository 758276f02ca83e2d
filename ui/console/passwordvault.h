#pragma once

#include <QString>

namespace dblearn {

// Connection passwords, kept only in the system keychain through QtKeychain, never in settings
// files. Without a keychain (no Secret Service, a headless session) every call fails with the
// reason, and the console asks for the password each session instead.
class PasswordVault final
{
public:
    // The keychain key of a connection: its URI without the password.
    static bool read(const QString &key, QString *password, QString *error);
    static bool write(const QString &key, const QString &password, QString *error);
    static bool remove(const QString &key, QString *error);
};

} // namespace dblearn
