// SPDX-License-Identifier: MIT
#include "captureserver.h"

#include "callbackpipeline.h"
#include "capture/capturestore.h"
#include "control/controlapi.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace cbi {

CaptureServer::CaptureServer(CaptureStore *store, QObject *parent)
    : QObject(parent)
    , m_state(store)
    , m_control(new ControlApi(store, &m_state.engine, this))
{
    m_state.control = m_control;
    m_state.context = this;
    m_state.held = [this](quint64 id, const CapturedRequest &c, int timeoutMs) {
        Q_EMIT callbackHeld(id, c, timeoutMs);
    };
    m_state.holdEnded = [this](quint64 id) { Q_EMIT holdEnded(id); };
    connect(m_control, &ControlApi::scenarioChanged, this, [this](const Scenario &scenario) {
        m_scenarioModified = true; // what is served is no longer what was read (or made) before
        Q_EMIT scenarioChangedElsewhere(scenario);
    });
    m_control->setStatusProvider([this] {
        return QJsonObject {{QStringLiteral("listening"), isListening()},
            {QStringLiteral("address"), serverAddress().toString()},
            {QStringLiteral("port"), int(serverPort())},
            {QStringLiteral("basePath"), m_state.config.basePath},
            {QStringLiteral("rejected"), qint64(m_state.rejected.load())},
            {QStringLiteral("journal"), m_journalState}, {QStringLiteral("scenarioFile"), m_scenarioFile},
            {QStringLiteral("scenarioModified"), m_scenarioModified}};
    });
}

QString CaptureServer::controlToken() const
{
    return m_control->token();
}

CaptureServer::~CaptureServer()
{
    stop();
}

void CaptureServer::setCommitGate(bool on)
{
    // Only when the gate closes: turned on again (a language switch, another session file), the
    // commit point stays where the journal left it, so nothing still queued for the disk leaves.
    if (on && !m_state.commitGate)
        m_state.committedId = m_state.nextId.load(); // nothing newer is on disk yet
    m_state.commitGate = on;
    if (!on)
        committedUpTo(std::numeric_limits<quint64>::max());
}

void CaptureServer::setSessionPath(const QString &path)
{
    m_control->setSessionPath(path);
}

void CaptureServer::setNextId(quint64 lastId)
{
    if (lastId > m_state.nextId)
        m_state.nextId = lastId;
}

void CaptureServer::committedUpTo(quint64 id)
{
    if (id <= m_state.committedId && id != std::numeric_limits<quint64>::max())
        return;
    m_state.committedId = id;
    if (!m_pipeline || !m_pipeline->listener)
        return;
    for (Connection *conn : m_pipeline->listener->connections())
        conn->flushCommitted();
}

void CaptureServer::setScenario(const Scenario &scenario, const QString &file, bool modified)
{
    m_state.engine.setScenario(scenario);
    m_scenarioFile = file;
    m_scenarioModified = modified;
}

void CaptureServer::setHeldCommands(const QStringList &commands)
{
    m_state.heldCommands = commands;
}

bool CaptureServer::release(quint64 holdId, const std::optional<ReplySent> &reply)
{
    return m_pipeline && m_pipeline->release(holdId, reply);
}

void CaptureServer::setPlanner(ReplyPlanner planner)
{
    m_state.planner = std::move(planner);
}

bool CaptureServer::start(const ServerConfig &config)
{
    stop();
    m_state.config = config;
    m_error.clear();
    m_pipeline = CallbackPipeline::create(&m_state);
    m_pipeline->listener = std::make_unique<Listener>(m_pipeline.get(),
        HttpFramer::Limits {config.maxHeaderBytes, config.maxBodyBytes}, config.idleTimeoutMs);
    Listener *listener = m_pipeline->listener.get();
    listener->setListenBacklogSize(config.listenBacklog);
    if (config.tls() && !listener->setTls(config.tlsCertPath, config.tlsKeyPath, &m_error)) {
        m_pipeline.reset();
        return false;
    }
    if (!listener->listen(config.address, config.port)) {
        m_error = listener->errorString();
        m_pipeline.reset();
        return false;
    }
    listener->takeOverAccepting();
    // Scripts on this machine need no token; anyone else who can reach the port does.
    QString token = config.controlToken;
    if (token.isEmpty() && !listener->serverAddress().isLoopback())
        token = QString::number(QRandomGenerator::system()->generate64(), 16)
            + QString::number(QRandomGenerator::system()->generate64(), 16);
    m_control->setGuard(ControlGuard(token, config.allowedHosts));
    return true;
}

void CaptureServer::stop()
{
    m_pipeline.reset();
}

bool CaptureServer::isListening() const
{
    return m_pipeline && m_pipeline->listener && m_pipeline->listener->isListening();
}

QHostAddress CaptureServer::serverAddress() const
{
    return isListening() ? m_pipeline->listener->serverAddress() : QHostAddress();
}

quint16 CaptureServer::serverPort() const
{
    return isListening() ? m_pipeline->listener->serverPort() : 0;
}

} // namespace cbi
