// SPDX-License-Identifier: MIT
#pragma once

#include "verdict/profile.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

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

    // Replies past this are cut off and count as a failed call (a 4 GB reply once took 16.8 GB).
    static constexpr qsizetype maxReplyBytes = 16 * 1024 * 1024;

    // One call; blocks (with a local event loop) until the reply, an error or the timeout.
    static QJsonObject send(const Options &options, const QString &command, const QByteArray &body);
    // The command line entry: prints one JSON object per call on stdout; returns the exit code.
    static int run(const Options &options);
};

} // namespace cbi
