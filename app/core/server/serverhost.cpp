// SPDX-License-Identifier: MIT
#include "serverhost.h"

#include "epolldispatcher.h"

#include <QUrl>

namespace cbi {

ServerHost::ServerHost(CaptureStore *store, QObject *parent)
    : QObject(parent)
    , m_server(new CaptureServer(store))
{
    m_thread.setObjectName(QStringLiteral("capture-server"));
    qRegisterMetaType<cbi::CapturedRequest>();
    // Queued to this (the GUI's) thread.
    // Queued to this thread; the list of waiting holds is kept first, then the views hear of it.
    connect(m_server, &CaptureServer::callbackHeld, this,
        [this](quint64 id, const CapturedRequest &capture, int timeoutMs) {
            WaitingHold &w = m_waiting[id];
            w.id = id;
            w.capture = capture;
            w.timeoutMs = timeoutMs;
            w.since.start();
            Q_EMIT callbackHeld(id, capture, timeoutMs);
        });
    connect(m_server, &CaptureServer::holdEnded, this, [this](quint64 id) {
        m_waiting.remove(id);
        Q_EMIT holdEnded(id);
    });
    qRegisterMetaType<cbi::Scenario>();
    connect(m_server, &CaptureServer::scenarioChangedElsewhere, this, [this](const Scenario &scenario) {
        m_scenario = scenario;
        Q_EMIT scenarioChangedElsewhere(scenario);
    });
    m_thread.setEventDispatcher(new EpollDispatcher); // see epolldispatcher.h
    m_server->moveToThread(&m_thread);
    m_thread.start();
}

ServerHost::~ServerHost()
{
    QMetaObject::invokeMethod(
        m_server, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

bool ServerHost::start(const ServerConfig &config, QString *error)
{
    bool ok = false;
    QString message;
    quint16 port = 0;
    QHostAddress address;
    QMetaObject::invokeMethod(
        m_server,
        [&] {
            ok = m_server->start(config);
            message = m_server->errorString();
            port = m_server->serverPort();
            address = m_server->serverAddress();
            m_token = m_server->controlToken();
        },
        Qt::BlockingQueuedConnection);
    m_listening = ok;
    m_config = config;
    m_address = address;
    if (ok) {
        m_config.port = port;
        // The one place URLs of the running server are made (QUrl brackets an IPv6 host).
        QUrl origin;
        origin.setScheme(config.scheme());
        origin.setHost(address.toString());
        origin.setPort(port);
        m_origin = origin.toString();
        QUrl url = origin;
        if (address == QHostAddress::Any || address == QHostAddress::AnyIPv4
            || address == QHostAddress::AnyIPv6)
            url.setHost(QStringLiteral(
                "127.0.0.1")); // reachable locally; OpenIM elsewhere needs this machine's address
        url.setPath(config.basePath);
        m_url = url.toString();
    } else {
        m_url.clear();
        m_origin.clear();
    }
    if (error)
        *error = message;
    Q_EMIT stateChanged();
    return ok;
}

void ServerHost::stop()
{
    QMetaObject::invokeMethod(
        m_server, [this] { m_server->stop(); }, Qt::BlockingQueuedConnection);
    m_listening = false;
    m_url.clear();
    Q_EMIT stateChanged();
}

void ServerHost::setHeldCommands(const QStringList &commands)
{
    m_held = commands;
    QMetaObject::invokeMethod(
        m_server, [this, commands] { m_server->setHeldCommands(commands); }, Qt::BlockingQueuedConnection);
}

bool ServerHost::release(quint64 holdId, const std::optional<ReplySent> &reply)
{
    bool released = false;
    QMetaObject::invokeMethod(
        m_server, [&] { released = m_server->release(holdId, reply); }, Qt::BlockingQueuedConnection);
    return released;
}

void ServerHost::setScenario(const Scenario &scenario, const QString &file, bool modified)
{
    m_scenario = scenario;
    QMetaObject::invokeMethod(
        m_server, [this, scenario, file, modified] { m_server->setScenario(scenario, file, modified); },
        Qt::BlockingQueuedConnection);
}

void ServerHost::setCommitGate(bool on, quint64 lastId)
{
    QMetaObject::invokeMethod(
        m_server,
        [this, on, lastId] {
            if (lastId)
                m_server->setNextId(lastId);
            m_server->setCommitGate(on);
        },
        Qt::BlockingQueuedConnection);
}

void ServerHost::setSessionPath(const QString &path)
{
    QMetaObject::invokeMethod(
        m_server, [this, path] { m_server->setSessionPath(path); }, Qt::QueuedConnection);
}

void ServerHost::setJournalState(const QString &state)
{
    QMetaObject::invokeMethod(
        m_server, [this, state] { m_server->setJournalState(state); }, Qt::QueuedConnection);
}

void ServerHost::committedUpTo(quint64 id)
{
    QMetaObject::invokeMethod(
        m_server, [this, id] { m_server->committedUpTo(id); }, Qt::QueuedConnection);
}

void ServerHost::setCaptureSink(std::function<void(const CapturedRequest &)> sink)
{
    QMetaObject::invokeMethod(
        m_server, [this, sink] { m_server->setCaptureSink(sink); }, Qt::BlockingQueuedConnection);
}

void ServerHost::resetCounters()
{
    QMetaObject::invokeMethod(
        m_server, [this] { m_server->resetCounters(); }, Qt::BlockingQueuedConnection);
}

} // namespace cbi
