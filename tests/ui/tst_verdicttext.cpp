// SPDX-License-Identifier: MIT
// The verdict of a capture says why: which condition of which rule matched which text, and the
// before -> after of a rewrite; in the window's language, operator names included (gui walk F17,
// F18, issue 16).
#include "catalogue/catalogue.h"
#include "catalogue/commanddetector.h"
#include "dialogs/conditionlistwidget.h"
#include "rules/ruleengine.h"
#include "widgets/capturedetailview.h"
#include "widgets/rulesentence.h"

#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTranslator>

using namespace cbi;
using namespace Qt::StringLiterals;

namespace {

Scenario scenario(const QByteArray &json)
{
    QString error;
    const auto s = Scenario::fromJson(QByteArray(json).replace('\'', '"'), &error);
    if (!s)
        qFatal("test scenario does not load: %s", qPrintable(error));
    return *s;
}

// A capture answered by the server's own engine, as the pipeline answers it.
CapturedRequest answered(const Scenario &rules, const QString &command, const QJsonObject &body)
{
    CapturedRequest c;
    c.id = 7;
    c.method = "POST";
    c.path = u"/callbackExample/"_s + command;
    c.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    CommandDetector(Catalogue::instance()).detect(c);
    RuleEngine engine(rules, 1);
    engine.answer(c, QJsonDocument(body).object());
    return c;
}

QString textElement(const QString &text)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonObject {{u"content"_s, text}}).toJson(QJsonDocument::Compact));
}

const QString single = u"callbackBeforeSendSingleMsgCommand"_s;
const QString longText =
    u"a long preamble of words that goes on and on, then play casino now, and a tail that goes on too"_s;

} // namespace

class TestVerdictText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void blockedSaysWhichConditionMatchedWhichText()
    {
        const CapturedRequest c = answered(scenario("{'scenario':1,'rules':[{'name':'casino','command':'*',"
                                                    "'when':[{'body':'content.content','contains':'casino'}],"
                                                    "'respond':{'preset':'block','errCode':5001}}]}"),
            single, {{u"sendID"_s, u"alice"_s}, {u"content"_s, textElement(longText)}});
        QCOMPARE(c.verdict.outcome, Verdict::Outcome::Blocked);
        CaptureDetailView detail;
        detail.setCapture(c);
        const QString verdict = detail.verdictText();
        QVERIFY2(verdict.contains(u"Answered by rule \"casino\""_s), qPrintable(verdict));
        QVERIFY2(
            verdict.contains(
                u"content.content contains 'casino' (matched in \"...oes on and on, then play casino now, and a tail that goes on...\")"_s),
            qPrintable(verdict));

        // Read back from a session file: the same words.
        detail.setCapture(CapturedRequest::fromJson(c.toJson()));
        QCOMPARE(detail.verdictText(), verdict);

        // Answered by hand: the person's reply, not the rule's, so no matched condition.
        CapturedRequest byHand = c;
        byHand.hold = {HoldRecord::End::ByHand, 5000, 0};
        detail.setCapture(byHand);
        QVERIFY2(!detail.verdictText().contains(u"matched in"_s), qPrintable(detail.verdictText()));
    }

    // Held, then the rules' reply sent from the Held panel: the verdict says so, and whose reply.
    void heldThenAnsweredWithTheRulesReply()
    {
        CapturedRequest c = answered(scenario("{'scenario':1,'rules':[{'name':'casino','command':'*',"
                                              "'when':[{'body':'content.content','contains':'casino'}],"
                                              "'respond':{'preset':'block','errCode':5001}}]}"),
            single, {{u"content"_s, textElement(longText)}});
        c.hold = {HoldRecord::End::RulesReply, 5000, 0};
        c.reply.delayMs = 1234;
        CaptureDetailView detail;
        detail.setCapture(c);
        const QString verdict = detail.verdictText();
        QVERIFY2(verdict.contains(u"Held, then answered with the rules' reply after 1234 ms"_s),
            qPrintable(verdict));
        QVERIFY2(verdict.contains(u"Answered by rule \"casino\""_s), qPrintable(verdict));
        QVERIFY2(verdict.contains(u"matched in"_s), qPrintable(verdict));
    }

    void rewriteShowsBeforeAndAfter()
    {
        const CapturedRequest c = answered(
            scenario("{'scenario':1,'rules':[{'name':'mask','command':'callbackBeforeMsgModifyCommand',"
                     "'respond':{'preset':'rewrite','fields':{'content':'{\\'content\\':\\'*** masked "
                     "***\\'}'}}}]}"),
            u"callbackBeforeMsgModifyCommand"_s,
            {{u"sendID"_s, u"alice"_s}, {u"content"_s, textElement(u"my phone is 555-1234"_s)}});
        QCOMPARE(c.verdict.outcome, Verdict::Outcome::Modified);
        CaptureDetailView detail;
        detail.setCapture(c);
        const QString verdict = detail.verdictText();
        QVERIFY2(
            verdict.contains(
                u"content: \"{\"content\":\"my phone is 555-1234\"}\" \u2192 \"{\"content\":\"*** masked ***\"}\""_s),
            qPrintable(verdict));
    }

    // Operator names are words of the UI language in sentences; files keep the keywords.
    void operatorNamesFollowTheLanguage()
    {
        ConditionMatch m;
        m.source = u"body"_s;
        m.name = u"content.content"_s;
        m.op = u"contains"_s;
        m.value = u"casino"_s;
        m.found = u"play casino now"_s;
        QCOMPARE(RuleSentence::matched(m),
            u"content.content contains 'casino' (matched in \"play casino now\")"_s);
        ConditionMatch equals = m;
        equals.op = u"equals"_s;
        equals.negate = true;
        equals.found = u"bob"_s;
        QCOMPARE(RuleSentence::matched(equals), u"content.content is not 'casino' (found \"bob\")"_s);

        // A near miss is worded the same way (kept as data, not as English text).
        const CapturedRequest missed =
            answered(scenario("{'scenario':1,'rules':[{'name':'casino','command':'*',"
                              "'when':[{'body':'content.content','contains':'casino'}],"
                              "'respond':{'preset':'block'}}]}"),
                single, {{u"content"_s, textElement(u"dinner at 7?"_s)}});
        QCOMPARE(missed.nearMiss.text(),
            u"Closest rule \"casino\" missed: content.content contains 'casino' (found \"dinner at 7?\")"_s);

        QTranslator own;
        QVERIFY(own.load(u"callback-inspector_zh_CN.qm"_s, QStringLiteral(CBI_QM_DIR)));
        QCoreApplication::installTranslator(&own);
        const QString zh = RuleSentence::matched(m);
        const QString zhEquals = RuleSentence::matched(equals);
        const QString zhMissed = missed.nearMiss.text();
        // The rule editor's condition rows: words to pick from, keywords in the rule they write.
        ConditionListWidget rows;
        Condition contains;
        contains.name = u"content.content"_s;
        contains.op = Condition::Op::Contains;
        contains.value = u"casino"_s;
        rows.addCondition(contains);
        const QList<QComboBox *> boxes = rows.findChildren<QComboBox *>(); // source, then operator
        QCOMPARE(boxes.size(), 2);
        QComboBox *op = boxes.at(1);
        QVERIFY(op);
        const QString opShown = op->currentText();
        const QJsonObject written = rows.toJson().at(0).toObject();
        QCoreApplication::removeTranslator(&own);
        QCOMPARE(opShown, u"包含"_s);
        QCOMPARE(written.value(u"contains"_s).toString(), u"casino"_s);
        QCOMPARE(written.value(u"body"_s).toString(), u"content.content"_s);
        QVERIFY2(zh.contains(u"包含"_s) && !zh.contains(u"contains"_s) && !zh.contains(u"matched"_s),
            qPrintable(zh));
        QVERIFY2(zh.contains(u"casino"_s) && zh.contains(u"play casino now"_s), qPrintable(zh));
        QVERIFY2(!zhEquals.contains(u" is not "_s) && !zhEquals.contains(u"found"_s), qPrintable(zhEquals));
        QVERIFY2(zhMissed.contains(u"包含"_s) && !zhMissed.contains(u"contains"_s), qPrintable(zhMissed));
        QVERIFY2(missed.nearMiss.text(false).contains(u"body content.content contains \"casino\""_s),
            qPrintable(missed.nearMiss.text(false)));
        // What a file says stays the keyword.
        QCOMPARE(m.toJson().value(u"op"_s).toString(), u"contains"_s);
    }
};

QTEST_MAIN(TestVerdictText)
#include "tst_verdicttext.moc"
