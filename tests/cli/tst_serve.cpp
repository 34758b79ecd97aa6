// SPDX-License-Identifier: MIT
// Runs `callback-inspector serve` as a user would, with no display, and talks to it over TCP.
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

class TestServe : public QObject
{
    Q_OBJECT

    static QProcessEnvironment noDisplay()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"DISPLAY"_s);
        env.remove(u"WAYLAND_DISPLAY"_s);
        env.remove(u"QT_QPA_PLATFORM"_s);
        env.insert(u"LC_ALL"_s, u"C"_s);
        return env;
    }

    // Starts the binary and returns the port from its "listening on" line (0 on failure).
    static quint16 start(QProcess &process, const QStringList &args, QByteArray *stderrSoFar = nullptr)
    {
        process.setProcessEnvironment(noDisplay());
        process.start(QStringLiteral(CBI_BINARY), args);
        if (!process.waitForStarted(5000))
            return 0;
        QByteArray err;
        process.setReadChannel(QProcess::StandardError);
        static const QRegularExpression listening(u"listening on http://[^ ]+:(\\d+)"_s);
        for (int i = 0; i < 50; ++i) {
            process.waitForReadyRead(100);
            err += process.readAllStandardError();
            const auto m = listening.match(QString::fromUtf8(err));
            if (m.hasMatch()) {
                process.setReadChannel(QProcess::StandardOutput);
                if (stderrSoFar)
                    *stderrSoFar = err;
                return quint16(m.captured(1).toUInt());
            }
        }
        qWarning("no listening line: %s", err.constData());
        return 0;
    }

private Q_SLOTS:
    void serveCapturesAsJsonLines()
    {
        QProcess process;
        const quint16 port = start(process, {u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--jsonl"_s});
        QVERIFY(port != 0);

        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(socket.waitForConnected(2000));
        const QByteArray body =
            R"({"sendID":"u1","recvID":"u2","callbackCommand":"callbackBeforeSendSingleMsgCommand"})";
        socket.write("POST /callbackExample/callbackBeforeSendSingleMsgCommand HTTP/1.1\r\nHost: x\r\n"
                     "operationID: op-cli\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QVERIFY(socket.waitForReadyRead(3000));
        const QByteArray reply = socket.readAll();
        QVERIFY(reply.startsWith("HTTP/1.1 200 OK"));
        QVERIFY(reply.endsWith(R"({"actionCode":0,"errCode":0,"errMsg":"","errDlt":"","nextCode":0})"));

        QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 3000);
        const QJsonObject line = QJsonDocument::fromJson(process.readLine()).object();
        QCOMPARE(line.value(u"command"_s).toString(), u"callbackBeforeSendSingleMsgCommand"_s);
        QCOMPARE(line.value(u"urlStyle"_s).toString(), u"path"_s);
        QCOMPARE(line.value(u"operationID"_s).toString(), u"op-cli"_s);
        QCOMPARE(line.value(u"method"_s).toString(), u"POST"_s);
        QCOMPARE(line.value(u"path"_s).toString(), u"/callbackExample/callbackBeforeSendSingleMsgCommand"_s);
        QCOMPARE(line.value(u"body"_s).toString().toUtf8(), body);
        QVERIFY(line.value(u"id"_s).toInt() > 0);
        QVERIFY(!line.value(u"time"_s).toString().isEmpty());
        QVERIFY(line.value(u"headers"_s).isArray());
        QVERIFY(line.contains(u"query"_s));
        const QJsonObject response = line.value(u"response"_s).toObject();
        QCOMPARE(response.value(u"status"_s).toInt(), 200);
        QCOMPARE(response.value(u"delayMs"_s).toInt(-1), 0);
        QVERIFY(response.value(u"body"_s).toString().contains(u"actionCode"_s));

        // SIGTERM stops it cleanly.
        ::kill(pid_t(process.processId()), SIGTERM);
        QVERIFY(process.waitForFinished(5000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
    }

    void noCommandWithoutDisplayServesHeadless()
    {
        QProcess process;
        QByteArray err;
        const quint16 port =
            start(process, {u"--listen"_s, u"127.0.0.1:0"_s, u"--exit-after"_s, u"3000"_s}, &err);
        QVERIFY(port != 0);
        ::kill(pid_t(process.processId()), SIGINT);
        QVERIFY(process.waitForFinished(5000));
        QCOMPARE(process.exitCode(), 0);
        QVERIFY2(err.contains("No display"), err.constData());
    }

    void busyPortFailsWithCode3()
    {
        QProcess first;
        const quint16 port = start(first, {u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s});
        QVERIFY(port != 0);
        QProcess second;
        second.setProcessEnvironment(noDisplay());
        second.start(QStringLiteral(CBI_BINARY), {u"serve"_s, u"--listen"_s, u"127.0.0.1:%1"_s.arg(port)});
        QVERIFY(second.waitForFinished(5000));
        QCOMPARE(second.exitCode(), 3);
        QVERIFY(second.readAllStandardError().contains("cannot listen"));
        first.kill();
        first.waitForFinished();
    }

    void badOptionFailsWithCode2()
    {
        QProcess process;
        process.setProcessEnvironment(noDisplay());
        process.start(QStringLiteral(CBI_BINARY), {u"serve"_s, u"--listen"_s, u"nowhere"_s});
        QVERIFY(process.waitForFinished(5000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(process.readAllStandardError().contains("--listen"));
    }

    void scenarioBlocksAndReportsTheVerdict()
    {
        QProcess process;
        const quint16 port = start(process,
            {u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--jsonl"_s, u"--scenario"_s,
                QStringLiteral(CBI_SCENARIO_DIR) + u"/sensitive-word-block.json"_s});
        QVERIFY(port != 0);
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(socket.waitForConnected(2000));
        const QByteArray body =
            "{\"sendID\":\"u1\",\"recvID\":\"u2\",\"callbackCommand\":"
            "\"callbackBeforeSendSingleMsgCommand\",\"content\":\"{\\\"content\\\":\\\"win at the "
            "Casino\\\"}\"}";
        socket.write("POST /callbackExample/callbackBeforeSendSingleMsgCommand HTTP/1.1\r\nHost: x\r\n"
                     "Content-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QVERIFY(socket.waitForReadyRead(3000));
        QVERIFY(socket.readAll().contains("\"nextCode\":1"));
        QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 3000);
        const QJsonObject line = QJsonDocument::fromJson(process.readLine()).object();
        const QJsonObject verdict = line.value(u"verdict"_s).toObject();
        QCOMPARE(verdict.value(u"outcome"_s).toString(), u"blocked"_s);
        QCOMPARE(verdict.value(u"errCode"_s).toInt(), 5001);
        QVERIFY(verdict.value(u"modifiedFields"_s).isArray());
        QVERIFY(!verdict.value(u"reason"_s).toString().isEmpty());
        QCOMPARE(line.value(u"rule"_s).toString(), u"banned word in a message"_s);
        process.kill();
        process.waitForFinished();
    }

    void brokenScenarioFailsWithCode4()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"broken.json"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"scenario\": 1,\n \"rules\": [{\"command\": \"*\", \"respond\": {\"delay\": "
                   "{\"fixed\": -5}}}]}");
        file.close();
        QProcess process;
        process.setProcessEnvironment(noDisplay());
        process.start(
            QStringLiteral(CBI_BINARY), {u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--scenario"_s, path});
        QVERIFY(process.waitForFinished(5000));
        QCOMPARE(process.exitCode(), 4);
        const QByteArray err = process.readAllStandardError();
        QVERIFY2(err.contains("$.rules[0].respond.delay.fixed"), err.constData());
        QVERIFY(!err.contains("listening on"));
    }

    void runChecksExpectationsAndWritesJUnit_data()
    {
        QTest::addColumn<QString>("driver");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<int>("failures");
        const QString banned = u"curl -s -X POST \"$CBI_URL/callbackBeforeSendSingleMsgCommand\" -d "
                               "'{\"callbackCommand\":\"callbackBeforeSendSingleMsgCommand\",\"content\":"
                               "\"{\\\"content\\\":\\\"casino\\\"}\"}' | grep -q '\"nextCode\":1'"_s;
        const QString after =
            u"curl -s -X POST \"$CBI_URL/callbackAfterSendSingleMsgCommand\" -d '{}' >/dev/null"_s;
        QTest::newRow("all expectations met") << banned + u" && "_s + after << 0 << 0;
        QTest::newRow("the blocked message never came") << after << 1 << 2; // and so the order check fails
        QTest::newRow("the driver fails") << u"exit 3"_s << 1 << 3;
    }

    void runChecksExpectationsAndWritesJUnit()
    {
        QFETCH(QString, driver);
        QFETCH(int, exitCode);
        QFETCH(int, failures);
        if (QStandardPaths::findExecutable(u"curl"_s).isEmpty())
            QSKIP("curl is not installed");
        QTemporaryDir dir;
        const QString junit = dir.filePath(u"report.xml"_s);
        QProcess process;
        process.setProcessEnvironment(noDisplay());
        process.start(QStringLiteral(CBI_BINARY),
            {u"run"_s, QStringLiteral(CBI_SCENARIO_DIR) + u"/sensitive-word-block.json"_s, u"--listen"_s,
                u"127.0.0.1:0"_s, u"--exec"_s, driver, u"--junit"_s, junit, u"--timeout"_s, u"10000"_s});
        QVERIFY(process.waitForFinished(15000));
        const QByteArray err = process.readAllStandardError();
        QCOMPARE(process.exitCode(), exitCode);
        QVERIFY2(err.contains(QByteArray(QByteArray::number(failures) + " failed")), err.constData());
        QFile report(junit);
        QVERIFY(report.open(QIODevice::ReadOnly));
        const QByteArray xml = report.readAll();
        QVERIFY(xml.contains("<testsuite name=\"Sensitive-word block\""));
        QCOMPARE(int(xml.count("<failure")), failures);
    }

    void killNineLosesNoAnsweredCapture()
    {
        QTemporaryDir dir;
        const QString session = dir.filePath(u"crash.db"_s);
        QProcess process;
        const quint16 port =
            start(process, {u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--session"_s, session});
        QVERIFY(port != 0);
        // Several keep-alive connections, answered replies counted as the client sees them.
        QList<QTcpSocket *> sockets;
        for (int i = 0; i < 4; ++i) {
            auto *s = new QTcpSocket(this);
            s->connectToHost(QHostAddress::LocalHost, port);
            QVERIFY(s->waitForConnected(2000));
            sockets.append(s);
        }
        int answered = 0;
        const QByteArray request =
            "POST /callbackExample/callbackBeforeSendSingleMsgCommand HTTP/1.1\r\nHost: x\r\n"
            "Content-Length: 2\r\n\r\n{}";
        for (int round = 0; round < 60; ++round) {
            for (auto *s : sockets)
                s->write(request);
            for (auto *s : sockets) {
                QByteArray buffer;
                while (!buffer.contains("nextCode") && s->waitForReadyRead(3000))
                    buffer += s->readAll();
                answered += int(buffer.count("HTTP/1.1 200"));
            }
        }
        // In flight when the process dies: not answered, so not counted.
        for (auto *s : sockets)
            s->write(request);
        ::kill(pid_t(process.processId()), SIGKILL);
        QVERIFY(process.waitForFinished(5000));
        qDeleteAll(sockets);

        QProcess exporter;
        exporter.setProcessEnvironment(noDisplay());
        exporter.start(
            QStringLiteral(CBI_BINARY), {u"export"_s, session, u"--format"_s, u"ndjson"_s, u"-o"_s, u"-"_s});
        QVERIFY(exporter.waitForFinished(10000));
        QCOMPARE(exporter.exitCode(), 0);
        const int journaled = int(exporter.readAllStandardOutput().count('\n'));
        QCOMPARE(answered, 240);
        QVERIFY2(
            journaled >= answered, qPrintable(u"answered %1, journaled %2"_s.arg(answered).arg(journaled)));
    }

    void exportAndImport()
    {
        QTemporaryDir dir;
        const QString session = dir.filePath(u"s.db"_s);
        QProcess process;
        const quint16 port =
            start(process, {u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--session"_s, session});
        QVERIFY(port != 0);
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(socket.waitForConnected(2000));
        for (const QByteArray command :
            {"callbackBeforeSendSingleMsgCommand", "callbackAfterSendSingleMsgCommand"}) {
            socket.write(
                "POST /callbackExample/" + command + " HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}");
            QVERIFY(socket.waitForReadyRead(3000));
            socket.readAll();
        }
        ::kill(pid_t(process.processId()), SIGTERM);
        QVERIFY(process.waitForFinished(5000));

        auto run = [this](const QStringList &args, QByteArray *err = nullptr) {
            QProcess p;
            p.setProcessEnvironment(noDisplay());
            p.start(QStringLiteral(CBI_BINARY), args);
            p.waitForFinished(10000);
            if (err)
                *err = p.readAllStandardError();
            return p.exitCode();
        };
        for (const QString format : {u"har"_s, u"json"_s, u"ndjson"_s, u"csv"_s, u"curl"_s}) {
            const QString out = dir.filePath(u"out."_s + format);
            QCOMPARE(run({u"export"_s, session, u"--format"_s, format, u"-o"_s, out}), 0);
            QVERIFY(QFileInfo(out).size() > 0);
        }
        QByteArray err;
        QCOMPARE(run({u"export"_s, session, u"--format"_s, u"ndjson"_s, u"--command"_s,
                         u"callbackAfterSendSingleMsgCommand"_s, u"-o"_s, dir.filePath(u"after.ndjson"_s)},
                     &err),
            0);
        QVERIFY2(err.contains("exported 1 capture"), err.constData());
        QCOMPARE(run({u"export"_s, session, u"--format"_s, u"xml"_s, u"-o"_s, dir.filePath(u"x"_s)}), 2);
        QCOMPARE(run({u"export"_s, dir.filePath(u"missing.db"_s), u"--format"_s, u"json"_s, u"-o"_s,
                         dir.filePath(u"x"_s)},
                     &err),
            5);
        QVERIFY(!QFileInfo::exists(dir.filePath(u"x"_s))); // nothing half-written

        // Replay capture 1 to a business server (here: another inspector).
        QProcess business;
        const quint16 bizPort = start(business, {u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--jsonl"_s});
        QVERIFY(bizPort != 0);
        {
            QProcess replay;
            replay.setProcessEnvironment(noDisplay());
            replay.start(QStringLiteral(CBI_BINARY),
                {u"send"_s, u"--to"_s, u"http://127.0.0.1:%1/callbackExample"_s.arg(bizPort), u"--replay"_s,
                    session, u"--id"_s, u"1"_s});
            QVERIFY(replay.waitForFinished(10000));
            QCOMPARE(replay.exitCode(), 0);
            const QJsonObject result = QJsonDocument::fromJson(replay.readAllStandardOutput()).object();
            QCOMPARE(result.value(u"replayOf"_s).toInt(), 1);
            QCOMPARE(result.value(u"reply"_s).toObject().value(u"status"_s).toInt(), 200);
            QCOMPARE(run({u"send"_s, u"--to"_s, u"http://127.0.0.1:1/x"_s, u"--replay"_s, session, u"--id"_s,
                         u"99"_s}),
                5);
        }
        QTRY_VERIFY_WITH_TIMEOUT(business.canReadLine(), 3000);
        QCOMPARE(QJsonDocument::fromJson(business.readLine()).object().value(u"command"_s).toString(),
            u"callbackBeforeSendSingleMsgCommand"_s);
        business.kill();
        business.waitForFinished();

        // The HAR goes back into a new session, verdicts recomputed under another profile.
        const QString imported = dir.filePath(u"imported.db"_s);
        QCOMPARE(run({u"import"_s, dir.filePath(u"out.har"_s), u"--session"_s, imported, u"--profile"_s,
                         u"v3.6"_s},
                     &err),
            0);
        QVERIFY2(err.contains("imported 2 capture"), err.constData());
        QCOMPARE(
            run({u"export"_s, imported, u"--format"_s, u"json"_s, u"-o"_s, dir.filePath(u"back.json"_s)}), 0);
        QFile back(dir.filePath(u"back.json"_s));
        QVERIFY(back.open(QIODevice::ReadOnly));
        const QJsonArray captures =
            QJsonDocument::fromJson(back.readAll()).object().value(u"captures"_s).toArray();
        QCOMPARE(captures.size(), 2);
        QCOMPARE(captures.at(1).toObject().value(u"verdict"_s).toObject().value(u"reason"_s).toString(),
            u"After-callback: OpenIM ignores the reply but waits for it (synchronous before v3.7)"_s);
    }

    void simulatorActsAsOpenIM()
    {
        QProcess server;
        const quint16 port = start(server,
            {u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--jsonl"_s, u"--scenario"_s,
                QStringLiteral(CBI_TEST_DATA) + u"/faults.json"_s});
        QVERIFY(port != 0);
        const QString url = u"http://127.0.0.1:%1/callbackExample"_s.arg(port);
        auto send = [&](const QStringList &extra) {
            QProcess p;
            p.setProcessEnvironment(noDisplay());
            p.start(QStringLiteral(CBI_BINARY), QStringList {u"send"_s, u"--to"_s, url} + extra);
            p.waitForFinished(20000);
            return std::make_pair(p.exitCode(), p.readAllStandardOutput());
        };
        auto verdictOf = [&](const QString &command, const QStringList &extra = {}) {
            const auto [code, out] = send(QStringList {u"--command"_s, command} + extra);
            return code == 0 ? QJsonDocument::fromJson(out).object().value(u"verdict"_s).toObject()
                             : QJsonObject();
        };
        QJsonObject v = verdictOf(u"callbackBeforeSendSingleMsgCommand"_s);
        QCOMPARE(v.value(u"outcome"_s).toString(), u"blocked"_s);
        QCOMPARE(v.value(u"errCode"_s).toInt(), 5001);
        v = verdictOf(u"callbackBeforeSendGroupMsgCommand"_s);
        QCOMPARE(v.value(u"errCode"_s).toInt(), 90004); // reset
        v = verdictOf(u"callbackBeforeMsgModifyCommand"_s);
        QCOMPARE(v.value(u"errCode"_s).toInt(), 90007); // "nextCode": ""
        v = verdictOf(u"callbackBeforeOnlinePushCommand"_s);
        QCOMPARE(v.value(u"errCode"_s).toInt(), 90004); // truncated body
        QElapsedTimer timer;
        timer.start();
        v = verdictOf(u"callbackBeforeOfflinePushCommand"_s, {u"--timeout"_s, u"1"_s});
        QCOMPARE(v.value(u"errCode"_s).toInt(), 90004); // 3 s reply, 1 s timeout
        QVERIFY(timer.elapsed() < 2900);
        v = verdictOf(u"callbackBeforeSendSingleMsgCommand"_s, {u"--profile"_s, u"v3.6"_s});
        QCOMPARE(v.value(u"outcome"_s).toString(), u"continue"_s); // v3.6 cannot deny

        // Every URL style, as the inspector's own detection sees it.
        send({u"--command"_s, u"callbackAfterUserOnlineCommand"_s, u"--profile"_s, u"v3.0"_s});
        send({u"--command"_s, u"callbackAfterUserOnlineCommand"_s, u"--profile"_s, u"v2"_s});
        QStringList styles;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                while (server.canReadLine())
                    styles.append(
                        QJsonDocument::fromJson(server.readLine()).object().value(u"urlStyle"_s).toString());
                return styles.size() >= 8;
            }(),
            5000);
        QVERIFY2(styles.mid(6) == (QStringList {u"query"_s, u"body"_s}), qPrintable(styles.join(u","_s)));

        // The smoke test of a whole business server: every command the default version (v3.8.2) sends:
        // 47 less afterUserKickOff (never sent); send_profiles.py checks each profile.
        const auto [code, out] = send({u"--command"_s, u"all"_s, u"--timeout"_s, u"1"_s});
        QCOMPARE(code, 0);
        QCOMPARE(int(out.count('\n')), 46);
        QCOMPARE(send({u"--command"_s, u"x"_s}).first, 2); // unknown command, no body: a usage error
        server.kill();
        server.waitForFinished();
    }

    void nonLoopbackWarns()
    {
        QProcess process;
        QByteArray err;
        const quint16 port =
            start(process, {u"serve"_s, u"--listen"_s, u"0.0.0.0:0"_s, u"--exit-after"_s, u"300"_s}, &err);
        QVERIFY(port != 0);
        QVERIFY(process.waitForFinished(5000));
        QVERIFY2(err.contains("not a loopback"), err.constData());
    }
};

QTEST_GUILESS_MAIN(TestServe)
#include "tst_serve.moc"
