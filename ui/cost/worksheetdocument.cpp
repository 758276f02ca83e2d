#include "worksheetdocument.h"

#include <QUuid>

namespace dblearn {

WorksheetDocument::WorksheetDocument(QObject *parent)
    : QObject(parent)
    , m_autosaveId(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    QStringList errors;
    m_catalog.loadDirectory(PriceCatalog::defaultDirectory(), &errors);
    QString error;
    m_catalog.loadOverrides(PriceCatalog::defaultOverridesPath(), &error);
    recompute(); // an empty worksheet has an issue (no scenarios), not empty results
}

void WorksheetDocument::setWorksheet(const Worksheet &worksheet, const QString &filePath)
{
    m_worksheet = worksheet;
    m_filePath = filePath;
    recompute();
    setModified(false);
    emit structureChanged();
    emit resultsChanged();
}

void WorksheetDocument::edited(bool structural)
{
    recompute();
    setModified(true);
    if (structural)
        emit structureChanged();
    emit resultsChanged();
}

void WorksheetDocument::setModified(bool modified)
{
    if (m_modified == modified)
        return;
    m_modified = modified;
    emit modifiedChanged(modified);
}

void WorksheetDocument::recompute()
{
    m_results = WorksheetResults::compute(m_worksheet, true);
}

} // namespace dblearn
