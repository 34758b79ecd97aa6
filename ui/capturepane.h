// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capturedrequest.h"

#include <QHash>
#include <QWidget>

#include <functional>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QSplitter;
class QTableView;
class QTimer;
class QToolButton;

namespace cbi {

class CaptureDetailView;
class CaptureFilterProxy;
class CaptureStore;
class CaptureTableModel;
class CaptureTableView;
class ColumnFitter;
class SessionHistory;

// The captures as the window shows them: the filter bar, the live table (following the store,
// pausable, paging older rows in from the session file) and the detail of the selected capture.
class CapturePane : public QWidget
{
    Q_OBJECT
public:
    explicit CapturePane(CaptureStore *store, QWidget *parent = nullptr);

    CaptureTableModel *model() const { return m_model; }
    CaptureFilterProxy *proxy() const { return m_proxy; }
    QTableView *view() const;
    CaptureTableView *table() const { return m_view; }
    ColumnFitter *columnFitter() const { return m_fitter; }
    CaptureDetailView *detail() const { return m_detail; }
    QLineEdit *filterEdit() const { return m_filter; }
    QComboBox *commandPicker() const { return m_commandPicker; }
    // "Shown N of M" beside the filter while one is active.
    QLabel *shownLabel() const { return m_shown; }
    // View > Auto Scroll: follow the newest capture.
    QAction *followAction() const;
    // The window's actions for a row (Make Rule from Capture, Hold This Command, ...), in the
    // table's context menu after the pane's own (Filter on This Value, Copy Value, Copy Body).
    void setRowActions(const QList<QAction *> &actions) { m_rowActions = actions; }
    // The context menu for the cell at pos (viewport coordinates); the caller owns it.
    QMenu *rowMenu(const QPoint &pos);
    // Applies a filter expression now (no typing delay); false, and the last valid filter stays,
    // when it is not valid.
    bool setFilterText(const QString &text);
    // The controls in reading order, for the window's Tab chain.
    QList<QWidget *> tabOrder() const;

    // With their whole bodies (a large body is read back from the session file).
    QList<CapturedRequest> selectedCaptures() const;
    // The row as the table holds it: a large body only abridged (CapturedRequest::spillBody).
    const CapturedRequest *selectedCapture() const;
    // For what shows or sends the body: the detail, Make Rule, Replay, export.
    std::optional<CapturedRequest> selectedCaptureWithBody() const;
    CapturedRequest withBody(const CapturedRequest &c) const;
    // Selects the row of capture id; false when the filter hides it.
    bool selectCapture(quint64 id);
    QList<CapturedRequest> allCaptures() const;

    // The session file older rows page in from (empty: none).
    void setSessionPath(const QString &path);
    // Paused: new captures wait (bounded like the table) and appear on resume.
    void setPaused(bool paused);
    bool isPaused() const { return m_isPaused; }
    void clear();
    // "N captures · M from the session file · ..." for the status bar.
    QString countsText() const;
    void restoreSettings();
    void saveSettings() const;

Q_SIGNALS:
    void countsChanged();
    void message(const QString &text, int timeoutMs);
    // What message said no longer applies (the filter is valid again, another session is open).
    void messageEnded(const QString &text);
    // Captures that reached the pane from the server (for the statistics), paused or not.
    void capturesArrived(const QList<cbi::CapturedRequest> &batch);

private:
    bool applyFilter();
    // Runs a change of the filter criteria, keeping the selected capture (or nothing) and the tail.
    bool refilter(const std::function<bool()> &change);
    void showSelected();
    void updateShown();
    void updateCommandCounts(const QList<CapturedRequest> &batch);
    bool tableIsShort() const;
    void loadOlderCaptures();
    void historyLoaded(
        const QList<CapturedRequest> &older, quint64 scannedDownTo, bool reachedStart, const QString &error);

    CaptureStore *m_store;
    CaptureTableModel *m_model;
    CaptureFilterProxy *m_proxy;
    CaptureTableView *m_view;
    ColumnFitter *m_fitter;
    CaptureDetailView *m_detail;
    QSplitter *m_splitter;
    QLineEdit *m_filter;
    QComboBox *m_commandPicker;
    QComboBox *m_verdictPicker;
    QLabel *m_shown;
    QToolButton *m_followButton;
    QList<QAction *> m_rowActions;
    quint64 m_currentId = 0; // the capture the detail shows (0: none)
    bool m_refiltering = false;
    QTimer *m_filterDebounce;
    SessionHistory *m_history;
    QString m_sessionPath;
    QList<CapturedRequest> m_paused; // batches held while the table is paused
    QHash<QString, int> m_commandCounts;
    quint64 m_loadedUpTo = 0; // rows read from the session file: a batch in flight may repeat them
    bool m_historyAtStart = false;
    bool m_isPaused = false;
    QString m_filterSaid; // the last "Filter not applied" message
    QString m_readErrorSaid; // the last "The session file cannot be read" message
};

} // namespace cbi
