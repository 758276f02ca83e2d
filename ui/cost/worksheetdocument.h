#pragma once

#include "cost/pricecatalog.h"
#include "cost/worksheet.h"
#include "cost/worksheetresults.h"

#include <QObject>
#include <QString>

namespace dblearn {

// The worksheet being edited, its file and its results. Every edit recomputes the results at once
// (a full recompute with the tornado takes about a millisecond), so the views follow the typing.
class WorksheetDocument final : public QObject
{
    Q_OBJECT
public:
    explicit WorksheetDocument(QObject *parent = nullptr);

    const Worksheet &worksheet() const { return m_worksheet; }
    // For editing in place; call edited() afterwards.
    Worksheet &mutableWorksheet() { return m_worksheet; }
    // `structural`: scenarios or components were added or removed (the editors rebuild).
    void edited(bool structural);
    void setWorksheet(const Worksheet &worksheet, const QString &filePath);

    const WorksheetResults &results() const { return m_results; }
    const PriceCatalog &catalog() const { return m_catalog; }
    PriceCatalog &catalog() { return m_catalog; }

    QString filePath() const { return m_filePath; }
    void setFilePath(const QString &path) { m_filePath = path; }
    bool isModified() const { return m_modified; }
    void setModified(bool modified);
    // Names this document's autosave copy.
    QString autosaveId() const { return m_autosaveId; }
    void setAutosaveId(const QString &id) { m_autosaveId = id; }

signals:
    void structureChanged();
    void resultsChanged();
    void modifiedChanged(bool modified);

private:
    void recompute();

    Worksheet m_worksheet;
    WorksheetResults m_results;
    PriceCatalog m_catalog;
    QString m_filePath;
    QString m_autosaveId;
    bool m_modified = false;
};

} // namespace dblearn
