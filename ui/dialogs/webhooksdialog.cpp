// SPDX-License-Identifier: MIT
#include "webhooksdialog.h"

#include "catalogue/catalogue.h"
#include "integration/webhooksconfig.h"
#include "integration/webhooksversioncheck.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QTabWidget>
#include <QVBoxLayout>

namespace cbi {

WebhooksDialog::WebhooksDialog(const QString &url, Profile profile, QWidget *parent)
    : QDialog(parent)
    , m_url(url)
    , m_profile(new QComboBox(this))
    , m_message(new QCheckBox(tr("&Message"), this))
    , m_user(new QCheckBox(tr("&User and friend"), this))
    , m_group(new QCheckBox(tr("&Group"), this))
    , m_before(new QCheckBox(tr("&Before"), this))
    , m_after(new QCheckBox(tr("&After"), this))
    , m_commands(new QListWidget(this))
    , m_tabs(new QTabWidget(this))
    , m_yaml(new QPlainTextEdit(this))
    , m_env(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Generate webhooks.yml"));
    // Only the versions that read webhooks.yml (v3.7 on); older ones read config.yaml's callback:.
    for (const QString &name : profileNames()) {
        const auto p = profileFromName(name);
        if (p && *p >= Profile::V3_7)
            m_profile->addItem(tr("OpenIM %1").arg(profileRange(*p)), name);
    }
    m_profile->setAccessibleName(tr("OpenIM version"));
    setProfile(profile >= Profile::V3_7 ? profile : defaultProfile);
    for (QCheckBox *box : {m_message, m_before})
        box->setChecked(true);
    m_commands->setAccessibleName(tr("Commands to enable"));
    for (QPlainTextEdit *text : {m_yaml, m_env}) {
        text->setReadOnly(true);
        text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        text->setLineWrapMode(QPlainTextEdit::NoWrap);
        text->setTabChangesFocus(true);
    }
    m_yaml->setAccessibleName(tr("webhooks.yml"));
    m_env->setAccessibleName(tr("Docker environment"));
    m_tabs->addTab(m_yaml, tr("webhooks.yml"));
    m_tabs->addTab(m_env, tr("Docker env"));

    auto *kinds = new QHBoxLayout;
    for (QCheckBox *box : {m_message, m_user, m_group})
        kinds->addWidget(box);
    kinds->addSpacing(16);
    kinds->addWidget(m_before);
    kinds->addWidget(m_after);
    kinds->addStretch(1);
    auto *form = new QFormLayout;
    form->addRow(tr("OpenIM &version:"), m_profile);
    form->addRow(tr("Enable:"), kinds);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    copy->setToolTip(tr("Copy the text of the tab in front"));
    auto *split = new QHBoxLayout;
    split->addWidget(m_commands, 2);
    split->addWidget(m_tabs, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(
        new QLabel(tr("Url: %1 (without failedContinue, which these versions ignore)").arg(url), this));
    layout->addLayout(split, 1);
    layout->addWidget(buttons);

    fillCommands();
    applyKinds();
    connect(m_profile, &QComboBox::currentIndexChanged, this, [this] {
        fillCommands();
        applyKinds();
    });
    for (QCheckBox *box : {m_message, m_user, m_group, m_before, m_after})
        connect(box, &QCheckBox::toggled, this, &WebhooksDialog::applyKinds);
    connect(m_commands, &QListWidget::itemChanged, this, &WebhooksDialog::refresh);
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(shownText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        const bool env = m_tabs->currentWidget() == m_env;
        const QString path = QFileDialog::getSaveFileName(this, tr("Save"),
            env ? QStringLiteral("openim.env") : QStringLiteral("webhooks.yml"),
            env ? tr("Environment files (*.env);;All files (*)") : tr("YAML (*.yml *.yaml)"));
        if (!path.isEmpty() && save(path))
            accept();
    });
    resize(900, 560);
}

QString WebhooksDialog::areaOf(const QString &command)
{
    if (command.contains(QLatin1String("Msg")) || command.contains(QLatin1String("Push"))
        || command.contains(QLatin1String("Conversations")))
        return QStringLiteral("message");
    if (command.contains(QLatin1String("Group")))
        return QStringLiteral("group");
    return QStringLiteral("user");
}

Profile WebhooksDialog::profile() const
{
    return profileFromName(m_profile->currentData().toString()).value_or(defaultProfile);
}

void WebhooksDialog::setProfile(Profile profile)
{
    m_profile->setCurrentIndex(qMax(0, m_profile->findData(profileName(profile))));
}

// The commands the chosen version has a webhooks.yml key for.
void WebhooksDialog::fillCommands()
{
    const QStringList chosen = chosenCommands();
    const QSignalBlocker blocker(m_commands);
    m_commands->clear();
    for (const auto &spec : Catalogue::instance().commands()) {
        if (!WebhooksVersionCheck::hasKey(spec, profile()))
            continue;
        auto *item = new QListWidgetItem(spec.command, m_commands);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(chosen.contains(spec.command) ? Qt::Checked : Qt::Unchecked);
        item->setData(Qt::UserRole, spec.isBefore());
    }
}

void WebhooksDialog::setKinds(const QStringList &areas, bool before, bool after)
{
    const QSignalBlocker b1(m_message), b2(m_user), b3(m_group), b4(m_before), b5(m_after);
    m_message->setChecked(areas.contains(QLatin1String("message")));
    m_user->setChecked(areas.contains(QLatin1String("user")));
    m_group->setChecked(areas.contains(QLatin1String("group")));
    m_before->setChecked(before);
    m_after->setChecked(after);
    applyKinds();
}

// A command is checked when its area and its phase are: the list can then be changed one by one.
void WebhooksDialog::applyKinds()
{
    const QSignalBlocker blocker(m_commands);
    for (int i = 0; i < m_commands->count(); ++i) {
        QListWidgetItem *item = m_commands->item(i);
        const QString area = areaOf(item->text());
        const bool areaOn = (area == QLatin1String("message") && m_message->isChecked())
            || (area == QLatin1String("user") && m_user->isChecked())
            || (area == QLatin1String("group") && m_group->isChecked());
        const bool phaseOn = item->data(Qt::UserRole).toBool() ? m_before->isChecked() : m_after->isChecked();
        item->setCheckState(areaOn && phaseOn ? Qt::Checked : Qt::Unchecked);
    }
    refresh();
}

QStringList WebhooksDialog::chosenCommands() const
{
    QStringList out;
    for (int i = 0; i < m_commands->count(); ++i) {
        if (m_commands->item(i)->checkState() == Qt::Checked)
            out.append(m_commands->item(i)->text());
    }
    return out;
}

QString WebhooksDialog::yaml() const
{
    return QString::fromUtf8(WebhooksConfig::generate(m_url, chosenCommands(), 5, false, profile()));
}

QString WebhooksDialog::environment() const
{
    return QString::fromUtf8(WebhooksConfig::generate(m_url, chosenCommands(), 5, true, profile()));
}

void WebhooksDialog::refresh()
{
    m_yaml->setPlainText(yaml());
    m_env->setPlainText(environment());
}

QString WebhooksDialog::shownText() const
{
    return m_tabs->currentWidget() == m_env ? m_env->toPlainText() : m_yaml->toPlainText();
}

bool WebhooksDialog::save(const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(shownText().toUtf8()) < 0 || !file.commit()) {
        QMessageBox::warning(this, tr("Not written"),
            tr("%1 cannot be written:\n%2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    return true;
}

} // namespace cbi
