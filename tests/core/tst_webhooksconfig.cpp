// SPDX-License-Identifier: MIT
// OpenIM's webhooks configuration: the sample webhooks.yml of the OpenIM facts, older layouts, broken
// files, drift against captures, and generated files that read back.
#include "catalogue/catalogue.h"
#include "integration/webhooksconfig.h"

#include <QFile>
#include <QTemporaryFile>
#include <QTest>

using namespace cbi;
using namespace Qt::StringLiterals;

static QStringList codes(const QList<CaptureWarning> &warnings)
{
    QStringList out;
    for (const auto &w : warnings)
        out.append(w.code);
    return out;
}

class TestWebhooksConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sampleConfig()
    {
        const QString path = QStringLiteral(CBI_SHARED_OPENIM) + u"/webhooks.yml"_s;
        QString error;
        const auto config = WebhooksConfig::load(path, &error);
        QVERIFY2(config, qPrintable(error));
        QCOMPARE(config->url, u"http://127.0.0.1:10006/callbackExample"_s);
        QCOMPARE(config->layout, WebhooksConfig::Layout::Newest);
        QCOMPARE(config->entries.size(), 53); // every config key, afterGroupMsgRevoke included
        int known = 0;
        for (const auto &e : config->entries)
            known += e.command.isEmpty() ? 0 : 1;
        QCOMPARE(known, 52);
        QVERIFY(config->enabledCommands().contains(u"callbackBeforeSendSingleMsgCommand"_s));
        Scenario scenario;
        config->applyTo(&scenario);
        QCOMPARE(scenario.timeoutSecondsFor(u"callbackBeforeMsgModifyCommand"_s), 3);
        QVERIFY(!codes(config->mistakes).contains(u"webhooks-unknown-key"_s));
    }

    void olderLayoutsAndMistakes()
    {
        QString error;
        auto config = WebhooksConfig::load(QStringLiteral(CBI_TEST_DATA) + u"/webhooks-v37.yml"_s, &error);
        QVERIFY2(config, qPrintable(error));
        QCOMPARE(config->layout, WebhooksConfig::Layout::V37);
        QCOMPARE(codes(config->mistakes),
            (QStringList {u"webhooks-timeout-capped"_s, u"webhooks-unknown-key"_s, u"webhooks-url-slash"_s,
                u"webhooks-failed-continue-ignored"_s}));
        for (const auto &m : config->mistakes)
            QVERIFY2(!m.text(false).contains(u"%"_s), qPrintable(m.text(false)));

        config = WebhooksConfig::load(QStringLiteral(CBI_TEST_DATA) + u"/config-v34.yaml"_s, &error);
        QVERIFY2(config, qPrintable(error));
        QCOMPARE(config->layout, WebhooksConfig::Layout::Legacy);
        QCOMPARE(config->enabledCommands(),
            (QStringList {u"callbackBeforeSendSingleMsgCommand"_s, u"callbackBeforeMsgModifyCommand"_s}));
        Scenario scenario;
        config->applyTo(&scenario);
        QCOMPARE(scenario.timeoutSecondsFor(u"callbackBeforeSendSingleMsgCommand"_s), 2);
        QVERIFY(!scenario.failedContinue); // honoured by those versions
    }

    // Reliability report 4.2.1: merge keys, as Go's YAML decoder (and so OpenIM) reads them.
    void mergeKeys()
    {
        QString error;
        const auto config = WebhooksConfig::parse("defaults: &d\n  enable: true\n  timeout: 3\n"
                                                  "url: http://127.0.0.1:10006/callbackExample\n"
                                                  "beforeSendSingleMsg:\n  <<: *d\n  timeout: 7\n"
                                                  "afterSendSingleMsg:\n  <<: [*d]\n",
            &error);
        QVERIFY2(config, qPrintable(error));
        int seen = 0;
        for (const auto &e : config->entries) {
            if (e.key == u"beforeSendSingleMsg"_s) {
                QVERIFY(e.enable);
                QCOMPARE(e.timeout, 7); // its own key wins
                ++seen;
            } else if (e.key == u"afterSendSingleMsg"_s) {
                QVERIFY(e.enable);
                QCOMPARE(e.timeout, 3);
                ++seen;
            }
        }
        QCOMPARE(seen, 2);
    }

    void brokenFilesSayWhere()
    {
        QString error;
        QVERIFY(!WebhooksConfig::load(QStringLiteral(CBI_TEST_DATA) + u"/broken.yml"_s, &error));
        QVERIFY2(error.contains(u"line 4"_s), qPrintable(error));
        QVERIFY(!WebhooksConfig::parse("beforeSendSingleMsg:\n  enable: true\n", &error));
        QVERIFY2(error.contains(u"no url"_s), qPrintable(error));
        QVERIFY(!WebhooksConfig::parse("- a\n- b\n", &error));
        QVERIFY(!WebhooksConfig::load(u"/nonexistent/webhooks.yml"_s, &error));
        // Reliability report 4.2.3: a 100 MB file took 47 s and 6.7 GB; anything over 4 MiB is refused.
        QTemporaryFile huge;
        QVERIFY(huge.open());
        const QByteArray section = "beforeSendSingleMsg:\n  enable: true\n  timeout: 5\n";
        for (int i = 0; i < (5 << 20) / section.size(); ++i)
            huge.write(section);
        huge.close();
        QVERIFY(!WebhooksConfig::load(huge.fileName(), &error));
        QVERIFY2(error.contains(u"4 MiB"_s), qPrintable(error));
    }

    void fuzzRegressions()
    {
        // Inputs the fuzzer found crashing (tests/data/fuzz-regressions): they must give an answer, not
        // abort.
        QFile file(QStringLiteral(CBI_TEST_DATA) + u"/fuzz-regressions/webhooks-complex-key"_s);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QString error;
        WebhooksConfig::parse(file.readAll().mid(2), &error); // the first two bytes steer the fuzzer
        QVERIFY(
            !WebhooksConfig::parse("url: http://x/cb\n? [a, b]\n: {enable: true}\n", &error)->entries.size());
    }

    void drift()
    {
        QString error;
        const auto config = WebhooksConfig::parse(
            "url: http://x/cb\nbeforeSendSingleMsg:\n  enable: true\nafterSendSingleMsg:\n  enable: true\n"
            "beforeSendGroupMsg:\n  enable: false\n",
            &error);
        QVERIFY2(config, qPrintable(error));
        CapturedRequest single;
        single.command = single.canonicalCommand = u"callbackBeforeSendSingleMsgCommand"_s;
        CapturedRequest group;
        group.command = group.canonicalCommand = u"callbackBeforeSendGroupMsgCommand"_s;
        const auto d = config->compare({single, group});
        QCOMPARE(d.enabledButSilent, QStringList {u"callbackAfterSendSingleMsgCommand"_s});
        QCOMPARE(d.arrivedButDisabled, QStringList {u"callbackBeforeSendGroupMsgCommand"_s});
    }

    void generatedFilesReadBack()
    {
        const QStringList chosen = {
            u"callbackBeforeSendSingleMsgCommand"_s, u"callbackAfterUserOnlineCommand"_s};
        QString error;
        const auto config =
            WebhooksConfig::parse(WebhooksConfig::generate(u"http://127.0.0.1:10006/callbackExample"_s,
                                      chosen, 4, false, Profile::Main),
                &error);
        QVERIFY2(config, qPrintable(error));
        QCOMPARE(config->enabledCommands(), chosen);
        QCOMPARE(config->entries.size(), 52);
        // By default the keys of v3.8.2, which most users run; tst_webhooksversioncheck has every version.
        QCOMPARE(WebhooksConfig::parse(WebhooksConfig::generate(u"http://h/cb"_s, chosen, 4, false), &error)
                     ->entries.size(),
            47);
        QVERIFY(config->mistakes.isEmpty());
        const QByteArray env = WebhooksConfig::generate(u"http://h/cb"_s, chosen, 4, true);
        QVERIFY(env.startsWith("IMENV_WEBHOOKS_URL=http://h/cb\n"));
        QVERIFY(env.contains("IMENV_WEBHOOKS_BEFORESENDSINGLEMSG_ENABLE=true\nIMENV_WEBHOOKS_"
                             "BEFORESENDSINGLEMSG_TIMEOUT=4\n"));
        QVERIFY(env.contains("IMENV_WEBHOOKS_AFTERSENDGROUPMSG_ENABLE=false\n"));
    }
};

QTEST_GUILESS_MAIN(TestWebhooksConfig)
#include "tst_webhooksconfig.moc"
