// SPDX-License-Identifier: MIT
#include "capture/capturestore.h"
#include "dialogs/simulatordialog.h"
#include "rules/scenario.h"
#include "server/serverhost.h"
#include "widgets/capturedetailview.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace cbi;
using namespace Qt::StringLiterals;

// Capture > Simulate OpenIM posts what the chosen version posts; Copy as cURL masks the admin secret.
class TestSimulatorDialog : public QObject
{
    Q_OBJECT
private:
    static QJsonObject lastBody(const CaptureStore &store)
    {
        const QList<CapturedRequest> captures = store.snapshot();
        return captures.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(captures.last().body).object();
    }

private Q_SLOTS:
    void sendsWhatTheVersionSends()
    {
        CaptureStore store;
        ServerHost business(&store);
        ServerConfig config;
        config.port = 0;
        QVERIFY(business.start(config));
        SimulatorDialog simulator;
        simulator.setUrl(u"http://127.0.0.1:%1/callbackExample"_s.arg(business.config().port));

        simulator.setCommand(u"callbackBeforeUserRegisterCommand"_s);
        simulator.setProfile(u"v3.7"_s);
        QVERIFY(!simulator.send().contains(u"error"_s));
        QTRY_COMPARE(store.snapshot().size(), 1);
        QCOMPARE(lastBody(store).value(u"secret"_s).toString(), u"openIM123"_s);
        simulator.setProfile(u"v3.8.1"_s);
        simulator.send();
        QTRY_COMPARE(store.snapshot().size(), 2);
        QVERIFY(!lastBody(store).contains(u"secret"_s));

        // v3.7's member join: its own name and the flat per-member request.
        simulator.setCommand(u"callbackBeforeMembersJoinGroupCommand"_s);
        simulator.setProfile(u"v3.7"_s);
        QVERIFY(simulator.resultText().contains(u"once per member"_s));
        simulator.send();
        QTRY_COMPARE(store.snapshot().size(), 3);
        QCOMPARE(store.snapshot().last().command, u"callbackBeforeMemberJoinGroupCommand"_s);
        QCOMPARE(lastBody(store).value(u"userID"_s).toString(), u"user_bob"_s);
        QVERIFY(!lastBody(store).contains(u"memberList"_s));

        // A command the version never sends goes nowhere.
        simulator.setCommand(u"callbackAfterUserOnlineCommand"_s);
        simulator.setProfile(u"v3.8.0"_s);
        QVERIFY(simulator.send().value(u"error"_s).toString().contains(u"never sends"_s));
        QTest::qWait(200);
        QCOMPARE(store.snapshot().size(), 3);
        simulator.setProfile(u"v3.8.2"_s);
        simulator.send();
        QTRY_COMPARE(store.snapshot().size(), 4);
        QCOMPARE(lastBody(store).value(u"connID"_s).toString(), QString());
    }

    void copyAsCurlMasksTheSecret()
    {
        CapturedRequest c;
        c.method = "POST";
        c.path = u"/callbackExample/callbackAfterUserRegisterCommand"_s;
        c.body = QJsonDocument(QJsonObject {{u"callbackCommand"_s, u"callbackAfterUserRegisterCommand"_s},
                                   {u"secret"_s, u"openIM123"_s}})
                     .toJson(QJsonDocument::Compact);
        CaptureDetailView view;
        view.setCapture(c);
        const QString curl = view.curlCommand();
        QVERIFY2(curl.contains(u"\"secret\":\"***\""_s), qPrintable(curl));
        QVERIFY(!curl.contains(u"openIM123"_s));
    }
};

QTEST_MAIN(TestSimulatorDialog)
#include "tst_simulatordialog.moc"
