#pragma once

#include <QDialog>

namespace dblearn {

class BackendRegistry;

// Every backend plugin found: loaded, or refused with the reason.
class PluginsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit PluginsDialog(const BackendRegistry &registry, QWidget *parent = nullptr);
};

} // namespace dblearn
