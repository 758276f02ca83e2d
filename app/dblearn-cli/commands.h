#pragma once

#include <QStringList>

namespace dblearn::cli {

// Each command takes its own arguments (without the command name) and returns the exit code.
int backendsCommand(const QStringList &args);
int checkContentCommand(const QStringList &args);
int compareCommand(const QStringList &args);
int curriculumCommand(const QStringList &args);
int datasetCommand(const QStringList &args);
int explainCommand(const QStringList &args);
int planCommand(const QStringList &args);
int planDiffCommand(const QStringList &args);
int queryCommand(const QStringList &args);
int renderCommand(const QStringList &args);
int searchCommand(const QStringList &args);
int tcoCommand(const QStringList &args);

} // namespace dblearn::cli
