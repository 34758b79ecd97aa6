// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capturedrequest.h"
#include "cli/simulator.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>

class QWidget;

namespace cbi {

class ReplayResultsDialog;
class ScenarioDocument;

// Capture > Replay to Business Server: sends captures again to the user's business server as
// OpenIM would (the served profile and timeouts) and shows the reply and what OpenIM would do.
// Asynchronous: the window keeps serving and updating while the business server answers.
class Replayer : public QObject
{
    Q_OBJECT
public:
    Replayer(ScenarioDocument *scenario, QWidget *window);

    // One capture; without a url, asks for it (and the TLS check) and lets the body be edited
    // first. False when nothing was sent (cancelled, or a replay still running).
    bool replayCapture(const CapturedRequest &capture, const QString &url = {});
    // Several captures in table order, one after the other.
    bool replayCaptures(const QList<CapturedRequest> &captures, const QString &url = {});
    bool isBusy() const { return m_busy; }
    // The "Replay results" window: this run's replays, newest first; null before the first one.
    ReplayResultsDialog *results() const;

Q_SIGNALS:
    // Each call's result, as `send` prints it.
    void replayed(const QJsonObject &result);
    // A replay (of one or several captures) ended; answered: how many got an HTTP reply.
    void finished(int answered);

private:
    // The business server's url and TLS check: chosenUrl with the remembered check, or asked (and,
    // for one capture, its body to edit). False when cancelled.
    bool chooseTarget(
        const QString &chosenUrl, const QString &title, const CapturedRequest *capture, QByteArray *body);
    Simulator::Options optionsFor(const CapturedRequest &capture) const;
    // Files one call's result in the results window and brings the window up, without blocking.
    void addResult(quint64 captureId, bool edited, const QByteArray &body, const QJsonObject &result);

    ScenarioDocument *m_scenario;
    QWidget *m_window;
    Simulator::Options m_target; // url and TLS of the current replay
    bool m_busy = false;
    QPointer<ReplayResultsDialog> m_results;
};

} // namespace cbi
