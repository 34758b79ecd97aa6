// SPDX-License-Identifier: MIT
#pragma once

#include "verdict/profile.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <functional>

namespace cbi {

// Acts as OpenIM towards a business server: posts a command's request the way the chosen OpenIM
// version does (URL style, Operationid header, JSON body, timeout capped at 15 s, no retries) and
// says what OpenIM would do with the reply. `callback-inspector send`.
class Simulator
{
    Q_DECLARE_TR_FUNCTIONS(cbi::Simulator)
public:
    struct Options
    {
        QString url; // the webhooks.yml url
        QString command; // or "all": every command of the catalogue
        QString bodyPath; // default: the catalogue's sample request
        Profile profile = defaultProfile;
        int timeoutSeconds = 5;
        bool failedContinue = true;
        QString caCertPath; // https: a PEM CA (or self-signed certificate) to trust besides the system's
        bool insecure = false; // https: no certificate checks (OpenIM itself would refuse)
        QString replaySession; // replay: take the command and body of a capture from this session
        quint64 replayId = 0;
    };

    // One call through OpenImClient; done gets what `send` prints for it, on the calling thread,
    // unless context is gone by then. The window's way: nothing waits.
    static void sendAsync(const Options &options, const QString &command, const QByteArray &body,
        QObject *context, std::function<void(QJsonObject)> done);
    // One call, for the command line: blocks (with a local event loop) until the reply, an error or
    // the timeout.
    static QJsonObject send(const Options &options, const QString &command, const QByteArray &body);
    // The command line entry: prints one JSON object per call on stdout; returns the exit code.
    static int run(const Options &options);
};

} // namespace cbi
