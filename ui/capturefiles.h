// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>

class QWidget;

namespace cbi {

class CapturePane;
class Inspector;
class WebhooksDialog;

// The File menu's work on files: exports of the captures (what the filter shows, the selection or
// the whole session file), imports, and OpenIM's webhooks.yml in and out. Dialogs open over window.
class CaptureFiles : public QObject
{
    Q_OBJECT
public:
    CaptureFiles(Inspector *inspector, CapturePane *pane, QWidget *window);

    enum class ExportScope
    {
        View, // what the filter shows
        Selection,
        Session, // every capture in the session file
    };
    // Without a path, asks for one (and the format with it).
    bool exportCaptures(
        const QString &path = {}, const QString &format = {}, ExportScope scope = ExportScope::View);
    bool importCaptures(const QString &path = {});
    // Applies a webhooks.yml's timeouts to the served scenario and compares it with what arrived;
    // returns the report it shows.
    QString importWebhooks(const QString &path = {});
    // Without a path, the picker dialog (commands, version, Docker env); with one, every command.
    bool generateWebhooks(const QString &path = {});
    WebhooksDialog *openWebhooksDialog();
    // "Why no callback?" over the last imported webhooks.yml (asks for one when none was imported).
    void explainWebhooks();
    QString lastWebhooksPath() const { return m_lastWebhooks; }

Q_SIGNALS:
    void message(const QString &text, int timeoutMs);

private:
    QString webhooksUrl() const;

    Inspector *m_inspector;
    CapturePane *m_pane;
    QWidget *m_window;
    QString m_lastWebhooks; // the webhooks.yml imported last, for "Why no callback?"
};

} // namespace cbi
