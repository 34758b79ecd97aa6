// SPDX-License-Identifier: MIT
#include "whydialog.h"

#include "integration/webhooksversioncheck.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cbi {

WhyDialog::WhyDialog(const QString &path, Profile profile, QWidget *parent)
    : QDialog(parent)
    , m_file(new QLabel(this))
    , m_profile(new QComboBox(this))
    , m_contentType(new QSpinBox(this))
    , m_sessionType(new QComboBox(this))
    , m_sendId(new QLineEdit(this))
    , m_recvId(new QLineEdit(this))
    , m_notification(new QCheckBox(tr("Sent by OpenIM as a &notification"), this))
    , m_results(new QTreeWidget(this))
    , m_findings(new QListWidget(this))
{
    setWindowTitle(tr("Why No Callback?"));
    m_file->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_file->setWordWrap(true);
    auto *choose = new QPushButton(tr("&Choose..."), this);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(choose);
    for (const auto &name : profileNames())
        m_profile->addItem(tr("OpenIM %1").arg(profileRange(*profileFromName(name))), name);
    m_contentType->setRange(0, 1000000);
    m_contentType->setValue(101);
    m_contentType->setToolTip(tr("101 text, 102 picture, 113 typing, 1000-5000 notifications"));
    m_sessionType->addItem(tr("1 single chat"), 1);
    m_sessionType->addItem(tr("3 group chat"), 3);
    m_sessionType->addItem(tr("4 notification chat"), 4);
    m_sendId->setPlaceholderText(tr("sender's user ID"));
    m_recvId->setPlaceholderText(tr("receiver's user ID (single chats)"));
    m_results->setObjectName(QStringLiteral("results"));
    m_results->setHeaderLabels({tr("Callback"), tr("Result"), tr("Why")});
    m_results->setRootIsDecorated(false);
    m_results->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_results->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_findings->setObjectName(QStringLiteral("findings"));
    m_findings->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("webhooks.yml:"), fileRow);
    form->addRow(tr("&Version:"), m_profile);
    form->addRow(tr("Content &type:"), m_contentType);
    form->addRow(tr("&Session type:"), m_sessionType);
    form->addRow(tr("Se&nder:"), m_sendId);
    form->addRow(tr("&Receiver:"), m_recvId);
    form->addRow(QString(), m_notification);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_results, 2);
    layout->addWidget(new QLabel(tr("What this version makes of the file:"), this));
    layout->addWidget(m_findings, 1);
    layout->addWidget(buttons);
    resize(820, 560);

    connect(choose, &QPushButton::clicked, this, &WhyDialog::chooseFile);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_profile, &QComboBox::currentIndexChanged, this, &WhyDialog::explain);
    connect(m_contentType, &QSpinBox::valueChanged, this, &WhyDialog::explain);
    connect(m_sessionType, &QComboBox::currentIndexChanged, this, &WhyDialog::explain);
    connect(m_sendId, &QLineEdit::textChanged, this, &WhyDialog::explain);
    connect(m_recvId, &QLineEdit::textChanged, this, &WhyDialog::explain);
    connect(m_notification, &QCheckBox::toggled, this, &WhyDialog::explain);
    setProfile(profile);
    loadFile(path);
}

bool WhyDialog::loadFile(const QString &path)
{
    QString error;
    m_config = path.isEmpty() ? std::nullopt : WebhooksConfig::load(path, &error);
    m_file->setText(m_config ? QDir::toNativeSeparators(path)
            : path.isEmpty() ? tr("(none: choose OpenIM's webhooks.yml)")
                             : tr("%1 cannot be used: %2").arg(QDir::toNativeSeparators(path), error));
    explain();
    return m_config.has_value();
}

void WhyDialog::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("OpenIM's webhooks.yml"), QString(),
        tr("OpenIM configuration (*.yml *.yaml);;All files (*)"));
    if (!path.isEmpty())
        loadFile(path);
}

void WhyDialog::setProfile(Profile profile)
{
    m_profile->setCurrentIndex(m_profile->findData(profileName(profile)));
}

void WhyDialog::setMessage(const CallbackFilter::Message &message)
{
    m_contentType->setValue(message.contentType);
    const int session = m_sessionType->findData(message.sessionType == 2 ? 3 : message.sessionType);
    m_sessionType->setCurrentIndex(session < 0 ? 0 : session);
    m_sendId->setText(message.sendID);
    m_recvId->setText(message.recvID);
    m_notification->setChecked(message.notification);
}

CallbackFilter::Message WhyDialog::message() const
{
    CallbackFilter::Message m;
    m.contentType = m_contentType->value();
    m.sessionType = m_sessionType->currentData().toInt();
    m.sendID = m_sendId->text();
    m.recvID = m_recvId->text();
    m.notification = m_notification->isChecked();
    return m;
}

void WhyDialog::explain()
{
    m_results->clear();
    m_findings->clear();
    m_outcomes.clear();
    const auto profile = profileFromName(m_profile->currentData().toString());
    if (!m_config || !profile)
        return;
    m_outcomes = CallbackFilter::explain(*m_config, *profile, message());
    for (const auto &o : std::as_const(m_outcomes)) {
        auto *item = new QTreeWidgetItem(
            m_results, {o.configKey, o.fires() ? tr("fires") : tr("does not fire"), o.text});
        item->setToolTip(0, o.command);
        item->setToolTip(2, o.text);
    }
    for (const auto &f : WebhooksVersionCheck::check(*m_config, *profile)) {
        using Kind = WebhooksVersionCheck::Finding::Kind;
        m_findings->addItem(f.kind == Kind::FailsToLoad ? tr("Fails to load: %1").arg(f.text)
                : f.kind == Kind::Ignored               ? tr("Ignored: %1").arg(f.text)
                                                        : tr("Note: %1").arg(f.text));
    }
    if (m_findings->count() == 0)
        m_findings->addItem(tr("Nothing this version fails to load or ignores."));
}

} // namespace cbi
