// SPDX-License-Identifier: MIT
// Gui walk F8: every pane is reached by keyboard alone, and the View menu says how.
#include "inspector/inspector.h"
#include "mainwindow.h"
#include "widgets/capturedetailview.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace cbi;
using namespace Qt::StringLiterals;

class TestPaneNavigation : public QObject
{
    Q_OBJECT
private:
    static bool holdsFocus(QWidget *pane)
    {
        QWidget *focus = QApplication::focusWidget();
        return focus && (focus == pane || pane->isAncestorOf(focus));
    }
    static void press(QKeyCombination key)
    {
        QWidget *target = QApplication::focusWidget();
        QVERIFY(target);
        QTest::keyClick(target, key.key(), key.keyboardModifiers());
    }
    // Raised: open, and its tab (the window's tab bar of tabbed docks) is the current one.
    static bool raised(QDockWidget *dock)
    {
        if (!dock->isVisible())
            return false;
        for (QTabBar *bar : dock->parentWidget()->findChildren<QTabBar *>(Qt::FindDirectChildrenOnly)) {
            for (int i = 0; i < bar->count(); ++i) {
                if (bar->tabText(i) == dock->windowTitle())
                    return bar->currentIndex() == i;
            }
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"cbi-tests"_s);
        QCoreApplication::setApplicationName(u"tst_panenavigation"_s);
    }

    void keysReachEveryPane()
    {
        Inspector inspector;
        MainWindow window(&inspector);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto *rules = window.findChild<QDockWidget *>(u"rulesDock"_s);
        auto *statistics = window.findChild<QDockWidget *>(u"statisticsDock"_s);
        auto *held = window.findChild<QDockWidget *>(u"heldDock"_s);
        QVERIFY(rules && statistics && held);
        QWidget *firstPane = nullptr;
        for (auto *edit : window.findChildren<QLineEdit *>()) {
            if (edit->accessibleName() == u"Filter"_s)
                firstPane = edit;
        }
        QVERIFY(firstPane);
        firstPane->setFocus();
        QVERIFY(holdsFocus(firstPane));

        // F6: filter, table, detail, then each open dock (raised on the way), then round again.
        press(QKeyCombination(Qt::Key_F6));
        QVERIFY(holdsFocus(window.view()));
        press(QKeyCombination(Qt::Key_F6));
        QVERIFY(holdsFocus(window.detail()));
        press(QKeyCombination(Qt::Key_F6));
        QVERIFY(holdsFocus(rules));
        QVERIFY(raised(rules));
        press(QKeyCombination(Qt::Key_F6));
        QVERIFY(holdsFocus(statistics));
        QVERIFY(raised(statistics));
        press(QKeyCombination(Qt::Key_F6));
        QVERIFY(holdsFocus(held));
        press(QKeyCombination(Qt::Key_F6));
        QVERIFY(holdsFocus(firstPane));
        // Shift+F6 goes back.
        press(QKeyCombination(Qt::SHIFT, Qt::Key_F6));
        QVERIFY(holdsFocus(held));
        press(QKeyCombination(Qt::SHIFT, Qt::Key_F6));
        QVERIFY(holdsFocus(statistics));

        // Ctrl+1..5: the detail tabs.
        QTabWidget *tabs = window.detail()->tabs();
        press(QKeyCombination(Qt::CTRL, Qt::Key_3));
        QCOMPARE(tabs->currentIndex(), 2);
        QVERIFY(holdsFocus(tabs->currentWidget()));
        press(QKeyCombination(Qt::CTRL, Qt::Key_5));
        QCOMPARE(tabs->currentIndex(), 4);
        press(QKeyCombination(Qt::CTRL, Qt::Key_1));
        QCOMPARE(tabs->currentIndex(), 0);
        QVERIFY(holdsFocus(window.detail()));

        // Alt+Shift+R/S/H: a dock raised and focused, even after its close button.
        press(QKeyCombination(Qt::ALT | Qt::SHIFT, Qt::Key_H));
        QVERIFY(raised(held));
        QVERIFY(holdsFocus(held));
        press(QKeyCombination(Qt::ALT | Qt::SHIFT, Qt::Key_R));
        QVERIFY(raised(rules));
        QVERIFY(!raised(held));
        QVERIFY(holdsFocus(rules));
        statistics->close();
        QVERIFY(!statistics->isVisible());
        press(QKeyCombination(Qt::ALT | Qt::SHIFT, Qt::Key_S));
        QVERIFY(raised(statistics));
        QVERIFY(holdsFocus(statistics));
    }

    // Discoverable: the View menu lists each route with its shortcut.
    void viewMenuShowsTheShortcuts()
    {
        Inspector inspector;
        MainWindow window(&inspector);
        QStringList shortcuts;
        for (QAction *menu : window.menuBar()->actions()) {
            if (!menu->menu() || menu->text() != u"&View"_s)
                continue;
            for (QMenu *sub : menu->menu()->findChildren<QMenu *>()) {
                for (QAction *a : sub->actions())
                    shortcuts.append(a->shortcut().toString());
            }
        }
        for (const QString &key : {u"F6"_s, u"Shift+F6"_s, u"Ctrl+1"_s, u"Ctrl+5"_s, u"Alt+Shift+R"_s,
                 u"Alt+Shift+S"_s, u"Alt+Shift+H"_s})
            QVERIFY2(shortcuts.contains(key), qPrintable(shortcuts.join(u", "_s)));
    }
};

QTEST_MAIN(TestPaneNavigation)
#include "tst_panenavigation.moc"
