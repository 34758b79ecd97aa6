// SPDX-License-Identifier: MIT
#pragma once

#include <QMainWindow>

class QLabel;
class QTableView;

namespace cbi {

class CaptureStore;
class CaptureTableModel;
struct Scenario;

// The main window: the live table of captures and the server's state. The server itself runs
// on a worker thread; the window only hears from the CaptureStore, in batches.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(CaptureStore *store, QWidget *parent = nullptr);

    // url: the base URL to paste into webhooks.yml; error: why the server is not listening.
    void setServerState(const QString &url, const QString &error);
    // Loads a scenario file; on success emits scenarioLoaded, on failure shows the error.
    bool openScenario(const QString &path);

Q_SIGNALS:
    void scenarioLoaded(const cbi::Scenario &scenario);

public:
    CaptureTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

private:
    void updateCounts();

    CaptureStore *m_store;
    CaptureTableModel *m_model;
    QTableView *m_view;
    QLabel *m_banner;
    QLabel *m_listening;
    QLabel *m_counts;
    QLabel *m_scenarioLabel;
};

} // namespace cbi
