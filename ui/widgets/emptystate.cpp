// SPDX-License-Identifier: MIT
#include "emptystate.h"

#include "catalogue/catalogue.h"
#include "catalogue/versionrequests.h"
#include "cli/simulator.h"
#include "server/serverhost.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace cbi {

EmptyState::EmptyState(
    QAbstractItemView *view, QAbstractItemModel *captures, ServerHost *host, QAction *generate)
    : QWidget(view->viewport())
    , m_view(view)
    , m_captures(captures)
    , m_host(host)
    , m_title(new QLabel(tr("Waiting for OpenIM"), this))
    , m_url(new QLabel(this))
    , m_result(new QLabel(this))
    , m_copy(new QPushButton(tr("Copy"), this))
    , m_generate(new QPushButton(tr("Generate webhooks.yml..."), this))
    , m_sample(new QPushButton(tr("Send a sample callback"), this))
{
    setObjectName(QStringLiteral("emptyState"));
    setAccessibleName(tr("Waiting for OpenIM"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setAlignment(Qt::AlignCenter);
    for (QLabel *label : {m_url, m_result}) {
        label->setAlignment(Qt::AlignCenter);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_url->setTextFormat(Qt::RichText);
    m_url->setAccessibleName(tr("Url for webhooks.yml"));
    m_result->setAccessibleName(tr("Sample callback result"));
    m_copy->setToolTip(tr("Copy the url for OpenIM's webhooks.yml"));
    m_generate->setToolTip(generate->toolTip());
    m_sample->setToolTip(tr("Post one sample callback (a single chat message) to this inspector, as OpenIM "
                            "would, and see it arrive"));
    connect(m_copy, &QPushButton::clicked, this, [this] {
        if (!m_host->webhookUrl().isEmpty())
            QApplication::clipboard()->setText(m_host->webhookUrl());
    });
    connect(m_generate, &QPushButton::clicked, generate, &QAction::trigger);
    connect(m_sample, &QPushButton::clicked, this, [this] { sendSample(); });

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    for (QPushButton *button : {m_copy, m_generate, m_sample}) {
        button->setAccessibleName(button->text());
        buttons->addWidget(button);
    }
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(m_title);
    layout->addWidget(m_url);
    layout->addLayout(buttons);
    layout->addWidget(m_result);
    layout->addStretch();

    view->viewport()->installEventFilter(this);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(captures, signal, this, &EmptyState::follow);
    connect(captures, &QAbstractItemModel::modelReset, this, &EmptyState::follow);
    connect(host, &ServerHost::stateChanged, this, &EmptyState::showServer);
    showServer();
    follow();
}

QList<QWidget *> EmptyState::tabOrder() const
{
    return {m_copy, m_generate, m_sample};
}

QString EmptyState::urlText() const
{
    return m_url->text();
}

void EmptyState::showServer()
{
    const bool listening = m_host->isListening() && !m_host->webhookUrl().isEmpty();
    m_url->setText(listening
            ? tr("Put <b>url: %1</b> in OpenIM's webhooks.yml.").arg(m_host->webhookUrl().toHtmlEscaped())
            : tr("The inspector is not listening: press Start Server."));
    m_copy->setEnabled(listening);
    m_sample->setEnabled(listening);
}

void EmptyState::follow()
{
    setVisible(m_captures->rowCount() == 0);
    if (isVisible()) {
        m_result->clear();
        setGeometry(m_view->viewport()->rect());
    }
}

bool EmptyState::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize)
        setGeometry(m_view->viewport()->rect());
    return QWidget::eventFilter(watched, event);
}

bool EmptyState::sendSample()
{
    // A single chat message as the served OpenIM version sends it (its name and fields).
    const Profile profile = m_host->scenario().profile;
    const CommandSpec *spec =
        Catalogue::instance().find(QStringLiteral("callbackBeforeSendSingleMsgCommand"));
    const VersionRequests versions(Catalogue::instance());
    const QList<QJsonObject> requests =
        spec ? versions.requestsIn(*spec, profileName(profile), spec->sampleRequest) : QList<QJsonObject>();
    if (requests.isEmpty() || !m_host->isListening())
        return false;
    Simulator::Options options;
    options.url = m_host->webhookUrl();
    options.profile = profile;
    options.caCertPath = m_host->config().tlsCertPath; // its own certificate, when it serves HTTPS
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const QJsonObject result = Simulator::send(options, versions.nameIn(*spec, profileName(profile)),
        QJsonDocument(requests.first()).toJson(QJsonDocument::Compact) + '\n');
    QApplication::restoreOverrideCursor();
    const QString error = result.value(QLatin1String("error")).toString();
    if (!error.isEmpty())
        m_result->setText(tr("The sample callback was not answered: %1").arg(error));
    return error.isEmpty();
}

} // namespace cbi
