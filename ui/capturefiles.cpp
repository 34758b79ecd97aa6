// SPDX-License-Identifier: MIT
#include "capturefiles.h"

#include "appsettings.h"
#include "capturepane.h"
#include "catalogue/catalogue.h"
#include "catalogue/commanddetector.h"
#include "dialogs/webhooksdialog.h"
#include "dialogs/whydialog.h"
#include "export/capturereader.h"
#include "export/capturewriter.h"
#include "inspector/inspector.h"
#include "inspector/scenariodocument.h"
#include "integration/webhooksconfig.h"
#include "integration/webhooksversioncheck.h"
#include "models/capturefilterproxy.h"
#include "models/capturetablemodel.h"
#include "rules/ruleengine.h"
#include "server/serverhost.h"
#include "session/sessionjournal.h"

#include <QDate>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSaveFile>

namespace cbi {

CaptureFiles::CaptureFiles(Inspector *inspector, CapturePane *pane, QWidget *window)
    : QObject(window)
    , m_inspector(inspector)
    , m_pane(pane)
    , m_window(window)
{
}

bool CaptureFiles::exportCaptures(const QString &chosenPath, const QString &format, ExportScope scope)
{
    struct Choice
    {
        QString filter;
        CaptureWriter::Format format;
    };
    const QList<Choice> choices = {{tr("HAR 1.2 (*.har)"), CaptureWriter::Format::Har},
        {tr("JSON (*.json)"), CaptureWriter::Format::Json},
        {tr("NDJSON (*.ndjson)"), CaptureWriter::Format::Ndjson},
        {tr("CSV (*.csv)"), CaptureWriter::Format::Csv},
        {tr("cURL script (*.sh)"), CaptureWriter::Format::Curl}};
    QString path = chosenPath;
    CaptureWriter::Format chosen = CaptureWriter::Format::Har;
    if (path.isEmpty()) {
        QStringList filters;
        for (const auto &c : choices)
            filters.append(c.filter);
        QString selected;
        // In the last export's folder, named by the day: captures-2026-11-29.har.
        const QString suggested = AppSettings::exportFolder()
            + QStringLiteral("/captures-%1.har").arg(QDate::currentDate().toString(Qt::ISODate));
        path = QFileDialog::getSaveFileName(
            m_window, tr("Export Captures"), suggested, filters.join(QStringLiteral(";;")), &selected);
        if (path.isEmpty())
            return false;
        for (const auto &c : choices) {
            if (c.filter == selected)
                chosen = c.format;
        }
        path = CaptureWriter::exportPath(path, &chosen);
        AppSettings::setExportFolder(QFileInfo(path).path());
    } else if (!CaptureWriter::formatFromName(format, &chosen)) {
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        QMessageBox::warning(m_window, tr("Export failed"),
            tr("%1 cannot be written:\n%2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    const QString replayBase = m_inspector->host()->webhookUrl().left(
        m_inspector->host()->webhookUrl().indexOf(QLatin1Char('/'), 8));
    CaptureWriter writer(
        &file, chosen, replayBase.isEmpty() ? QStringLiteral("http://127.0.0.1:10006") : replayBase);
    writer.begin();
    // In table (or file) order; large exports show progress and can be cancelled.
    QList<CapturedRequest> selection;
    qint64 total = m_pane->proxy()->rowCount();
    if (scope == ExportScope::Selection) {
        selection = m_pane->selectedCaptures();
        total = selection.size();
    } else if (scope == ExportScope::Session) {
        if (m_inspector->sessionPath().isEmpty())
            return false;
        m_inspector->syncSession(); // everything captured so far
        total = SessionJournal::count(m_inspector->sessionPath(), nullptr);
    }
    QProgressDialog progress(
        tr("Exporting captures..."), tr("Cancel"), 0, int(qMin<qint64>(total, INT_MAX)), m_window);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(500);
    qint64 done = 0;
    const auto write = [&](const CapturedRequest &c) {
        writer.write(c);
        if (++done % 500 == 0) {
            progress.setValue(int(qMin<qint64>(done, INT_MAX)));
            if (progress.wasCanceled())
                return false;
        }
        return true;
    };
    bool completed = true;
    if (scope == ExportScope::Session) {
        QString error;
        // A damaged session (a bad page, unreadable rows) is not a cancelled export: say what failed.
        if (!SessionJournal::forEach(m_inspector->sessionPath(), {}, write, &error) && !error.isEmpty()) {
            file.cancelWriting();
            QMessageBox::warning(m_window, tr("Export failed"), error);
            return false;
        }
        completed = !progress.wasCanceled();
    } else if (scope == ExportScope::Selection) {
        for (const CapturedRequest &c : std::as_const(selection)) {
            if (!(completed = write(c)))
                break;
        }
    } else {
        for (int row = 0; row < m_pane->proxy()->rowCount() && completed; ++row) {
            if (const CapturedRequest *c = m_pane->model()->captureAt(
                    m_pane->proxy()->mapToSource(m_pane->proxy()->index(row, 0)).row()))
                completed = write(m_pane->withBody(*c));
        }
    }
    if (!completed) {
        file.cancelWriting(); // nothing half-written
        Q_EMIT message(tr("Export cancelled"), 5000);
        return false;
    }
    progress.setValue(progress.maximum());
    writer.end();
    if (!file.commit()) {
        QMessageBox::warning(m_window, tr("Export failed"),
            tr("%1 cannot be written:\n%2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    Q_EMIT message(
        tr("Exported %n capture(s) to %1", nullptr, int(writer.count())).arg(QDir::toNativeSeparators(path)),
        8000);
    return true;
}

bool CaptureFiles::importCaptures(const QString &chosenPath)
{
    const QString path = chosenPath.isEmpty() ? QFileDialog::getOpenFileName(m_window, tr("Import Captures"),
                             QString(), tr("Captures (*.har *.json *.ndjson *.jsonl);;All files (*)"))
                                              : chosenPath;
    if (path.isEmpty())
        return false;
    QList<CapturedRequest> captures;
    QString error;
    if (!CaptureReader::readFile(path, &captures, &error)) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Import failed"),
            tr("%1 cannot be imported:\n%2").arg(QDir::toNativeSeparators(path), error), QMessageBox::Ok,
            m_window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return false;
    }
    // Detection and verdicts again, under the profile being served now.
    RuleEngine engine(m_inspector->scenario()->scenario());
    CommandDetector detector(Catalogue::instance());
    for (CapturedRequest &c : captures) {
        const RequestBody body = detector.detect(c, profileName(engine.scenario().profile));
        c.verdict = engine.verdictFor(c, body);
    }
    m_inspector->store()->load(captures, false);
    Q_EMIT message(tr("Imported %n capture(s) from %1", nullptr, int(captures.size()))
                       .arg(QDir::toNativeSeparators(path)),
        8000);
    return true;
}

QString CaptureFiles::importWebhooks(const QString &chosenPath)
{
    const QString path = chosenPath.isEmpty()
        ? QFileDialog::getOpenFileName(m_window, tr("Import webhooks.yml"), QString(),
            tr("OpenIM configuration (*.yml *.yaml);;All files (*)"))
        : chosenPath;
    if (path.isEmpty())
        return {};
    QString error;
    const auto config = WebhooksConfig::load(path, &error);
    QString report;
    if (!config) {
        report = tr("%1 cannot be used:\n%2").arg(QDir::toNativeSeparators(path), error);
    } else {
        Scenario scenario = m_inspector->scenario()->scenario();
        config->applyTo(&scenario);
        m_inspector->scenario()->importSettings(scenario);
        QList<CapturedRequest> captures;
        for (int row = 0; row < m_pane->model()->rowCount(); ++row)
            captures.append(*m_pane->model()->captureAt(row));
        const auto drift = config->compare(captures);
        QStringList lines {tr("url: %1").arg(config->url),
            tr("%n command(s) enabled; their timeouts now drive the verdicts.", nullptr,
                int(config->enabledCommands().size()))};
        for (const auto &m : config->mistakes)
            lines.append(tr("Mistake: %1").arg(m.text()));
        // What the served profile's OpenIM makes of the file: keys it lacks, filters it ignores.
        for (const auto &f : WebhooksVersionCheck::check(*config, scenario.profile)) {
            using Kind = WebhooksVersionCheck::Finding::Kind;
            lines.append(f.kind == Kind::FailsToLoad ? tr("Fails to load: %1").arg(f.text)
                    : f.kind == Kind::Ignored        ? tr("Ignored: %1").arg(f.text)
                                                     : tr("Note: %1").arg(f.text));
        }
        m_lastWebhooks = path;
        if (!captures.isEmpty()) {
            for (const auto &c : drift.enabledButSilent)
                lines.append(tr("Enabled but silent: %1 has not arrived").arg(c));
            for (const auto &c : drift.arrivedButDisabled)
                lines.append(tr("Arrived but disabled: %1 (is OpenIM using another configuration?)").arg(c));
        }
        report = lines.join(QLatin1Char('\n'));
    }
    auto *box = new QMessageBox(config ? QMessageBox::Information : QMessageBox::Warning, tr("webhooks.yml"),
        report, QMessageBox::Ok, m_window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    return report;
}

WebhooksDialog *CaptureFiles::openWebhooksDialog()
{
    // The served version's keys; a v2 - v3.6 profile reads no webhooks.yml, so it gets the default's.
    auto *dialog = new WebhooksDialog(webhooksUrl(), m_inspector->scenario()->scenario().profile, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] {
        Q_EMIT message(
            tr("Saved: put it in OpenIM's config directory (or its environment) and restart OpenIM"), 10000);
    });
    dialog->open();
    return dialog;
}

QString CaptureFiles::webhooksUrl() const
{
    return m_inspector->host()->webhookUrl().isEmpty()
        ? QStringLiteral("http://127.0.0.1:10006/callbackExample")
        : m_inspector->host()->webhookUrl();
}

bool CaptureFiles::generateWebhooks(const QString &path)
{
    if (path.isEmpty())
        return openWebhooksDialog();
    QStringList all;
    for (const auto &spec : Catalogue::instance().commands())
        all.append(spec.command);
    const QString url = webhooksUrl();
    QSaveFile file(path);
    // The served version's keys; a v2 - v3.6 profile reads no webhooks.yml, so it gets the default's.
    const Profile served = m_inspector->scenario()->scenario().profile;
    const QByteArray yaml =
        WebhooksConfig::generate(url, all, 5, false, served >= Profile::V3_7 ? served : defaultProfile);
    if (!file.open(QIODevice::WriteOnly) || file.write(yaml) < 0 || !file.commit()) {
        QMessageBox::warning(m_window, tr("Not written"),
            tr("%1 cannot be written:\n%2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    Q_EMIT message(tr("Wrote %1: put it in OpenIM's config directory and restart OpenIM")
                       .arg(QDir::toNativeSeparators(path)),
        10000);
    return true;
}

void CaptureFiles::explainWebhooks()
{
    const QString path = QFileInfo::exists(m_lastWebhooks)
        ? m_lastWebhooks
        : QFileDialog::getOpenFileName(m_window, tr("Why No Callback? OpenIM's webhooks.yml"), QString(),
            tr("OpenIM configuration (*.yml *.yaml);;All files (*)"));
    if (path.isEmpty())
        return;
    auto *dialog = new WhyDialog(path, m_inspector->scenario()->scenario().profile, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace cbi
