// SPDX-License-Identifier: MIT
#include "simulatordialog.h"

#include "appsettings.h"
#include "catalogue/catalogue.h"
#include "catalogue/versionrequests.h"
#include "cli/simulator.h"
#include "models/capturetablemodel.h"
#include "verdict/profile.h"
#include "widgets/capturedetailview.h"
#include "widgets/jsonhighlighter.h"
#include "widgets/tlsoptionswidget.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace cbi {

SimulatorDialog::SimulatorDialog(QWidget *parent)
    : QDialog(parent)
    , m_url(new QLineEdit(this))
    , m_command(new QComboBox(this))
    , m_profile(new QComboBox(this))
    , m_timeout(new QSpinBox(this))
    , m_body(new QPlainTextEdit(this))
    , m_result(new QPlainTextEdit(this))
    , m_verdict(new QLabel(this))
    , m_tls(new TlsOptionsWidget(this))
{
    setWindowTitle(tr("Simulate OpenIM"));
    m_url->setText(AppSettings::businessServerUrl());
    m_url->setAccessibleName(tr("Business server url"));
    for (const auto &spec : Catalogue::instance().commands()) {
        if (spec.sentByNewest)
            m_command->addItem(spec.command);
    }
    m_command->setAccessibleName(tr("Command"));
    for (const auto &name : profileNames()) {
        // The profile by the releases it covers; its name is what scenario files and --profile say.
        m_profile->addItem(tr("OpenIM %1").arg(profileRange(*profileFromName(name))), name);
        m_profile->setItemData(m_profile->count() - 1, tr("Profile %1").arg(name), Qt::ToolTipRole);
    }
    m_profile->setCurrentIndex(m_profile->findData(profileName(defaultProfile)));
    m_timeout->setRange(0, 60);
    m_timeout->setValue(5);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setToolTip(tr("As in webhooks.yml; OpenIM's client gives up after 15 s whatever this says"));
    for (QPlainTextEdit *edit : {m_body, m_result}) {
        edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        edit->setTabChangesFocus(true); // no keyboard trap
    }
    new JsonHighlighter(m_body->document());
    m_body->setAccessibleName(tr("Request body"));
    m_result->setReadOnly(true);
    m_result->setAccessibleName(tr("Reply"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextFormat(Qt::RichText);

    auto *form = new QFormLayout;
    form->addRow(tr("Business server &url:"), m_url);
    form->addRow(tr("C&ommand:"), m_command);
    form->addRow(tr("&Version:"), m_profile);
    form->addRow(tr("&Timeout:"), m_timeout);
    form->addRow(tr("TLS:"), m_tls);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_sendButton = buttons->addButton(tr("&Send"), QDialogButtonBox::ActionRole);
    m_sendButton->setDefault(true);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Request body (the catalogue's sample; edit it freely):"), this));
    layout->addWidget(m_body, 2);
    layout->addWidget(new QLabel(tr("Reply:"), this));
    layout->addWidget(m_result, 1);
    layout->addWidget(m_verdict);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_sendButton, &QPushButton::clicked, this, [this] { send(); });
    connect(m_command, &QComboBox::currentIndexChanged, this, &SimulatorDialog::loadSample);
    connect(m_profile, &QComboBox::currentIndexChanged, this, &SimulatorDialog::loadSample);
    loadSample();
    resize(760, 640);
}

void SimulatorDialog::setUrl(const QString &url)
{
    m_url->setText(url);
}

void SimulatorDialog::setCommand(const QString &command)
{
    m_command->setCurrentText(command);
}

void SimulatorDialog::setProfile(const QString &profile)
{
    m_profile->setCurrentIndex(m_profile->findData(profile));
}

void SimulatorDialog::loadSample()
{
    const CommandSpec *spec = Catalogue::instance().find(m_command->currentText());
    if (!spec)
        return;
    const QString version = m_profile->currentData().toString();
    const QList<QJsonObject> requests =
        VersionRequests(Catalogue::instance()).requestsIn(*spec, version, spec->sampleRequest);
    m_verdict->clear();
    if (requests.isEmpty()) {
        m_body->clear();
        m_verdict->setText(tr("OpenIM %1 never sends %2.").arg(version, spec->command).toHtmlEscaped());
        return;
    }
    m_body->setPlainText(QString::fromUtf8(QJsonDocument(requests.first()).toJson(QJsonDocument::Indented)));
    if (requests.size() > 1)
        m_verdict->setText(tr(
            "OpenIM %1 sends this callback once per member: the sample makes %n call(s), this is the first.",
            nullptr, int(requests.size()))
                               .arg(version)
                               .toHtmlEscaped());
}

QString SimulatorDialog::resultText() const
{
    return m_result->toPlainText() + QLatin1Char('\n') + m_verdict->text();
}

bool SimulatorDialog::send()
{
    if (!m_sendButton->isEnabled())
        return false; // one call at a time
    AppSettings::setBusinessServerUrl(m_url->text());
    m_tls->save();
    Simulator::Options options;
    options.url = m_url->text().trimmed();
    options.timeoutSeconds = m_timeout->value();
    options.insecure = !m_tls->verify();
    options.caCertPath = m_tls->verify() ? m_tls->caCertPath() : QString();
    if (const auto p = profileFromName(m_profile->currentData().toString()))
        options.profile = *p;
    // Compact, as Go's encoder writes it, when the text is JSON; as typed otherwise.
    const QJsonDocument doc = QJsonDocument::fromJson(m_body->toPlainText().toUtf8());
    const QByteArray body =
        doc.isNull() ? m_body->toPlainText().toUtf8() : doc.toJson(QJsonDocument::Compact) + '\n';
    // The name the chosen version sends the command under (v3.7's member join), if it sends it at all.
    QString command = m_command->currentText();
    if (const CommandSpec *spec = Catalogue::instance().find(command))
        command = VersionRequests(Catalogue::instance()).nameIn(*spec, profileName(options.profile));
    if (command.isEmpty()) {
        m_result->clear();
        m_verdict->setText(tr("OpenIM %1 never sends %2.")
                               .arg(profileName(options.profile), m_command->currentText())
                               .toHtmlEscaped());
        return false;
    }
    m_sendButton->setEnabled(false);
    m_result->setPlainText(tr("Sending to %1 ...").arg(options.url));
    m_verdict->clear();
    Simulator::sendAsync(options, command, body, this, [this](const QJsonObject &result) {
        m_sendButton->setEnabled(true);
        showResult(result);
        Q_EMIT finished(result);
    });
    return true;
}

void SimulatorDialog::showResult(const QJsonObject &result)
{
    const QJsonObject reply = result.value(QLatin1String("reply")).toObject();
    QString text = tr("POST %1 (%2 ms)")
                       .arg(result.value(QLatin1String("url")).toString())
                       .arg(result.value(QLatin1String("elapsedMs")).toInteger())
        + QLatin1Char('\n');
    if (result.contains(QLatin1String("error")))
        text += tr("Error: %1").arg(result.value(QLatin1String("error")).toString()) + QLatin1Char('\n');
    if (!reply.isEmpty())
        text += QStringLiteral("HTTP %1\n").arg(reply.value(QLatin1String("status")).toInt())
            + CaptureDetailView::prettyBody(reply.value(QLatin1String("body")).toString().toUtf8());
    m_result->setPlainText(text);
    const QJsonObject verdict = result.value(QLatin1String("verdict")).toObject();
    QString html =
        tr("<b>OpenIM would:</b> %1").arg(verdict.value(QLatin1String("reason")).toString().toHtmlEscaped());
    for (const auto &w : verdict.value(QLatin1String("warnings")).toArray())
        html += QStringLiteral("<br>\u26a0 %1")
                    .arg(w.toObject().value(QLatin1String("message")).toString().toHtmlEscaped());
    m_verdict->setText(html);
}

} // namespace cbi
