// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capturedrequest.h"
#include "rules/rule.h"
#include "server/serverconfig.h"

#include <QHash>
#include <QJsonObject>
#include <QMainWindow>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QSplitter;
class QTableView;
class QTimer;

namespace cbi {

class CaptureDetailView;
class CaptureFilterProxy;
class CaptureStore;
class CaptureTableModel;
class CompareDialog;
class EmptyState;
class HeldWidget;
class HoldFlow;
class CaptureFiles;
class CapturePane;
class Replayer;
class SessionMenu;
class ServerToolBar;
class TimelineDialog;
class Inspector;
class RulesWidget;
class StatisticsWidget;
class ServerHost;
struct Scenario;

// The main window: server controls, the live table of captures with its filter bar, the detail
// of the selected capture, and the rules of the scenario being served. The server runs on its own
// thread (ServerHost); the window hears of captures from the CaptureStore, in batches.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Inspector *inspector, QWidget *parent = nullptr);

    // Starts (or restarts) the server; a failure is shown in the window.
    bool startServer(const ServerConfig &config);
    // Shows a server that is already running (a window that replaces another).
    void adoptServer();
    // The window closed to come back in another language (Settings > Language).
    bool languageChangeRequested() const { return m_languageChange; }
    // url: the base URL to paste into webhooks.yml; error: why the server is not listening.
    void setServerState(const QString &url, const QString &error);
    // Loads a scenario file and serves it; on failure shows why.
    bool openScenario(const QString &path);
    bool saveScenario(const QString &path);
    // Exports, imports and webhooks.yml (the File menu's).
    CaptureFiles *files() const { return m_files; }
    // Journals every capture to a session file from now on; with load, shows what the file holds.
    bool openSession(const QString &path, bool load);
    QString sessionPath() const;
    // Empty while the session file is written; else why it is not (the banner shows it too).
    QString sessionJournalFailure() const;
    // Empties the table, the statistics and the detail (after a Clear from the window or the API).
    void clearView();
    static QString autosavePath();
    // Capture > Replay to Business Server.
    Replayer *replayer() const { return m_replayer; }

    CaptureTableModel *model() const { return m_model; }
    QList<CapturedRequest> selectedCaptures() const; // in table order
    TimelineDialog *showTimeline(); // of the current capture; null when none
    CompareDialog *compareSelected(); // the two selected captures; null unless two are
    CaptureFilterProxy *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    CaptureDetailView *detail() const { return m_detail; }
    RulesWidget *rules() const { return m_rules; }
    StatisticsWidget *statistics() const { return m_statistics; }
    HeldWidget *held() const { return m_held; }
    EmptyState *emptyState() const { return m_empty; }
    HoldFlow *holdFlow() const { return m_hold; }
    QLineEdit *filterEdit() const;
    // A rule prefilled from a capture: its command, blocked with 5001 (the editor opens on it).
    static Rule ruleFromCapture(const CapturedRequest &capture);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    void showSession(const QString &path);
    void showJournalFailure(const QString &reason);
    void updateCounts();
    const CapturedRequest *selectedCapture() const;
    bool maybeSaveScenario();
    void restoreSettings();
    void saveSettings();

    Inspector *m_inspector;
    CaptureStore *m_store;
    ServerHost *m_host;
    CapturePane *m_pane;
    CaptureFiles *m_files;
    Replayer *m_replayer;
    SessionMenu *m_sessions;
    // The pane's, for the actions that work on the table and the detail.
    CaptureTableModel *m_model;
    CaptureFilterProxy *m_proxy;
    QTableView *m_view;
    CaptureDetailView *m_detail;
    RulesWidget *m_rules;
    StatisticsWidget *m_statistics;
    HeldWidget *m_held;
    HoldFlow *m_hold = nullptr;
    QLabel *m_banner;
    QLabel *m_listening;
    QLabel *m_counts;
    QLabel *m_rate;
    ServerToolBar *m_serverBar;
    QTimer *m_rateTimer;
    QAction *m_pause = nullptr;
    EmptyState *m_empty = nullptr;
    quint64 m_lastTotal = 0;
    bool m_stateRestored = false;
    bool m_languageChange = false; // closed to come back in another language
};

} // namespace cbi
