// SPDX-License-Identifier: MIT
// The Rules dock and the rule editor (gui walk 2026-11, F9, F16, F17, F23, F31, F34, and F8's
// keyboard walk): rules read as sentences, enable boxes and reordering that the server serves at
// once, predictions on the source capture and the sample, and "block a word after 2 s" done with
// the keyboard alone, then checked over a socket.
#include "capture/capturestore.h"
#include "capturefiles.h"
#include "dialogs/conditionlistwidget.h"
#include "dialogs/ruledraft.h"
#include "dialogs/ruleeditordialog.h"
#include "inspector/inspector.h"
#include "mainwindow.h"
#include "server/serverhost.h"
#include "testhttp.h"
#include "widgets/capturedetailview.h"
#include "widgets/ruleswidget.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace cbi;
using namespace Qt::StringLiterals;
using testhttp::call;

namespace {
// Outside the class: moc's lexer misreads raw strings inside a class body.
QByteArray message(const QByteArray &text)
{
    // Plain literals: moc's lexer misreads \" inside raw strings anywhere in the file.
    return "{\"sendID\":\"alice\",\"recvID\":\"bob\",\"contentType\":101,\"content\":\"{\\\"content\\\":\\\""
        + text + "\\\"}\",\"callbackCommand\":\"callbackBeforeSendSingleMsgCommand\"}";
}
const QByteArray casinoScenario = R"({"scenario":1,"name":"words","rules":[
 {"name":"no casino","command":"callbackBeforeSendSingleMsgCommand",
  "when":[{"body":"content.content","contains":"casino"}],
  "respond":{"preset":"block","errCode":5001,"delay":{"fixed":2000}}},
 {"name":"many","command":"*","when":[{"body":"sendID","equals":"alice"},{"body":"recvID","equals":"bob"},
  {"header":"operationID","exists":true},{"body":"seq","gt":3}],"respond":{"preset":"continue"}}]})";
const QByteArray maskScenario = "{\"scenario\":1,\"rules\":[{\"command\":\"callbackBeforeMsgModifyCommand\","
                                "\"respond\":{\"preset\":\"rewrite\",\"fields\":{\"content\":"
                                "\"{\\\"content\\\":\\\"*** masked ***\\\"}\"}}}]}";
const QByteArray blockAll = R"({"scenario":1,"rules":[
 {"name":"first","command":"*","respond":{"preset":"block","errCode":6001}},
 {"name":"second","command":"*","respond":{"preset":"block","errCode":6002}}]})";

CapturedRequest capture(quint64 id, const QByteArray &text)
{
    CapturedRequest c;
    c.id = id;
    c.method = "POST";
    c.command = c.canonicalCommand = u"callbackBeforeSendSingleMsgCommand"_s;
    c.body = message(text);
    return c;
}

int errCodeOf(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object().value(u"errCode"_s).toInt();
}

Rule casinoRule(int delayMs)
{
    QString error;
    QByteArray json =
        R"({"scenario":1,"rules":[{"name":"no casino","command":"callbackBeforeSendSingleMsgCommand",
        "when":[{"body":"content.content","contains":"casino"}],
        "respond":{"preset":"block","errCode":5001,"delay":{"fixed":DELAY}}}]})";
    json.replace("DELAY", QByteArray::number(delayMs));
    return Scenario::fromJson(json, &error)->rules.first();
}
} // namespace

class TestRulesDock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"cbi-tests"_s);
        QCoreApplication::setApplicationName(u"tst_rulesdock"_s);
        QSettings().clear();
    }

    // F31: "callback... when 1 condition(s) -> block (delayed)" showed neither the condition nor the
    // delay. The dock follows the control API as before.
    void rulesReadAsSentences()
    {
        Inspector inspector;
        MainWindow window(&inspector);
        ServerConfig config;
        config.port = 0;
        QVERIFY(window.startServer(config));
        const quint16 port = inspector.host()->config().port;
        QCOMPARE(call(port, "PUT", "/__inspector/v1/scenario", casinoScenario).status, 200);
        RulesWidget *rules = window.rules();
        QTRY_COMPARE(rules->list()->count(), 2);
        const QString first = rules->list()->item(0)->text();
        QVERIFY2(first.contains(u"content.content contains 'casino' \u2192 block 5001 after 2 s"_s),
            qPrintable(first));
        const QString second = rules->list()->item(1)->text();
        QVERIFY2(second.contains(u"sendID is 'alice' and 3 more \u2192 continue"_s), qPrintable(second));
        QVERIFY(second.contains(u"any command"_s));
        rules->setModified(false);
    }

    // F31: an enable box per rule, served at once: a disabled rule no longer answers, and the
    // control API's scenario JSON says so.
    void enableBoxIsServed()
    {
        Inspector inspector;
        MainWindow window(&inspector);
        ServerConfig config;
        config.port = 0;
        QVERIFY(window.startServer(config));
        const quint16 port = inspector.host()->config().port;
        QCOMPARE(call(port, "PUT", "/__inspector/v1/scenario", blockAll).status, 200);
        RulesWidget *rules = window.rules();
        QTRY_COMPARE(rules->list()->count(), 2);
        QCOMPARE(rules->list()->item(0)->checkState(), Qt::Checked);
        auto post = [port] {
            return errCodeOf(call(
                port, "POST", "/callbackExample/callbackBeforeSendSingleMsgCommand", testhttp::aliceToBob)
                                 .body);
        };
        QCOMPARE(post(), 6001);
        rules->list()->item(0)->setCheckState(Qt::Unchecked); // as a click on the box does
        QVERIFY(!inspector.host()->scenario().rules.at(0).enabled);
        QCOMPARE(post(), 6002);
        const QJsonObject served =
            QJsonDocument::fromJson(call(port, "GET", "/__inspector/v1/scenario").body).object();
        QCOMPARE(served.value(u"rules"_s).toArray().at(0).toObject().value(u"enabled"_s), QJsonValue(false));
        QCOMPARE(rules->list()->item(0)->checkState(), Qt::Unchecked);
        QVERIFY(rules->isModified());

        // Enabled again through the API: the box follows.
        QByteArray again = blockAll;
        QCOMPARE(call(port, "PUT", "/__inspector/v1/scenario", again).status, 200);
        QTRY_COMPARE(rules->list()->item(0)->checkState(), Qt::Checked);
        rules->setModified(false);
    }

    // F31: order is precedence; a drop (the list model's move) is served at once.
    void dragReorderIsServed()
    {
        Inspector inspector;
        MainWindow window(&inspector);
        ServerConfig config;
        config.port = 0;
        QVERIFY(window.startServer(config));
        const quint16 port = inspector.host()->config().port;
        QCOMPARE(call(port, "PUT", "/__inspector/v1/scenario", blockAll).status, 200);
        RulesWidget *rules = window.rules();
        QTRY_COMPARE(rules->list()->count(), 2);
        QCOMPARE(rules->list()->dragDropMode(), QAbstractItemView::InternalMove);
        // What QListWidget's drop does for an internal move.
        QVERIFY(rules->list()->model()->moveRows(QModelIndex(), 1, 1, QModelIndex(), 0));
        QTRY_COMPARE(inspector.host()->scenario().rules.at(0).name, u"second"_s);
        QCOMPARE(errCodeOf(call(port, "POST", "/callbackExample/callbackBeforeSendSingleMsgCommand",
                     testhttp::aliceToBob)
                               .body),
            6002);
        QTRY_VERIFY(rules->list()->item(0)->text().startsWith(u"second"_s));
        rules->setModified(false);
    }

    // F31: a context menu with Edit, Duplicate, Enable/Disable, Move up/down, Delete.
    void contextMenu()
    {
        Inspector inspector;
        MainWindow window(&inspector);
        Scenario s = *Scenario::fromJson(blockAll, nullptr);
        window.rules()->setScenario(s, QString());
        RulesWidget *rules = window.rules();
        QMenu *menu = rules->menuFor(0);
        QStringList texts;
        for (QAction *a : menu->actions()) {
            if (!a->isSeparator())
                texts << a->text();
        }
        QCOMPARE(texts,
            (QStringList {u"&Edit..."_s, u"D&uplicate"_s, u"&Disable"_s, u"Move &Up"_s, u"Move Do&wn"_s,
                u"De&lete"_s}));
        QVERIFY(!menu->actions().at(4)->isEnabled()); // Move Up on the first rule
        menu->actions().at(1)->trigger(); // Duplicate
        QCOMPARE(rules->scenario().rules.size(), 3);
        QCOMPARE(rules->scenario().rules.at(1).name, u"first (copy)"_s);
        rules->menuFor(0)->actions().at(2)->trigger(); // Disable
        QVERIFY(!inspector.host()->scenario().rules.at(0).enabled);
        QCOMPARE(rules->menuFor(0)->actions().at(2)->text(), u"E&nable"_s);
        rules->menuFor(0)->actions().at(5)->trigger(); // Move Down
        QCOMPARE(inspector.host()->scenario().rules.at(1).name, u"first"_s);
        rules->menuFor(1)->actions().last()->trigger(); // Delete
        QCOMPARE(inspector.host()->scenario().rules.size(), 2);
        rules->setModified(false);
    }

    // F9: the prediction ignored the conditions and the capture, and said nothing of the delay.
    void predictsOnTheCaptureAndTheSample()
    {
        RuleEditorDialog editor(casinoRule(2000), Scenario());
        editor.setSourceCapture(capture(20338, "go to the casino"));
        const QString text = editor.predictedVerdict();
        QVERIFY2(text.contains(u"On capture #20338: <b"_s), qPrintable(text));
        QVERIFY2(text.contains(u"block (5001)</b> after 2000 ms (OpenIM waits 5 s)"_s), qPrintable(text));
        QVERIFY2(text.contains(u"On the sample: no match \u2192 <b"_s), qPrintable(text));
        QVERIFY(text.contains(u"continue</b>"_s));

        // Past OpenIM's timeout for the command, it gives up.
        Scenario slow;
        slow.timeouts.insert(u"callbackBeforeSendSingleMsgCommand"_s, 1);
        RuleEditorDialog late(casinoRule(2000), slow);
        late.setSourceCapture(capture(3, "casino"));
        QVERIFY2(late.predictedVerdict().contains(
                     u"the reply leaves after 2000 ms, but OpenIM waits only 1 s: it gives up"_s),
            qPrintable(late.predictedVerdict()));
        QVERIFY(late.predictedVerdict().contains(u"fail (90004)"_s));
    }

    // F17: a rewrite shows what OpenIM will store instead of what came in.
    void rewriteShowsBeforeAndAfter()
    {
        QString error;
        const auto s = Scenario::fromJson(maskScenario, &error);
        QVERIFY2(s, qPrintable(error));
        RuleEditorDialog editor(s->rules.first(), Scenario());
        CapturedRequest modify = capture(9, "my phone is 555-1234");
        modify.command = modify.canonicalCommand = u"callbackBeforeMsgModifyCommand"_s;
        editor.setSourceCapture(modify);
        const QString text = editor.predictedVerdict();
        QVERIFY2(text.contains(
                     u"content: &quot;{&quot;content&quot;:&quot;my phone is 555-1234&quot;}&quot; \u2192 "
                     "&quot;{&quot;content&quot;:&quot;*** masked ***&quot;}&quot;"_s),
            qPrintable(text));
    }

    // F16: ignore case in the editor reaches the rule; a rule from a capture prefills a condition.
    void ignoreCaseAndPrefill()
    {
        const Rule fromCapture = MainWindow::ruleFromCapture(capture(4, "CASINO royale"));
        QCOMPARE(fromCapture.conditions.size(), 1);
        QCOMPARE(fromCapture.conditions.first().name, u"content.content"_s);
        QCOMPARE(fromCapture.conditions.first().op, Condition::Op::Contains);
        QCOMPARE(fromCapture.conditions.first().value.toString(), u"CASINO royale"_s);
        CapturedRequest group = capture(5, "");
        group.body = "{\"sendID\":\"u1\",\"groupID\":\"g7\"}";
        QCOMPARE(RuleDraft::suggestedCondition(group)->name, u"groupID"_s);

        RuleEditorDialog editor(casinoRule(0), Scenario());
        QVERIFY(!editor.rule().conditions.first().ignoreCase);
        QCheckBox *anyCase = nullptr;
        for (QCheckBox *box : editor.findChildren<QCheckBox *>()) {
            if (box->accessibleName() == u"Condition 1 ignores letter case"_s)
                anyCase = box;
        }
        QVERIFY(anyCase);
        anyCase->setChecked(true);
        QVERIFY(editor.rule().conditions.first().ignoreCase);
        editor.setSourceCapture(capture(6, "CASINO royale"));
        QVERIFY2(editor.predictedVerdict().contains(u"On capture #6: <b"_s),
            qPrintable(editor.predictedVerdict()));
        QVERIFY(editor.predictedVerdict().contains(u"block (5001)</b> at once"_s));
    }

    // F16: the Body tree's context menu makes a condition from a field.
    void bodyTreeMakesACondition()
    {
        CaptureDetailView view;
        view.show();
        view.setCapture(capture(8, "casino"));
        QTreeWidget *tree = view.tree();
        const auto found = tree->findItems(u"content"_s, Qt::MatchRecursive | Qt::MatchExactly);
        QCOMPARE(found.size(), 2); // the body's content, and its decoded text
        QTreeWidgetItem *inner = found.at(0)->parent() ? found.at(0) : found.at(1);
        QCOMPARE(CaptureDetailView::fieldPath(inner), u"content.content"_s);
        QCOMPARE(CaptureDetailView::fieldPath(tree->findItems(u"sendID"_s, Qt::MatchExactly).first()),
            u"sendID"_s);
        QString path;
        QJsonValue value;
        connect(&view, &CaptureDetailView::makeConditionRequested, this,
            [&](const QString &p, const QJsonValue &v) {
                path = p;
                value = v;
            });
        tree->setCurrentItem(inner);
        Q_EMIT tree->customContextMenuRequested(tree->visualItemRect(inner).center());
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QVERIFY(menu);
        QCOMPARE(menu->actions().first()->text(), u"Make &Condition from This Field..."_s);
        menu->actions().first()->trigger();
        menu->close();
        QCOMPARE(path, u"content.content"_s);
        QCOMPARE(value.toString(), u"casino"_s);
        const Rule rule = RuleDraft::fromField(capture(8, "casino"), path, value);
        RuleEditorDialog editor(rule, Scenario());
        QCOMPARE(editor.rule().conditions.first().name, u"content.content"_s);
        QCOMPARE(editor.rule().conditions.first().value.toString(), u"casino"_s);
    }

    // F23: importing webhooks.yml into an empty scenario did not make it "modified", and Open
    // asked to save a scenario with no rules.
    void importingWebhooksKeepsAnEmptyScenarioClean()
    {
        Inspector inspector;
        MainWindow window(&inspector);
        QVERIFY(!window.rules()->isModified());
        QVERIFY(
            !window.files()->importWebhooks(QStringLiteral(CBI_TEST_DATA "/webhooks-v382.yml")).isEmpty());
        QVERIFY(!window.rules()->isModified());
        QVERIFY(!window.rules()->document()->worthSaving());
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (w->inherits("QMessageBox"))
                w->close();
        }
        // With a rule, the import is an edit worth saving.
        Rule rule = casinoRule(0);
        window.rules()->appendRule(rule);
        QVERIFY(window.rules()->document()->worthSaving());
        window.rules()->setModified(false);
    }

    // F34: commands grouped before/after; a simple rule shows no sequence controls.
    void editorLayout()
    {
        RuleEditorDialog editor(casinoRule(0), Scenario());
        editor.show();
        QComboBox *command = nullptr;
        for (QComboBox *box : editor.findChildren<QComboBox *>()) {
            if (box->accessibleName() == u"Command"_s)
                command = box;
        }
        QVERIFY(command);
        const int before = command->findText(u"Before callbacks: OpenIM waits for the reply"_s);
        const int after = command->findText(u"After callbacks: OpenIM does not read the reply"_s);
        QVERIFY(before > 0 && after > before);
        QVERIFY(command->findText(u"callbackBeforeSendSingleMsgCommand"_s) > before);
        QVERIFY(command->findText(u"callbackBeforeSendSingleMsgCommand"_s) < after);
        QVERIFY(command->findText(u"callbackAfterSendSingleMsgCommand"_s) > after);
        QListWidget *sequence = nullptr;
        for (QListWidget *list : editor.findChildren<QListWidget *>()) {
            if (list->accessibleName() == u"Reply sequence"_s)
                sequence = list;
        }
        QVERIFY(sequence);
        QVERIFY(!sequence->isVisible());
        // A longer prediction (a second line, for the capture) does not move the dialog.
        const int height = editor.height();
        const QString sampleOnly = editor.predictedVerdict();
        editor.setSourceCapture(capture(2, "casino"));
        QVERIFY(editor.predictedVerdict() != sampleOnly);
        QCoreApplication::processEvents();
        QCOMPARE(editor.height(), height);
        QPushButton *addReply = nullptr;
        for (QPushButton *b : editor.findChildren<QPushButton *>()) {
            if (b->text() == u"Add &reply"_s)
                addReply = b;
        }
        QVERIFY(addReply);
        addReply->click();
        QVERIFY(sequence->isVisible());
    }

    // From the window: Make Rule from Capture (Ctrl+R) predicts on the selected capture, and the
    // Body tree's "Make Condition from This Field" opens the editor with that field.
    void fromTheWindow()
    {
        Inspector inspector;
        inspector.store()->load({capture(1, "casino royale")}, false);
        MainWindow window(&inspector);
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.view()->setFocus();
        window.view()->selectRow(0);
        QString seen;
        Rule opened;
        QTimer driver;
        driver.setInterval(50);
        QObject::connect(&driver, &QTimer::timeout, this, [&] {
            if (auto *editor = qobject_cast<RuleEditorDialog *>(QApplication::activeModalWidget())) {
                seen = editor->predictedVerdict();
                opened = editor->rule();
                editor->reject();
            }
        });
        driver.start();
        QTest::keyClick(window.view(), Qt::Key_R, Qt::ControlModifier);
        QVERIFY2(seen.contains(u"On capture #1: <b"_s), qPrintable(seen));
        QCOMPARE(opened.conditions.first().value.toString(), u"casino royale"_s);

        seen.clear();
        QTreeWidget *tree = window.detail()->tree();
        QTRY_VERIFY(!tree->findItems(u"sendID"_s, Qt::MatchExactly).isEmpty());
        QTreeWidgetItem *sendID = tree->findItems(u"sendID"_s, Qt::MatchExactly).first();
        tree->setCurrentItem(sendID);
        Q_EMIT tree->customContextMenuRequested(tree->visualItemRect(sendID).center());
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QVERIFY(menu);
        menu->actions().first()->trigger();
        driver.stop();
        QCOMPARE(opened.conditions.size(), 1);
        QCOMPARE(opened.conditions.first().name, u"sendID"_s);
        QCOMPARE(opened.conditions.first().value.toString(), u"alice"_s);
        QVERIFY(seen.contains(u"On capture #1: <b"_s));
    }

    // Issue 16: "block messages containing a word, after 2 s" with key events only, then a real
    // callback gets the block after about 2 s.
    void keyboardWalk()
    {
        Inspector inspector;
        MainWindow window(&inspector);
        ServerConfig config;
        config.port = 0;
        QVERIFY(window.startServer(config));
        const quint16 port = inspector.host()->config().port;
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));

        QStringList steps;
        bool done = false;
        // The editor runs its own loop (exec): drive it from a timer once it is up.
        QTimer driver;
        driver.setInterval(50);
        int tries = 0;
        QObject::connect(&driver, &QTimer::timeout, this, [&] {
            QWidget *modal = QApplication::activeModalWidget();
            if (!modal && ++tries < 100)
                return;
            driver.stop();
            if (modal && !qobject_cast<RuleEditorDialog *>(modal)) {
                steps << u"unexpected "_s + QLatin1String(modal->metaObject()->className());
                modal->close();
                return;
            }
            auto *editor = qobject_cast<RuleEditorDialog *>(QApplication::activeModalWidget());
            if (!editor || !QTest::qWaitForWindowActive(editor) || !QApplication::focusWidget()) {
                steps << u"no active editor"_s;
                if (editor)
                    editor->reject();
                return;
            }
            auto focused = [] {
                return QApplication::focusWidget() ? QApplication::focusWidget()->accessibleName()
                                                   : QString();
            };
            auto key = [](int k, Qt::KeyboardModifiers m = Qt::NoModifier) {
                QTest::keyClick(QApplication::focusWidget(), Qt::Key(k), m);
            };
            auto type = [](const QString &text) { QTest::keyClicks(QApplication::focusWidget(), text); };
            // Every dialog button takes focus (F8).
            for (QAbstractButton *b : editor->findChildren<QAbstractButton *>()) {
                if (!(b->focusPolicy() & Qt::TabFocus))
                    steps << u"unfocusable "_s + b->text();
            }
            steps << focused(); // Rule name
            key(Qt::Key_Tab);
            steps << focused(); // Command
            key(Qt::Key_A, Qt::ControlModifier);
            type(u"callbackBeforeSendSingleMsgCommand"_s);
            key(Qt::Key_Tab);
            key(Qt::Key_Tab);
            steps << focused(); // Add condition
            key(Qt::Key_Space);
            steps << focused(); // the new row's path
            type(u"content.content"_s);
            key(Qt::Key_Tab);
            steps << focused(); // operator
            type(u"c"_s); // contains
            key(Qt::Key_Tab);
            steps << focused(); // value
            type(u"casino"_s);
            key(Qt::Key_P, Qt::AltModifier);
            steps << focused(); // preset
            type(u"b"_s); // block (nextCode 1)
            key(Qt::Key_D, Qt::AltModifier);
            steps << focused(); // delay kind
            type(u"f"_s); // fixed
            key(Qt::Key_Tab);
            steps << focused(); // delay ms
            key(Qt::Key_A, Qt::ControlModifier);
            type(u"2000"_s);
            steps << editor->predictedVerdict();
            key(Qt::Key_Return); // the default button: OK
            done = true;
            if (editor->isVisible()) { // not accepted: say why instead of hanging
                steps << u"still open: "_s + editor->errorText();
                editor->reject();
            }
        });
        driver.start();
        QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier); // Rules > Add Rule
        driver.stop();
        QVERIFY2(done, qPrintable(steps.join(u" | "_s)));
        QVERIFY2(steps.first() == u"Rule name"_s, qPrintable(steps.join(u" | "_s)));
        QVERIFY2(steps.size() > 9, qPrintable(steps.join(u" | "_s)));
        QCOMPARE(steps.mid(1, 7),
            (QStringList {u"Command"_s, u"Add condition"_s, u"Condition 1 name or path"_s,
                u"Condition 1 operator"_s, u"Condition 1 value"_s, u"Preset"_s, u"Delay"_s}));
        QVERIFY2(steps.at(9).contains(u"On the sample: no match"_s), qPrintable(steps.at(9)));

        QCOMPARE(window.rules()->scenario().rules.size(), 1);
        const Rule &rule = window.rules()->scenario().rules.first();
        QCOMPARE(rule.command, u"callbackBeforeSendSingleMsgCommand"_s);
        QCOMPARE(rule.conditions.size(), 1);
        QCOMPARE(rule.conditions.first().name, u"content.content"_s);
        QCOMPARE(rule.conditions.first().op, Condition::Op::Contains);
        QCOMPARE(rule.responses.first().delay.ms, 2000);

        // A real callback over a socket: blocked, after about 2 s. Another text continues at once.
        QTcpSocket openim;
        openim.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(openim.waitForConnected(2000));
        QElapsedTimer clock;
        clock.start();
        openim.write(testhttp::callbackRequest(
            "callbackBeforeSendSingleMsgCommand", message("casino night"), "op-kb"));
        QTRY_VERIFY_WITH_TIMEOUT(openim.bytesAvailable() > 0, 5000);
        QTRY_VERIFY(QByteArray(openim.peek(4096)).contains("5001"));
        const qint64 elapsed = clock.elapsed();
        QVERIFY2(elapsed >= 1900 && elapsed < 3500, qPrintable(QString::number(elapsed)));
        QCOMPARE(errCodeOf(call(port, "POST", "/callbackExample/callbackBeforeSendSingleMsgCommand",
                     message("dinner at 7?"))
                               .body),
            0);
        window.rules()->setModified(false);
    }
};

QTEST_MAIN(TestRulesDock)
#include "tst_rulesdock.moc"
