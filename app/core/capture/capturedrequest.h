// SPDX-License-Identifier: MIT
#pragma once

#include "capturewarning.h"
#include "conditionmatch.h"
#include "verdict.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QStringList>

namespace cbi {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// How the callback command reached us: the URL styles OpenIM used over its versions.
enum class UrlStyle
{
    None, // no command anywhere: not an OpenIM callback, or a v2 body we could not read
    PathSegment, // v3.4.2+: POST {url}/{callbackCommand}
    QueryParameter, // v3.0 - v3.4.0: POST {url}?command={callbackCommand}
    BodyField, // v2: POST {callbackUrl}, command only in the body's callbackCommand
};

QString urlStyleName(UrlStyle style);

// Why the server answered on its own instead of handing the request to the reply logic.
enum class Rejection
{
    None,
    HeaderTooLarge, // 431
    BodyTooLarge, // 413
    Malformed, // 400: not HTTP/1.x
};

QString rejectionName(Rejection rejection);

// Transport-level faults the server can inject instead of (or while) replying.
enum class Fault
{
    None,
    Close, // close the connection without a reply (FIN)
    Reset, // TCP reset (RST)
    Hang, // never answer; the connection stays open
    Truncate, // announce more body than is sent, then close
    SlowDrip, // send the reply a few bytes at a time
};

QString faultName(Fault fault);
Fault faultFromName(const QString &name, bool *ok = nullptr);

// What we sent back (or, for a pending delayed reply, what we will send).
struct ReplySent
{
    int status = 200;
    HeaderList headers;
    QByteArray body;
    int delayMs = 0;
    Fault fault = Fault::None;
    int dripIntervalMs = 100; // SlowDrip: one chunk per interval
    int dripBytes = 1; // SlowDrip: bytes per chunk
    // Forward mode: ask the real business server first (base URL, as in webhooks.yml), and send
    // its reply unless forwardOverride (then this reply goes to OpenIM and the real one is recorded).
    QString forwardUrl;
    bool forwardOverride = false;
};

// What the real business server answered when a rule forwarded the callback to it.
struct Forwarded
{
    QString url; // empty: not forwarded
    int status = 0; // 0: no HTTP reply (see error)
    HeaderList headers;
    QByteArray body;
    qint64 elapsedMs = 0;
    QString error; // "connection refused", "timed out after 5000 ms", ...
    bool overridden = false; // the rule's own reply went to OpenIM instead

    QJsonObject toJson() const;
    static Forwarded fromJson(const QJsonObject &object);
};

// A callback held for an answer by hand (the Held panel), and how its hold ended.
struct HoldRecord
{
    enum class End
    {
        None, // never held
        ByHand, // the user sent a reply of their own (edited, block, close)
        RulesReply, // the user sent the rules' reply in time
        Expired, // OpenIM's timeout passed first: it gave up, the rules' reply left late
    };
    End end = End::None;
    int timeoutMs = 0; // OpenIM's timeout for this callback
    quint64 holdId = 0; // the server's number for the hold (not saved): a view's paused row is replaced

    static QString endName(End end);
};

// A value snapshot of one request, taken synchronously inside the server's handler: it outlives
// the connection, crosses threads and is what every view, export and journal reads.
struct CapturedRequest
{
    quint64 id = 0;
    QDateTime receivedAt; // UTC, millisecond precision
    QByteArray method; // the raw token from the request line (Qt's enum loses unknown methods)
    QByteArray httpVersion; // "HTTP/1.1", "HTTP/1.0"
    QString path; // percent-encoded, as sent
    QString query; // percent-encoded, without '?'
    HeaderList headers; // order, case and duplicates as received
    QByteArray body;
    // Non-zero once a large body was moved out of memory into the session file (spillBody): `body`
    // then holds an abridged copy for the table and filters, and this is the whole body's size.
    // CaptureStore::withBody() reads the whole body back.
    qint64 spilledBodySize = 0;
    QString peerAddress;
    quint16 peerPort = 0;
    quint16 localPort = 0;

    QString command; // as received (a legacy name stays as sent)
    QString canonicalCommand; // current catalogue name; empty when unknown
    UrlStyle urlStyle = UrlStyle::None;
    QString operationID;
    QJsonObject keyData; // decoded ?key= parameter (base64 JSON), when present and valid
    QList<CaptureWarning> warnings;

    Rejection rejection = Rejection::None;
    ReplySent reply;
    QString ruleName; // the rule that answered; empty for the default reply
    QList<ConditionMatch> matched; // the answering rule's conditions that held, and on what text
    CaptureWarning nearMiss; // when only the default answered: the closest rule and why it missed
    Verdict verdict;
    Forwarded forward;
    HoldRecord hold;

    QByteArray headerValue(QByteArrayView name) const;
    bool isKnownCommand() const { return !canonicalCommand.isEmpty(); }
    bool hasWarning(const QString &code) const;
    bool isBodySpilled() const { return spilledBodySize > 0; }
    // Replaces a body larger than threshold with its abridged form (abridgedBody); false when it
    // is small enough to keep or already spilled.
    bool spillBody(qsizetype threshold);
    // A JSON body with every string cut to 1,000 characters (still JSON, so the table's columns and
    // filters read it); anything else, or JSON still over 64 KiB, cut to its first 4 KiB.
    static QByteArray abridgedBody(const QByteArray &body);
    // About what this capture holds in memory (bodies, headers, a fixed part for the rest).
    qint64 approxBytes() const;
    // The machine-readable form used by `serve --jsonl`, exports and session files (never translated).
    QJsonObject toJson() const;
    // Reads toJson()'s form back; the verdict comes back as data (recompute it to change profiles).
    static CapturedRequest fromJson(const QJsonObject &object);
};

} // namespace cbi

Q_DECLARE_METATYPE(cbi::CapturedRequest)
