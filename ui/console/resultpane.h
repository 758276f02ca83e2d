#pragma once

#include "console/resultformatter.h"

#include <QWidget>

#include <memory>

class QLabel;
class QScrollBar;
class QTableView;

namespace dblearn {

class ResultModel;
class ResultSpool;

// One statement's result: the grid over a ResultModel (bounded row cache), a line with the row
// count as it is learned, copy of the selection as TSV/CSV/Markdown/INSERTs, export of the whole
// result to CSV or JSON with progress and cancel, and the cell viewer on double-click.
class ResultPane final : public QWidget
{
    Q_OBJECT
public:
    explicit ResultPane(QWidget *parent = nullptr);
    ~ResultPane() override;

    void setResult(std::shared_ptr<ResultSpool> spool, const QString &statement);
    void refresh(); // takes in rows spooled since, updates the count
    void setFinished(const QString &summary);

    ResultModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    // The scroll bar over the whole result (the view's own covers only the model's window).
    QScrollBar *scrollBar() const { return m_scrollBar; }
    // Scrolls so that `row` of the whole result is at the top.
    void scrollToRow(qint64 row);
    qint64 topRow() const;
    QString statement() const { return m_statement; }

    // The selected cells in a format (all of the selection's rows and columns).
    QByteArray formatSelection(ResultFormatter::Format format) const;
    void copySelection(ResultFormatter::Format format);
    // Exports the whole result, showing progress; returns false if it failed or was cancelled.
    bool exportTo(const QString &path, ResultFormatter::Format format, QString *error);
    void openCellViewer(const QModelIndex &index);

signals:
    void sortRequested(int column, Qt::SortOrder order);
    void status(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showContextMenu(const QPoint &pos);
    void exportWithDialog(ResultFormatter::Format format);
    void updateCountLabel();
    void sizeColumns();
    void syncScrollBar();
    void onViewScrolled(int value);

    ResultModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_count = nullptr;
    QScrollBar *m_scrollBar = nullptr;
    bool m_syncing = false;
    QString m_statement;
    QString m_summary;
    bool m_finished = false;
    bool m_columnsSized = false;
};

} // namespace dblearn
