#pragma once

#include <QDialog>

namespace dblearn {

class BackendRegistry;

// Version of DB Learn and of every component it runs on.
class AboutDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(const BackendRegistry &registry, QWidget *parent = nullptr);
};

} // namespace dblearn
