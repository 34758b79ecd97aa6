// SPDX-License-Identifier: MIT
#include "replayer.h"

#include "appsettings.h"
#include "dialogs/replayresultsdialog.h"
#include "inspector/scenariodocument.h"
#include "widgets/tlsoptionswidget.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLineEdit>
#include <QMap>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QPushButton>

namespace cbi {

Replayer::Replayer(ScenarioDocument *scenario, QWidget *window)
    : QObject(window)
    , m_scenario(scenario)
    , m_window(window)
{
}

bool Replayer::chooseTarget(
    const QString &chosenUrl, const QString &title, const CapturedRequest *capture, QByteArray *body)
{
    if (!chosenUrl.isEmpty()) { // the remembered TLS check
        m_target.url = chosenUrl;
        m_target.insecure = !TlsOptionsWidget::savedVerify();
        m_target.caCertPath = TlsOptionsWidget::savedCaCertPath();
        return true;
    }
    QDialog dialog(m_window);
    dialog.setWindowTitle(title);
    auto *urlEdit = new QLineEdit(AppSettings::businessServerUrl(), &dialog);
    urlEdit->setAccessibleName(tr("Business server URL"));
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("The url of your business server, as in webhooks.yml:"), urlEdit);
    auto *tls = new TlsOptionsWidget(&dialog);
    form->addRow(tls);
    QPlainTextEdit *bodyEdit = nullptr;
    if (capture) {
        bodyEdit = new QPlainTextEdit(QString::fromUtf8(capture->body), &dialog);
        bodyEdit->setAccessibleName(tr("Request body to send"));
        bodyEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        bodyEdit->setTabChangesFocus(true);
        form->addRow(tr("Body of capture #%1 (edit to send a variant):").arg(capture->id), bodyEdit);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Send"));
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    dialog.resize(720, capture ? 480 : 150);
    if (dialog.exec() != QDialog::Accepted || urlEdit->text().trimmed().isEmpty())
        return false;
    m_target.url = urlEdit->text().trimmed();
    m_target.insecure = !tls->verify();
    m_target.caCertPath = tls->verify() ? tls->caCertPath() : QString();
    if (bodyEdit && body)
        *body = bodyEdit->toPlainText().toUtf8();
    AppSettings::setBusinessServerUrl(m_target.url);
    tls->save();
    return true;
}

Simulator::Options Replayer::optionsFor(const CapturedRequest &capture) const
{
    Simulator::Options options = m_target;
    options.profile = m_scenario->scenario().profile;
    options.timeoutSeconds = m_scenario->scenario().timeoutSecondsFor(capture.canonicalCommand);
    return options;
}

ReplayResultsDialog *Replayer::results() const
{
    return m_results;
}

void Replayer::addResult(quint64 captureId, bool edited, const QByteArray &body, const QJsonObject &result)
{
    if (!m_results)
        m_results = new ReplayResultsDialog(m_window); // kept for the run: its history is the run's
    m_results->addEntry({captureId, edited, body, result, QDateTime::currentDateTime()});
    m_results->show(); // not exec(): the window goes on meanwhile
    m_results->raise();
}

bool Replayer::replayCapture(const CapturedRequest &capture, const QString &chosenUrl)
{
    if (m_busy)
        return false;
    QByteArray body = capture.body;
    // Where to, and the request as it will go: editable, so a variant can be tried.
    if (!chooseTarget(chosenUrl, tr("Replay to Business Server"), &capture, &body))
        return false;
    m_busy = true;
    const bool edited = body != capture.body;
    Simulator::sendAsync(optionsFor(capture),
        capture.command.isEmpty() ? QStringLiteral("callback") : capture.command, body, this,
        [this, id = capture.id, edited, body](const QJsonObject &result) {
            m_busy = false;
            addResult(id, edited, body, result);
            Q_EMIT replayed(result);
            Q_EMIT finished(result.contains(QLatin1String("error")) ? 0 : 1);
        });
    return true;
}

bool Replayer::replayCaptures(const QList<CapturedRequest> &captures, const QString &chosenUrl)
{
    if (m_busy || captures.isEmpty())
        return false;
    if (!chooseTarget(chosenUrl, tr("Replay %n Captures to Business Server", nullptr, int(captures.size())),
            nullptr, nullptr))
        return false;
    m_busy = true;
    // One after another, as OpenIM would send them; each waits at most OpenIM's timeout.
    struct Run
    {
        QList<CapturedRequest> captures;
        qsizetype next = 0;
        QMap<QString, int> outcomes;
        QStringList errors;
        int answered = 0;
        QPointer<QProgressDialog> progress;
    };
    auto run = std::make_shared<Run>();
    run->captures = captures;
    run->progress =
        new QProgressDialog(tr("Replaying captures..."), tr("Cancel"), 0, int(captures.size()), m_window);
    run->progress->setAttribute(Qt::WA_DeleteOnClose);
    run->progress->setMinimumDuration(300);
    auto step = std::make_shared<std::function<void()>>();
    *step = [this, run, step] {
        const bool cancelled = !run->progress || run->progress->wasCanceled();
        if (cancelled || run->next >= run->captures.size()) {
            m_busy = false;
            if (run->progress)
                run->progress->close();
            QStringList parts;
            for (auto it = run->outcomes.cbegin(); it != run->outcomes.cend(); ++it)
                parts.append(QStringLiteral("%1 %2").arg(it.key()).arg(it.value()));
            QString text = tr("%1 of %n capture(s) answered by %2.", nullptr, int(run->captures.size()))
                               .arg(run->answered)
                               .arg(m_target.url);
            if (!parts.isEmpty())
                text += QLatin1Char('\n') + tr("OpenIM would: %1").arg(parts.join(QStringLiteral(", ")));
            if (!run->errors.isEmpty())
                text += QLatin1Char('\n') + run->errors.mid(0, 10).join(QLatin1Char('\n'));
            if (m_results)
                m_results->setSummary(text);
            Q_EMIT finished(run->answered);
            *step = nullptr; // breaks the cycle through the captured pointer
            return;
        }
        run->progress->setValue(int(run->next));
        const CapturedRequest &c = run->captures.at(run->next++);
        Simulator::sendAsync(optionsFor(c), c.command.isEmpty() ? QStringLiteral("callback") : c.command,
            c.body, this, [this, run, step, id = c.id, body = c.body](const QJsonObject &result) {
                addResult(id, false, body, result);
                Q_EMIT replayed(result);
                if (result.contains(QLatin1String("error"))) {
                    run->errors.append(
                        tr("#%1: %2").arg(id).arg(result.value(QLatin1String("error")).toString()));
                } else {
                    ++run->answered;
                    ++run->outcomes[result.value(QLatin1String("verdict"))
                                        .toObject()
                                        .value(QLatin1String("outcome"))
                                        .toString()];
                }
                (*step)();
            });
    };
    (*step)();
    return true;
}

} // namespace cbi
