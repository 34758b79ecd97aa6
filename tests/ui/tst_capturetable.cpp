// SPDX-License-Identifier: MIT
// The capture table as a developer keeps it open all day (gui walk F4, F10, F13, F14, F20, F29):
// "Shown N of M", a selection that survives filter changes, following the tail with a "N new"
// badge, the column chooser and the row's context menu.
#include "capture/capturestore.h"
#include "capturepane.h"
#include "capturetableview.h"
#include "inspector/inspector.h"
#include "mainwindow.h"
#include "models/capturefilterproxy.h"
#include "models/capturetablemodel.h"
#include "widgets/capturedetailview.h"
#include "widgets/heldwidget.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace cbi;
using namespace Qt::StringLiterals;

namespace {
CapturedRequest capture(quint64 id, const QString &sendID)
{
    CapturedRequest c;
    c.id = id;
    c.receivedAt = QDateTime::currentDateTimeUtc();
    c.method = "POST";
    c.path = u"/callbackExample/callbackBeforeSendSingleMsgCommand"_s;
    c.command = c.canonicalCommand = u"callbackBeforeSendSingleMsgCommand"_s;
    c.operationID = u"op-%1"_s.arg(id);
    c.body = QJsonDocument(QJsonObject {{u"sendID"_s, sendID}, {u"recvID"_s, u"bob"_s},
                               {u"content"_s, u"{\"content\":\"hi %1\"}"_s.arg(id)}})
                 .toJson(QJsonDocument::Compact);
    c.verdict.outcome = Verdict::Outcome::Continue;
    return c;
}

// Odd ids from alice, even ids from carol.
void feed(CaptureStore &store, quint64 first, int count)
{
    for (int i = 0; i < count; ++i) {
        const quint64 id = first + quint64(i);
        store.append(capture(id, id % 2 ? u"alice"_s : u"carol"_s));
    }
    store.flush();
}

int proxyRowOf(CapturePane &pane, quint64 id)
{
    for (int row = 0; row < pane.proxy()->rowCount(); ++row) {
        if (pane.proxy()->index(row, 0).data(CaptureTableModel::CaptureIdRole).toULongLong() == id)
            return row;
    }
    return -1;
}

QAction *actionNamed(QMenu *menu, const QString &text)
{
    for (QAction *action : menu->actions()) {
        if (action->text() == text || action->objectName() == text)
            return action;
    }
    return nullptr;
}

bool rowVisible(CapturePane &pane, int row)
{
    const QRect rect = pane.view()->visualRect(pane.proxy()->index(row, 0));
    return rect.isValid() && pane.view()->viewport()->rect().intersects(rect);
}
} // namespace

class TestCaptureTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"cbi-tests"_s);
        QCoreApplication::setApplicationName(u"tst_capturetable"_s);
    }

    void shownCountAndNoMatchText()
    {
        CaptureStore store;
        CapturePane pane(&store);
        pane.resize(900, 600);
        pane.show();
        feed(store, 1, 10);
        QVERIFY(pane.shownLabel()->isHidden()); // no filter: the status bar's count says it
        QVERIFY(pane.setFilterText(u"sendID:carol"_s));
        QVERIFY(pane.shownLabel()->isVisible());
        QCOMPARE(pane.shownLabel()->text(), u"Shown 5 of 10"_s);
        feed(store, 11, 2); // live rows update it
        QCOMPARE(pane.shownLabel()->text(), u"Shown 6 of 12"_s);
        QVERIFY(pane.table()->overlayText().isEmpty());
        QVERIFY(pane.setFilterText(u"sendID:zed"_s));
        QCOMPARE(pane.shownLabel()->text(), u"Shown 0 of 12"_s);
        QCOMPARE(pane.table()->overlayText(), u"No captures match \u201csendID:zed\u201d"_s);
        QVERIFY(!pane.setFilterText(u"delay>soon"_s)); // invalid: the last valid filter stays
        QCOMPARE(pane.proxy()->rowCount(), 0);
        QVERIFY(pane.setFilterText(QString()));
        QVERIFY(pane.shownLabel()->isHidden());
        QVERIFY(pane.table()->overlayText().isEmpty());
        // The pickers count as a filter too.
        pane.commandPicker()->setCurrentIndex(1);
        QCOMPARE(pane.shownLabel()->text(), u"Shown 12 of 12"_s);
    }

    // A GET / probe before any callback (gui walk F4): "All commands" stays first and selectable.
    void probeKeepsAllCommands()
    {
        CaptureStore store;
        CapturePane pane(&store);
        CapturedRequest probe;
        probe.id = 1;
        probe.method = "GET";
        probe.path = u"/"_s;
        probe.verdict.outcome = Verdict::Outcome::NotCallback; // as the engine judges it
        store.append(probe);
        feed(store, 2, 3);
        QComboBox *picker = pane.commandPicker();
        QCOMPARE(picker->count(), 2);
        QCOMPARE(picker->itemText(0), u"All commands"_s);
        QCOMPARE(picker->currentIndex(), 0);
        QCOMPARE(picker->itemText(1), u"callbackBeforeSendSingleMsgCommand (3)"_s);
        picker->setCurrentIndex(1);
        QCOMPARE(pane.proxy()->rowCount(), 3);
        picker->setCurrentIndex(0); // back to all: possible
        QCOMPARE(pane.proxy()->rowCount(), 4);
        QCOMPARE(pane.model()->data(pane.model()->index(0, CaptureTableModel::VerdictColumn)).toString(),
            u"not a callback"_s);
    }

    // Gui walk F10: the selected capture stays selected while it matches, else the detail is empty.
    void selectionSurvivesFilterChanges()
    {
        CaptureStore store;
        CapturePane pane(&store);
        pane.resize(900, 600);
        pane.show();
        feed(store, 1, 40);
        QSignalSpy copied(pane.detail(), &CaptureDetailView::copied);
        QVERIFY(pane.selectCapture(8)); // carol
        QVERIFY(pane.setFilterText(u"sendID:carol"_s));
        QVERIFY(pane.selectedCapture());
        QCOMPARE(pane.selectedCapture()->id, 8u);
        QCOMPARE(pane.view()->selectionModel()->selectedRows().size(), 1);
        pane.detail()->copyBody(); // the detail still shows #8
        QCOMPARE(copied.size(), 1);
        QVERIFY(copied.last().first().toString().contains(u"#8"_s));
        // Typing on: #8 no longer matches. No other capture takes its place in the detail.
        QVERIFY(pane.setFilterText(u"sendID:carol op-1"_s));
        QVERIFY(pane.proxy()->rowCount() > 0);
        QVERIFY(!pane.selectedCapture());
        QVERIFY(pane.view()->selectionModel()->selectedRows().isEmpty());
        pane.detail()->copyBody();
        QCOMPARE(copied.size(), 1); // nothing shown, nothing copied
        // Widening again does not bring a selection back by itself.
        QVERIFY(pane.setFilterText(QString()));
        QVERIFY(!pane.selectedCapture());
    }

    // Gui walk F13: changing or clearing the filter keeps the selected row in view, or the tail.
    void filterChangesKeepTheRowOrTheTail()
    {
        CaptureStore store;
        CapturePane pane(&store);
        pane.resize(900, 500);
        pane.show();
        feed(store, 1, 2000);
        QScrollBar *bar = pane.view()->verticalScrollBar();
        QTRY_COMPARE(bar->value(), bar->maximum());
        QVERIFY(bar->maximum() > 0);
        QVERIFY(pane.setFilterText(u"sendID:alice"_s));
        QCOMPARE(bar->value(), bar->maximum()); // following: the tail
        QVERIFY(pane.table()->isFollowing());
        QVERIFY(pane.setFilterText(QString()));
        QCOMPARE(bar->value(), bar->maximum());
        QVERIFY(bar->value() > 0);
        // A row in the middle, selected: clearing the filter keeps it in view, not row 1.
        QVERIFY(pane.selectCapture(1001));
        QVERIFY(!pane.table()->isFollowing()); // the selection scrolled up
        QVERIFY(pane.setFilterText(u"sendID:alice"_s));
        QVERIFY(rowVisible(pane, proxyRowOf(pane, 1001)));
        QVERIFY(pane.setFilterText(QString()));
        QVERIFY(rowVisible(pane, proxyRowOf(pane, 1001)));
        QCOMPARE(pane.selectedCapture()->id, 1001u);
        QVERIFY(bar->value() > 0);
    }

    // Gui walk F14: scrolling up pauses following, visibly, and the badge brings the tail back.
    void followTailAndNewRowsBadge()
    {
        CaptureStore store;
        CapturePane pane(&store);
        pane.resize(900, 500);
        pane.show();
        feed(store, 1, 300);
        QScrollBar *bar = pane.view()->verticalScrollBar();
        QAction *follow = pane.followAction();
        QVERIFY(follow->isCheckable());
        QVERIFY(follow->isChecked());
        QTRY_COMPARE(bar->value(), bar->maximum());
        feed(store, 301, 10);
        QCOMPARE(bar->value(), bar->maximum()); // followed
        QToolButton *badge = pane.table()->newRowsBadge();
        QVERIFY(badge->isHidden());
        bar->setValue(bar->maximum() / 2); // the user scrolls up
        QVERIFY(!follow->isChecked());
        const int value = bar->value();
        feed(store, 311, 3);
        QCOMPARE(bar->value(), value); // stays where the user is
        QVERIFY(badge->isVisible());
        QCOMPARE(badge->text(), u"3 new \u2193"_s);
        feed(store, 314, 2);
        QCOMPARE(badge->text(), u"5 new \u2193"_s);
        QVERIFY(pane.view()->viewport()->geometry().contains(badge->geometry().center()));
        badge->click();
        QVERIFY(follow->isChecked());
        QCOMPARE(bar->value(), bar->maximum());
        QVERIFY(badge->isHidden());
        // The toggle itself: off keeps the view still, on jumps to the latest.
        follow->setChecked(false);
        bar->setValue(0);
        feed(store, 316, 1);
        QCOMPARE(bar->value(), 0);
        follow->setChecked(true);
        QCOMPARE(bar->value(), bar->maximum());
        QVERIFY(badge->isHidden());
    }

    // Gui walk F20: Content stretches, a column chooser on the header, kept in the settings.
    void columnsStretchChooseAndPersist()
    {
        QSettings().remove(u"window/captureHeader"_s); // test mode: a settings file of the tests' own
        {
            CaptureStore store;
            CapturePane pane(&store);
            pane.resize(1100, 500);
            pane.show();
            feed(store, 1, 3);
            QTableView *view = pane.view();
            QCOMPARE(view->horizontalHeader()->sectionResizeMode(CaptureTableModel::ContentColumn),
                QHeaderView::Stretch);
            QVERIFY(view->columnWidth(CaptureTableModel::ContentColumn) >= 100);
            QVERIFY(view->isColumnHidden(CaptureTableModel::ClientMsgIdColumn));
            std::unique_ptr<QMenu> menu(pane.table()->columnMenu(nullptr));
            QCOMPARE(menu->actions().size(), int(CaptureTableModel::ColumnCount));
            QAction *rule = menu->actions().at(CaptureTableModel::RuleColumn);
            QCOMPARE(rule->text(), u"Rule"_s);
            QVERIFY(rule->isChecked());
            rule->setChecked(false);
            QVERIFY(view->isColumnHidden(CaptureTableModel::RuleColumn));
            menu->actions().at(CaptureTableModel::ClientMsgIdColumn)->setChecked(true);
            QVERIFY(!view->isColumnHidden(CaptureTableModel::ClientMsgIdColumn));
            pane.saveSettings();
        }
        CaptureStore store;
        CapturePane pane(&store);
        pane.restoreSettings();
        QVERIFY(pane.view()->isColumnHidden(CaptureTableModel::RuleColumn));
        QVERIFY(!pane.view()->isColumnHidden(CaptureTableModel::ClientMsgIdColumn));
        // ids are elided in the middle, where they differ.
        QAbstractItemDelegate *delegate =
            pane.view()->itemDelegateForColumn(CaptureTableModel::OperationIdColumn);
        QVERIFY(delegate && delegate != pane.view()->itemDelegate());
        QCOMPARE(pane.view()->itemDelegateForColumn(CaptureTableModel::ClientMsgIdColumn), delegate);
    }

    // The row's context menu: Filter on This Value and Copy Value from the cell under the mouse.
    void rowMenuFiltersAndCopies()
    {
        CaptureStore store;
        CapturePane pane(&store);
        pane.resize(1100, 500);
        pane.show();
        feed(store, 1, 10);
        QSignalSpy messages(&pane, &CapturePane::message);
        QTableView *view = pane.view();
        const QModelIndex parties = pane.proxy()->index(3, CaptureTableModel::PartiesColumn); // #4, carol
        QVERIFY(pane.setFilterText(u"-op-9"_s));
        std::unique_ptr<QMenu> menu(pane.rowMenu(view->visualRect(parties).center()));
        QVERIFY(menu);
        QAction *filterOn = actionNamed(menu.get(), u"filterOnValue"_s);
        QVERIFY(filterOn && filterOn->isEnabled());
        QVERIFY(filterOn->text().contains(u"sendID:carol"_s));
        filterOn->trigger();
        QCOMPARE(pane.filterEdit()->text(), u"-op-9 sendID:carol"_s); // joins what was typed
        QCOMPARE(pane.proxy()->rowCount(), 5);
        const QModelIndex content = pane.proxy()->index(0, CaptureTableModel::ContentColumn);
        menu.reset(pane.rowMenu(view->visualRect(content).center()));
        actionNamed(menu.get(), u"copyValue"_s)->trigger();
        QCOMPARE(QApplication::clipboard()->text(), u"hi 2"_s);
        QVERIFY(messages.last().first().toString().startsWith(u"Copied"_s));
        QVERIFY(!pane.rowMenu(QPoint(5, view->viewport()->height() - 2))); // below the rows: no menu
        // The time column has no filter field.
        menu.reset(
            pane.rowMenu(view->visualRect(pane.proxy()->index(0, CaptureTableModel::TimeColumn)).center()));
        QVERIFY(!actionNamed(menu.get(), u"filterOnValue"_s)->isEnabled());
    }

    // The window's actions in the row menu, and "Copied" in the status bar (gui walk F29).
    void windowRowActionsAndCopyFeedback()
    {
        Inspector inspector;
        MainWindow window(&inspector);
        window.resize(1300, 800);
        window.show();
        auto *pane = window.findChild<CapturePane *>();
        QVERIFY(pane);
        feed(*inspector.store(), 1, 6);
        QTableView *view = pane->view();
        const QModelIndex cell = pane->proxy()->index(2, CaptureTableModel::CommandColumn);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(cell).center());
        QCOMPARE(pane->selectedCapture()->id, 3u);
        std::unique_ptr<QMenu> menu(pane->rowMenu(view->visualRect(cell).center()));
        for (const QString &text : {u"&Make Rule from Capture..."_s, u"&Hold This Command"_s,
                 u"Message &Timeline"_s, u"Copy as c&URL"_s, u"Copy Body"_s})
            QVERIFY2(actionNamed(menu.get(), text), qPrintable(text));
        actionNamed(menu.get(), u"&Hold This Command"_s)->trigger();
        QCOMPARE(window.held()->heldCommands(), QStringList {u"callbackBeforeSendSingleMsgCommand"_s});
        actionNamed(menu.get(), u"Copy Body"_s)->trigger();
        QVERIFY(window.statusBar()->currentMessage().startsWith(u"Copied the body of capture #3"_s));
        window.statusBar()->clearMessage();
        actionNamed(menu.get(), u"Copy as c&URL"_s)->trigger();
        QVERIFY(window.statusBar()->currentMessage().startsWith(u"Copied a cURL command"_s));
        QVERIFY(QApplication::clipboard()->text().startsWith(u"curl"_s));
        // View > Auto Scroll is the table's follow toggle.
        bool inViewMenu = false;
        for (QAction *top : window.menuBar()->actions()) {
            if (top->menu() && top->menu()->actions().contains(pane->followAction()))
                inViewMenu = top->text() == u"&View"_s;
        }
        QVERIFY(inViewMenu);
    }
};

QTEST_MAIN(TestCaptureTable)
#include "tst_capturetable.moc"
