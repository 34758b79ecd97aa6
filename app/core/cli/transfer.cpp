// SPDX-License-Identifier: MIT
#include "transfer.h"

#include "catalogue/catalogue.h"
#include "catalogue/commanddetector.h"
#include "export/capturereader.h"
#include "export/capturewriter.h"
#include "rules/ruleengine.h"
#include "session/sessionjournal.h"

#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

#include <cstdio>
#include <utility>

namespace cbi {

static void printErr(const QString &text)
{
    std::fputs(qPrintable(text + QLatin1Char('\n')), stderr);
}

int Transfer::exportSession(const ExportOptions &options)
{
    CaptureWriter::Format format;
    CaptureWriter::formatFromName(options.format, &format);
    QSaveFile file(options.output);
    QFile out;
    QIODevice *device = &file;
    if (options.output == QLatin1String("-")) {
        out.open(stdout, QIODevice::WriteOnly);
        device = &out;
    } else if (!file.open(QIODevice::WriteOnly)) {
        printErr(tr("error: cannot write %1: %2").arg(options.output, file.errorString()));
        return ExitFailure;
    }
    CaptureWriter writer(device, format, options.target);
    writer.setMaskSecrets(options.maskSecrets);
    // The header is written with the first capture: on stdout (where nothing can be taken back) a
    // session that cannot be opened then leaves no half document.
    bool begun = false;
    QString error;
    SessionJournal::Filter filter {options.command, options.verdict, options.since};
    qint64 unreadable = 0;
    const bool ok = SessionJournal::forEach(
        options.input, filter,
        [&writer, &begun](const CapturedRequest &c) {
            if (!std::exchange(begun, true))
                writer.begin();
            writer.write(c);
            return true;
        },
        &error, &unreadable);
    if (!ok) {
        // Cannot be opened, or the scan ended early on a damaged page: nothing half-written.
        file.cancelWriting();
        printErr(tr("error: %1").arg(error));
        return ExitBadSession;
    }
    if (!begun)
        writer.begin();
    writer.end();
    if (device == &file && !file.commit()) {
        printErr(tr("error: cannot write %1: %2").arg(options.output, file.errorString()));
        return ExitFailure;
    }
    printErr(tr("exported %n capture(s)", nullptr, int(writer.count())));
    // Rows with unreadable JSON: the readable ones are worth having, but the export is incomplete
    // and a script must not take it for the whole session.
    if (unreadable > 0) {
        printErr(tr("error: %n row(s) of %1 could not be read (damaged); they are not in the export", nullptr,
            int(qMin<qint64>(unreadable, INT_MAX)))
                     .arg(options.input));
        return ExitBadSession;
    }
    return ExitOk;
}

int Transfer::importFile(const ExportOptions &options, const QString &sessionPath, const QString &profile)
{
    QList<CapturedRequest> captures;
    QString error;
    if (!CaptureReader::readFile(options.input, &captures, &error)) {
        printErr(tr("error: cannot import %1: %2").arg(options.input, error));
        return ExitBadSession;
    }
    SessionJournal journal;
    if (!journal.open(sessionPath, &error)) {
        printErr(tr("error: %1").arg(error));
        return ExitBadSession;
    }
    // Detection and verdicts are recomputed here, under the profile asked for.
    Scenario scenario;
    if (const auto p = profileFromName(profile))
        scenario.profile = *p;
    RuleEngine engine(scenario);
    CommandDetector detector(Catalogue::instance());
    journal.setOnFailure(SessionJournal::OnFailure::GiveUp); // one transaction: all or nothing
    quint64 id = journal.lastId();
    for (CapturedRequest &c : captures) {
        c.id = ++id; // appended after what the session holds; timestamps are kept
        if (!c.receivedAt.isValid())
            c.receivedAt = QDateTime::currentDateTimeUtc();
        const RequestBody body = detector.detect(c, profileName(scenario.profile));
        c.verdict = engine.verdictFor(c, body);
    }
    // The journal writes from its own thread and reports a failed transaction (read-only file, full
    // disk, a lock) only through this signal; sync() below waits for that thread, so the message is
    // set by then.
    QString writeError;
    QObject::connect(
        &journal, &SessionJournal::failed, &journal,
        [&writeError](const QString &message) { writeError = message; }, Qt::DirectConnection);
    journal.append(captures);
    journal.sync();
    if (!writeError.isEmpty()) {
        // One transaction for the whole import: it was rolled back.
        printErr(tr("error: the session file %1 cannot be written: %2; nothing was imported")
                     .arg(sessionPath, writeError));
        return ExitFailure;
    }
    printErr(tr("imported %n capture(s) into %1", nullptr, int(captures.size())).arg(sessionPath));
    return ExitOk;
}

} // namespace cbi
