#pragma once

#include <QList>
#include <QWidget>

#include <vds/history/historyentry.h>
#include <vds/history/historystore.h>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QTextBrowser;
class QTreeWidget;

namespace vds::ui {

class HistoryLoader;

/// The History page: every job in the history file (backups, restores, verifies, virtual disk
/// jobs, from this app, vdsctl or timers), filtered by kind, outcome, server, database and
/// date — the filter is the history store's query, never a scan of the shown rows — with one
/// job's report and figures beside the list and export as HTML or text.
/// GUI thread only; owned by its parent. Reads through a HistoryLoader (its own thread).
class HistoryPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryPage)
public:
    enum class ExportFormat { Html, Text };

    explicit HistoryPage(QString historyPath = history::HistoryStore::defaultPath(),
                         QWidget *parent = nullptr);
    ~HistoryPage() override;

    /// The filter the controls describe now.
    [[nodiscard]] history::HistoryFilter filter() const;
    /// The rows shown (newest first), as the last query returned them.
    [[nodiscard]] const QList<history::HistoryEntry> &entries() const { return m_entries; }
    /// The selected job, if any.
    [[nodiscard]] const history::HistoryEntry *selected() const;
    /// Selects the job with this history id (false if it is not listed).
    bool select(qint64 historyId);
    /// The shown report of the selected job (HTML, as rendered in the detail pane).
    [[nodiscard]] QString detailHtml() const;
    /// Writes the selected job to `path`; false (with the reason in `error`) when it cannot.
    bool exportSelected(const QString &path, ExportFormat format, QString *error = nullptr) const;
    [[nodiscard]] bool isLoading() const;

    QComboBox *kindFilter() const { return m_kind; }
    QComboBox *outcomeFilter() const { return m_outcome; }
    QComboBox *serverFilter() const { return m_server; }
    QComboBox *databaseFilter() const { return m_database; }
    QCheckBox *fromEnabled() const { return m_useFrom; }
    QDateEdit *fromDate() const { return m_from; }
    QCheckBox *toEnabled() const { return m_useTo; }
    QDateEdit *toDate() const { return m_to; }
    QTreeWidget *list() const { return m_list; }

public slots:
    /// Queries the file again with the current filter (a job finished, the user asked).
    void reload();

signals:
    /// A query's answer has been shown.
    void reloaded();

private:
    void showEntries(const QList<history::HistoryEntry> &entries,
                     const history::HistoryFacets &facets);
    void updateFacets(const history::HistoryFacets &facets);
    void showSelected();
    void exportWithDialog(ExportFormat format);

    HistoryLoader *m_loader = nullptr;
    QList<history::HistoryEntry> m_entries;
    QComboBox *m_kind = nullptr;
    QComboBox *m_outcome = nullptr;
    QComboBox *m_server = nullptr;
    QComboBox *m_database = nullptr;
    QCheckBox *m_useFrom = nullptr;
    QDateEdit *m_from = nullptr;
    QCheckBox *m_useTo = nullptr;
    QDateEdit *m_to = nullptr;
    QLabel *m_count = nullptr;
    QTreeWidget *m_list = nullptr;
    QTextBrowser *m_detail = nullptr;
    QPushButton *m_exportHtml = nullptr;
    QPushButton *m_exportText = nullptr;
    qint64 m_keepSelected = 0;
    bool m_updatingFacets = false;
};

} // namespace vds::ui
