// SPDX-License-Identifier: MIT
#include "cli/commandline.h"
#include "verdict/profile.h"

#include <QTest>

using namespace cbi;
using namespace Qt::StringLiterals;

static CommandLine parse(QStringList args)
{
    args.prepend(u"callback-inspector"_s);
    return CommandLine::parse(args);
}

class TestCommandLine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaults()
    {
        const CommandLine cmd = parse({u"serve"_s});
        QCOMPARE(cmd.mode, CommandLine::Mode::Serve);
        QCOMPARE(cmd.serve.server.address, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(cmd.serve.server.port, 10006);
        QCOMPARE(cmd.serve.server.basePath, u"/callbackExample"_s);
        QCOMPARE(cmd.serve.server.maxBodyBytes, 16 * 1024 * 1024);
        QVERIFY(!cmd.serve.jsonl);
        QCOMPARE(parse({}).mode, CommandLine::Mode::Gui);
    }

    void options()
    {
        const CommandLine cmd = parse({u"serve"_s, u"--listen"_s, u"[::1]:0"_s, u"--base-path"_s, u"/hooks"_s,
            u"--max-body"_s, u"1M"_s, u"--jsonl"_s, u"--delay"_s, u"250"_s});
        QCOMPARE(cmd.mode, CommandLine::Mode::Serve);
        QCOMPARE(cmd.serve.server.address, QHostAddress(QHostAddress::LocalHostIPv6));
        QCOMPARE(cmd.serve.server.port, 0);
        QCOMPARE(cmd.serve.server.basePath, u"/hooks"_s);
        QCOMPARE(cmd.serve.server.maxBodyBytes, 1024 * 1024);
        QCOMPARE(cmd.serve.delayMs, 250);
        QVERIFY(cmd.serve.jsonl);
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown command") << QStringList {u"serv"_s} << u"serv"_s;
        QTest::newRow("unknown option") << QStringList {u"serve"_s, u"--lisen"_s, u"x"_s} << u"lisen"_s;
        QTest::newRow("port out of range")
            << QStringList {u"serve"_s, u"--listen"_s, u"127.0.0.1:70000"_s} << u"70000"_s;
        QTest::newRow("host name") << QStringList {u"serve"_s, u"--listen"_s, u"example.com:80"_s}
                                   << u"example.com"_s;
        QTest::newRow("no port") << QStringList {u"serve"_s, u"--listen"_s, u"127.0.0.1"_s} << u"127.0.0.1"_s;
        QTest::newRow("bad size") << QStringList {u"serve"_s, u"--max-body"_s, u"lots"_s} << u"lots"_s;
        QTest::newRow("bad delay") << QStringList {u"serve"_s, u"--delay"_s, u"-3"_s} << u"-3"_s;
        // Reliability report 5.12 and 2.8: overflowing values wrapped, a base path hid the API.
        QTest::newRow("idle overflow")
            << QStringList {u"serve"_s, u"--idle-timeout"_s, u"2147484"_s} << u"2147484"_s;
        QTest::newRow("idle overflow 2")
            << QStringList {u"serve"_s, u"--idle-timeout"_s, u"4294968"_s} << u"4294968"_s;
        QTest::newRow("size overflow")
            << QStringList {u"serve"_s, u"--max-body"_s, u"17179869184G"_s} << u"17179869184G"_s;
        // Report 3.5: a 1 GB capture does not fit a session row; with a session the limit is 128M.
        QTest::newRow("body too large for a session")
            << QStringList {u"serve"_s, u"--session"_s, u"s.db"_s, u"--max-body"_s, u"1100M"_s} << u"128M"_s;
        QTest::newRow("api base path")
            << QStringList {u"serve"_s, u"--base-path"_s, u"/__inspector/v1"_s} << u"/__inspector/"_s;
        QTest::newRow("api base path 2")
            << QStringList {u"serve"_s, u"--base-path"_s, u"/__inspector"_s} << u"/__inspector/"_s;
        QTest::newRow("relative base path")
            << QStringList {u"serve"_s, u"--base-path"_s, u"noslash"_s} << u"noslash"_s;
        QTest::newRow("space in base path")
            << QStringList {u"serve"_s, u"--base-path"_s, u"/a b"_s} << u"/a b"_s;
        QTest::newRow("query in base path")
            << QStringList {u"serve"_s, u"--base-path"_s, u"/x?y"_s} << u"/x?y"_s;
    }

    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const CommandLine cmd = parse(args);
        QCOMPARE(cmd.mode, CommandLine::Mode::Error);
        QVERIFY2(cmd.message.contains(mentions), qPrintable(cmd.message));
    }

    void sizes()
    {
        QCOMPARE(CommandLine::parseSize(u"16M"_s), 16 * 1024 * 1024);
        QCOMPARE(CommandLine::parseSize(u"512k"_s), 512 * 1024);
        QCOMPARE(CommandLine::parseSize(u"1G"_s), qint64(1024) * 1024 * 1024);
        QCOMPARE(CommandLine::parseSize(u"100"_s), 100);
        QCOMPARE(CommandLine::parseSize(u"x"_s), -1);
        QCOMPARE(CommandLine::parseSize(u"8589934592G"_s), -1);
    }

    // send took seconds and run milliseconds for the same --timeout: a unit makes it one option;
    // a bare number keeps its old meaning.
    void exportMasksSecretsUnlessTold()
    {
        QVERIFY(parse({u"export"_s, u"s.db"_s, u"-o"_s, u"x.json"_s}).transfer.maskSecrets);
        QVERIFY(!parse({u"export"_s, u"s.db"_s, u"-o"_s, u"x.json"_s, u"--no-mask-secrets"_s})
                     .transfer.maskSecrets);
    }

    void timeoutsTakeUnits()
    {
        QCOMPARE(
            parse({u"send"_s, u"--to"_s, u"http://x"_s, u"--command"_s, u"all"_s, u"--timeout"_s, u"7s"_s})
                .sendTimeoutSeconds,
            7);
        QCOMPARE(parse({u"send"_s, u"--to"_s, u"http://x"_s, u"--command"_s, u"all"_s, u"--timeout"_s,
                           u"7000ms"_s})
                     .sendTimeoutSeconds,
            7);
        QCOMPARE(
            parse({u"send"_s, u"--to"_s, u"http://x"_s, u"--command"_s, u"all"_s, u"--timeout"_s, u"7"_s})
                .sendTimeoutSeconds,
            7);
        QCOMPARE(parse({u"run"_s, u"s.json"_s, u"--timeout"_s, u"7s"_s}).run.timeoutMs, 7000);
        QCOMPARE(parse({u"run"_s, u"s.json"_s, u"--timeout"_s, u"7000"_s}).run.timeoutMs, 7000);
        QCOMPARE(parse({u"run"_s, u"s.json"_s}).run.timeoutMs, 60000);
        QCOMPARE(parse({u"send"_s, u"--to"_s, u"http://x"_s, u"--command"_s, u"all"_s, u"--timeout"_s,
                           u"1500ms"_s})
                     .mode,
            CommandLine::Mode::Error);
    }

    void tokenAndHostsReachTheServer()
    {
        const CommandLine cmd = parse({u"serve"_s, u"--token"_s, u"MySecretToken123"_s, u"--allow-host"_s,
            u"box"_s, u"--allow-host"_s, u"box.lan"_s});
        QCOMPARE(cmd.mode, CommandLine::Mode::Serve);
        QCOMPARE(cmd.serve.server.controlToken, u"MySecretToken123"_s);
        QCOMPARE(cmd.serve.server.allowedHosts, QStringList({u"box"_s, u"box.lan"_s}));
        QCOMPARE(parse({u"serve"_s, u"--base-path"_s, u""_s}).mode, CommandLine::Mode::Serve);
    }

    void profiles()
    {
        QCOMPARE(defaultProfile, Profile::V3_8_2);
        // v3.8.4 stays a name of main: scenario files and scripts written before the 3.8 split use it.
        const CommandLine alias = parse({u"serve"_s, u"--profile"_s, u"v3.8.4"_s});
        QCOMPARE(alias.mode, CommandLine::Mode::Serve);
        QCOMPARE(profileFromName(alias.serve.profile), Profile::Main);
        QCOMPARE(profileName(Profile::Main), u"main"_s);
        QVERIFY(!profileNames().contains(u"v3.8.4"_s));
        for (const auto &name : profileNames())
            QCOMPARE(
                parse({u"send"_s, u"--to"_s, u"http://x"_s, u"--command"_s, u"all"_s, u"--profile"_s, name})
                    .mode,
                CommandLine::Mode::Send);
        QCOMPARE(parse({u"serve"_s, u"--profile"_s, u"v3.8.3"_s}).mode, CommandLine::Mode::Error);
        const QString help = parse({u"--help"_s}).message.simplified(); // the help wraps long lines
        QVERIFY2(help.contains(u"v3.8.2 (v3.8.2 - v3.8.3-patch.x)"_s), qPrintable(help));
        QVERIFY2(help.contains(u"v3.7 (v3.7.0 - v3.7.1)"_s), qPrintable(help));
        QVERIFY2(help.contains(u"default v3.8.2"_s), qPrintable(help));
    }

    void help()
    {
        const CommandLine cmd = parse({u"--help"_s});
        QCOMPARE(cmd.mode, CommandLine::Mode::Help);
        QVERIFY(cmd.message.contains(u"--listen"_s));
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
