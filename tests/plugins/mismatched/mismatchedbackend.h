#pragma once

#include <QObject>

namespace dblearn {

// Claims an older backend interface. Loading its code sets DBLEARN_TEST_MISMATCHED_LOADED.
class MismatchedBackend final : public QObject
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.dblearn.DatabaseBackend/0.9" FILE "mismatched.json")
public:
    explicit MismatchedBackend(QObject *parent = nullptr);
};

} // namespace dblearn
