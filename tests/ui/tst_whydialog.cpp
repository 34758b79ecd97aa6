// SPDX-License-Identifier: MIT
// The "Why no callback?" dialog, offscreen: it shows the core's answer for the message in its fields.
#include "dialogs/whydialog.h"

#include <QListWidget>
#include <QTest>
#include <QTreeWidget>

using namespace cbi;
using namespace Qt::StringLiterals;

class TestWhyDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsWhy()
    {
        WhyDialog dialog(QStringLiteral(CBI_TEST_DATA) + u"/webhooks-v382.yml"_s, Profile::V3_8_2);
        auto *results = dialog.findChild<QTreeWidget *>(u"results"_s);
        auto *findings = dialog.findChild<QListWidget *>(u"findings"_s);
        QVERIFY(results && findings);
        QCOMPARE(results->topLevelItemCount(), 6);
        CallbackFilter::Message m;
        m.contentType = 105;
        m.sendID = u"bob"_s;
        m.recvID = u"alice"_s;
        dialog.setMessage(m);
        QCOMPARE(dialog.message().recvID, u"alice"_s);
        QCOMPARE(results->topLevelItem(0)->text(0), u"beforeSendSingleMsg"_s);
        QVERIFY(!dialog.outcomes().at(0).fires()); // 105 is in deniedTypes
        QVERIFY(dialog.outcomes().at(1).fires()); // alice is an attentionId
        QVERIFY2(results->topLevelItem(0)->text(2).contains(u"deniedTypes"_s),
            qPrintable(results->topLevelItem(0)->text(2)));
        // main cannot load the file's "200-500": every callback says so.
        dialog.setProfile(Profile::Main);
        QCOMPARE(dialog.outcomes().at(1).reason, CallbackFilter::Reason::ConfigNotLoaded);
        QCOMPARE(findings
                     ->findItems(u"Fails to load: afterSendGroupMsg: deniedTypes item \"200-500\""_s,
                         Qt::MatchStartsWith)
                     .size(),
            1);
        QVERIFY(!dialog.loadFile(u"/nonexistent/webhooks.yml"_s));
        QCOMPARE(results->topLevelItemCount(), 0);
    }
};

QTEST_MAIN(TestWhyDialog)
#include "tst_whydialog.moc"
