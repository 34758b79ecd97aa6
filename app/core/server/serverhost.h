// SPDX-License-Identifier: MIT
#pragma once

#include "captureserver.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QThread>

namespace cbi {

class CaptureStore;

// Runs a CaptureServer on its own thread, so that nothing the GUI does (painting, sorting) can
// delay a reply. Every call blocks until the server thread has carried it out.
class ServerHost : public QObject
{
    Q_OBJECT
public:
    explicit ServerHost(CaptureStore *store, QObject *parent = nullptr);
    ~ServerHost() override;

    bool start(const ServerConfig &config, QString *error = nullptr);
    void stop();
    bool isListening() const { return m_listening; }
    // The URL to put in webhooks.yml: http://HOST:PORT/BASEPATH (an any-address as 127.0.0.1).
    QString webhookUrl() const { return m_url; }
    // scheme://HOST:PORT as bound (0.0.0.0 stays): what serve prints and run's driver gets.
    QString origin() const { return m_origin; }
    ServerConfig config() const { return m_config; }
    QHostAddress serverAddress() const { return m_address; } // as bound (0.0.0.0 stays 0.0.0.0)
    quint64 capturedCount() const { return m_server->capturedCount(); } // any thread
    QString controlToken() const { return m_token; }
    void setScenario(const Scenario &scenario, const QString &file = {}, bool modified = false);
    Scenario scenario() const { return m_scenario; }
    void resetCounters();
    // Session journaling (see CaptureServer::setCommitGate); committedUpTo may be called from any thread.
    void setCommitGate(bool on, quint64 lastId = 0);
    void committedUpTo(quint64 id);
    void setJournalState(const QString &state);
    void setSessionPath(const QString &path);
    void setCaptureSink(std::function<void(const CapturedRequest &)> sink);
    // Hold and answer by hand (see CaptureServer::setHeldCommands).
    void setHeldCommands(const QStringList &commands);
    QStringList heldCommands() const { return m_held; }
    // Callbacks on hold now, for a window that opens while they wait (a language switch).
    struct WaitingHold
    {
        quint64 id = 0;
        CapturedRequest capture;
        int timeoutMs = 0;
        QElapsedTimer since;
    };
    QList<WaitingHold> waitingHolds() const { return m_waiting.values(); }
    bool release(quint64 holdId, const std::optional<ReplySent> &reply);

Q_SIGNALS:
    void stateChanged();
    void callbackHeld(quint64 holdId, const cbi::CapturedRequest &capture, int timeoutMs);
    void holdEnded(quint64 holdId);
    // The control API changed the served scenario (scenario() already says so).
    void scenarioChangedElsewhere(const cbi::Scenario &scenario);

private:
    QThread m_thread;
    CaptureServer *m_server;
    ServerConfig m_config;
    QHostAddress m_address;
    Scenario m_scenario;
    QString m_url;
    QString m_origin;
    QString m_token;
    QStringList m_held;
    QHash<quint64, WaitingHold> m_waiting;
    bool m_listening = false;
};

} // namespace cbi
