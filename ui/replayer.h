// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capturedrequest.h"

#include <QJsonObject>
#include <QObject>

class QWidget;

namespace cbi {

class ScenarioDocument;

// Capture > Replay to Business Server: sends captures again to the user's business server as
// OpenIM would (the served profile and timeouts) and shows the reply and what OpenIM would do.
class Replayer : public QObject
{
    Q_OBJECT
public:
    Replayer(ScenarioDocument *scenario, QWidget *window);

    // One capture; without a url, asks for it and lets the body be edited first.
    bool replayCapture(const CapturedRequest &capture, const QString &url = {});
    // Several captures in table order; returns how many got an HTTP reply.
    int replayCaptures(const QList<CapturedRequest> &captures, const QString &url = {});
    QJsonObject lastReplay() const { return m_lastReplay; }

private:
    // The business server's url and, for one capture, its body to edit.
    bool askReplayTarget(
        const QString &title, const CapturedRequest *capture, QString *url, QByteArray *body);

    ScenarioDocument *m_scenario;
    QWidget *m_window;
    QJsonObject m_lastReplay;
};

} // namespace cbi
