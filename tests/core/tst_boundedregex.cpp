// SPDX-License-Identifier: MIT
// Rule regexes against text a caller chose: a pattern that backtracks without end gives up within
// its budget and says so, on its own and through the rule engine. No timing: the budget is a
// benchmark's business (docs/performance.md); here, what is reported.
#include "catalogue/catalogue.h"
#include "catalogue/commanddetector.h"
#include "rules/boundedregex.h"
#include "rules/ruleengine.h"

#include <QJsonDocument>
#include <QTest>

using namespace cbi;
using namespace Qt::StringLiterals;

namespace {

using Result = BoundedRegex::Result;

// Words and commas: `(\w+\s?)+$` backtracks 2^n ways inside each comma-separated segment, from
// every start position. QRegularExpression returned "no match" after 1.6 s here and 8 s at 1 MB.
QString wordsAndCommas(int count)
{
    QString text;
    for (int i = 0; i < count; ++i)
        text += u"hello world again and again %1, "_s.arg(i);
    return text;
}

QByteArray messageWithContent(const QString &content)
{
    QJsonObject body {{u"sendID"_s, u"mallory"_s}, {u"recvID"_s, u"bob"_s}, {u"contentType"_s, 101},
        {u"content"_s, content}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

Scenario scenarioWithCondition(const QString &condition)
{
    QString error;
    const QByteArray json = (u"{\"scenario\":1,\"rules\":[{\"name\":\"filter\","
                             "\"command\":\"callbackBeforeSendSingleMsgCommand\",\"when\":["_s
        + condition + u"],\"respond\":{\"preset\":\"block\"}}]}"_s)
                                .toUtf8();
    const auto s = Scenario::fromJson(json, &error);
    if (!s)
        qFatal("test scenario does not load: %s", qPrintable(error));
    return *s;
}

CapturedRequest answered(const Scenario &scenario, const QByteArray &body)
{
    RuleEngine engine(scenario);
    CapturedRequest c;
    c.method = "POST";
    c.path = u"/callbackExample/callbackBeforeSendSingleMsgCommand"_s;
    c.body = body;
    CommandDetector(Catalogue::instance()).detect(c);
    engine.answer(c, QJsonDocument::fromJson(c.body).object());
    return c;
}

} // namespace

class TestBoundedRegex : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ordinaryPatterns_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<bool>("matches");
        QTest::newRow("literal") << u"casino"_s << u"play at the casino"_s << true;
        QTest::newRow("anchored miss") << u"^casino"_s << u"play at the casino"_s << false;
        QTest::newRow("unicode class") << u"^\\w+$"_s << u"赌场"_s << true;
        QTest::newRow("case-insensitive") << u"(?i)CASINO"_s << u"casino"_s << true;
        QTest::newRow("digits") << u"\\d{6,}"_s << u"call 1234567"_s << true;
        QTest::newRow("empty subject") << u"^$"_s << QString() << true;
    }
    void ordinaryPatterns()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, subject);
        QFETCH(bool, matches);
        const BoundedRegex re(pattern);
        QVERIFY2(re.isValid(), qPrintable(re.errorString()));
        QCOMPARE(re.match(subject), matches ? Result::Match : Result::NoMatch);
    }

    void invalidPatternSaysWhy()
    {
        const BoundedRegex re(u"(unclosed"_s);
        QVERIFY(!re.isValid());
        QVERIFY2(re.errorString().contains(u"offset"_s), qPrintable(re.errorString()));
        QCOMPARE(re.match(u"unclosed"_s), Result::NoMatch);
    }

    // A literal at the end of 4 MB is found: the budget is for backtracking, not for size.
    void largeTextStillMatches()
    {
        const QString text = QString(4 * 1024 * 1024, u'x') + u"casino"_s;
        QCOMPARE(BoundedRegex(u"casino"_s).match(text), Result::Match);
        QCOMPARE(BoundedRegex(u"\\d{6,}"_s).match(text), Result::NoMatch);
    }

    void catastrophicBacktrackingGivesUp_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("subject");
        QTest::newRow("nested quantifier, per start position") << u"(\\w+\\s?)+$"_s << wordsAndCommas(5000);
        QTest::newRow("anchored a+") << u"^(a+)+$"_s << QString(30, u'a') + u'b';
        QTest::newRow("many .* groups") << u"(.*,){11}P"_s << wordsAndCommas(20000);
        // The pattern cannot raise the limit back (PCRE2 keeps the lower of the two).
        QTest::newRow("pattern raises its limit")
            << u"(*LIMIT_MATCH=4000000000)^(a+)+$"_s << QString(30, u'a') + u'b';
    }
    void catastrophicBacktrackingGivesUp()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, subject);
        const BoundedRegex re(pattern);
        QVERIFY2(re.isValid(), qPrintable(re.errorString()));
        QCOMPARE(re.match(subject), Result::GaveUp);
    }

    // A JSON \ud800 escape leaves a lone surrogate in the text; the rest is still matched.
    void loneSurrogate()
    {
        QString text = u"free "_s;
        text.append(QChar(0xD800));
        text += u" casino"_s;
        QCOMPARE(BoundedRegex(u"casino"_s).match(text), Result::Match);
    }

    // Through the engine: the rule does not apply, and the capture says which condition gave up.
    void engineReportsGivingUp()
    {
        const Scenario s = scenarioWithCondition(u"{\"body\":\"content\",\"regex\":\"(\\\\w+\\\\s?)+$\"}"_s);
        const CapturedRequest c = answered(s, messageWithContent(wordsAndCommas(5000)));
        QVERIFY(c.ruleName.isEmpty());
        QVERIFY(c.hasWarning(u"regex-gave-up"_s));
        for (const CaptureWarning &w : c.warnings) {
            if (w.code == u"regex-gave-up"_s) {
                QCOMPARE(w.args.value(0), u"filter"_s);
                QVERIFY2(w.text(false).contains(u"gave up"_s), qPrintable(w.text(false)));
            }
        }
        // An ordinary message still meets the same rule's regex, without a warning.
        const CapturedRequest ok = answered(s, messageWithContent(u"hello"_s));
        QCOMPARE(ok.ruleName, u"filter"_s);
        QVERIFY(!ok.hasWarning(u"regex-gave-up"_s));
    }

    // "not regex" must not hold because the regex gave up: undecided is not "did not match".
    void negatedGivingUpDoesNotHold()
    {
        const Scenario s =
            scenarioWithCondition(u"{\"body\":\"content\",\"regex\":\"^(a+)+$\",\"not\":true}"_s);
        const CapturedRequest c = answered(s, messageWithContent(QString(30, u'a') + u'b'));
        QVERIFY(c.ruleName.isEmpty());
        QVERIFY(c.hasWarning(u"regex-gave-up"_s));
        QCOMPARE(answered(s, messageWithContent(u"bbb"_s)).ruleName, u"filter"_s);
    }
};

QTEST_GUILESS_MAIN(TestBoundedRegex)
#include "tst_boundedregex.moc"
