// SPDX-License-Identifier: MIT
#include "replayer.h"

#include "cli/simulator.h"
#include "inspector/scenariodocument.h"

#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLineEdit>
#include <QMap>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>

namespace cbi {

Replayer::Replayer(ScenarioDocument *scenario, QWidget *window)
    : QObject(window)
    , m_scenario(scenario)
    , m_window(window)
{
}

bool Replayer::askReplayTarget(
    const QString &title, const CapturedRequest *capture, QString *url, QByteArray *body)
{
    QSettings settings;
    QDialog dialog(m_window);
    dialog.setWindowTitle(title);
    auto *urlEdit = new QLineEdit(
        settings.value(QStringLiteral("replay/url"), QStringLiteral("http://127.0.0.1:8080/callbackExample"))
            .toString(),
        &dialog);
    urlEdit->setAccessibleName(tr("Business server URL"));
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("The url of your business server, as in webhooks.yml:"), urlEdit);
    QPlainTextEdit *bodyEdit = nullptr;
    if (capture) {
        bodyEdit = new QPlainTextEdit(QString::fromUtf8(capture->body), &dialog);
        bodyEdit->setAccessibleName(tr("Request body to send"));
        bodyEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        form->addRow(tr("Body of capture #%1 (edit to send a variant):").arg(capture->id), bodyEdit);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Send"));
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    dialog.resize(720, capture ? 480 : 120);
    if (dialog.exec() != QDialog::Accepted || urlEdit->text().trimmed().isEmpty())
        return false;
    *url = urlEdit->text().trimmed();
    if (bodyEdit && body)
        *body = bodyEdit->toPlainText().toUtf8();
    settings.setValue(QStringLiteral("replay/url"), *url);
    return true;
}

bool Replayer::replayCapture(const CapturedRequest &capture, const QString &chosenUrl)
{
    QString url = chosenUrl;
    QByteArray body = capture.body;
    // Where to, and the request as it will go: editable, so a variant can be tried.
    if (url.isEmpty() && !askReplayTarget(tr("Replay to Business Server"), &capture, &url, &body))
        return false;
    Simulator::Options options;
    options.url = url;
    options.profile = m_scenario->scenario().profile;
    options.timeoutSeconds = m_scenario->scenario().timeoutSecondsFor(capture.canonicalCommand);
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const QJsonObject result = Simulator::send(
        options, capture.command.isEmpty() ? QStringLiteral("callback") : capture.command, body);
    QApplication::restoreOverrideCursor();
    const QJsonObject verdict = result.value(QLatin1String("verdict")).toObject();
    const QJsonObject reply = result.value(QLatin1String("reply")).toObject();
    QString text = (body == capture.body ? tr("Capture #%1 sent to %2 in %3 ms.")
                                         : tr("Capture #%1, edited, sent to %2 in %3 ms."))
                       .arg(capture.id)
                       .arg(result.value(QLatin1String("url")).toString())
                       .arg(result.value(QLatin1String("elapsedMs")).toInteger());
    text += QLatin1Char('\n')
        + (result.contains(QLatin1String("error"))
                ? tr("Error: %1").arg(result.value(QLatin1String("error")).toString())
                : tr("Reply: HTTP %1 %2")
                      .arg(reply.value(QLatin1String("status")).toInt())
                      .arg(reply.value(QLatin1String("body")).toString().left(400)));
    text += QLatin1Char('\n') + tr("OpenIM would: %1").arg(verdict.value(QLatin1String("reason")).toString());
    m_lastReplay = result;
    auto *box = new QMessageBox(QMessageBox::Information, tr("Replay"), text, QMessageBox::Ok, m_window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    return !result.contains(QLatin1String("error"));
}

int Replayer::replayCaptures(const QList<CapturedRequest> &captures, const QString &chosenUrl)
{
    QString url = chosenUrl;
    if (url.isEmpty()
        && !askReplayTarget(tr("Replay %n Captures to Business Server", nullptr, int(captures.size())),
            nullptr, &url, nullptr))
        return 0;
    // One after another, as OpenIM would send them; each waits at most OpenIM's timeout.
    QProgressDialog progress(tr("Replaying captures..."), tr("Cancel"), 0, int(captures.size()), m_window);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    QMap<QString, int> outcomes;
    QStringList errors;
    int answered = 0;
    for (qsizetype i = 0; i < captures.size() && !progress.wasCanceled(); ++i) {
        progress.setValue(int(i));
        const CapturedRequest &c = captures.at(i);
        Simulator::Options options;
        options.url = url;
        options.profile = m_scenario->scenario().profile;
        options.timeoutSeconds = m_scenario->scenario().timeoutSecondsFor(c.canonicalCommand);
        const QJsonObject result =
            Simulator::send(options, c.command.isEmpty() ? QStringLiteral("callback") : c.command, c.body);
        m_lastReplay = result;
        if (result.contains(QLatin1String("error"))) {
            errors.append(tr("#%1: %2").arg(c.id).arg(result.value(QLatin1String("error")).toString()));
            continue;
        }
        ++answered;
        ++outcomes
            [result.value(QLatin1String("verdict")).toObject().value(QLatin1String("outcome")).toString()];
    }
    progress.setValue(int(captures.size()));
    QStringList parts;
    for (auto it = outcomes.cbegin(); it != outcomes.cend(); ++it)
        parts.append(QStringLiteral("%1 %2").arg(it.key()).arg(it.value()));
    QString text =
        tr("%1 of %n capture(s) answered by %2.", nullptr, int(captures.size())).arg(answered).arg(url);
    if (!parts.isEmpty())
        text += QLatin1Char('\n') + tr("OpenIM would: %1").arg(parts.join(QStringLiteral(", ")));
    if (!errors.isEmpty())
        text += QLatin1Char('\n') + errors.mid(0, 10).join(QLatin1Char('\n'));
    auto *box = new QMessageBox(QMessageBox::Information, tr("Replay"), text, QMessageBox::Ok, m_window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    return answered;
}

} // namespace cbi
