// SPDX-License-Identifier: MIT
// The first window on small screens (gui walk F7, F19): on a 1366x768 laptop and on 1920x1080 at
// QT_SCALE_FACTOR=2 it fits the screen, the filter and the listen address and path stay readable,
// and the docks give way so the table gets most of the width. CTest runs it once per screen
// (tests/ui/screens/*.json, the offscreen platform's screen configuration); CBI_EXPECT_SCREEN says
// which logical size that screen must have, so a configuration that did not apply fails; with
// CBI_SQUEEZE the window is then made as narrow as it can be.
#include "capture/capturestore.h"
#include "inspector/inspector.h"
#include "mainwindow.h"
#include "models/capturetablemodel.h"

#include <QApplication>
#include <QDockWidget>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace cbi;
using namespace Qt::StringLiterals;

namespace {
// The row fits the table (gui walk F20): no horizontal scrolling, every column a user reads a
// capture by is shown, and Content, the most telling one, keeps room for a short message.
QString columnsDoNotFit(QTableView *view)
{
    QApplication::processEvents();
    const QHeaderView *header = view->horizontalHeader();
    QStringList problems;
    if (header->length() > view->viewport()->width())
        problems.append(u"row %1 px in a %2 px view"_s.arg(header->length()).arg(view->viewport()->width()));
    for (int column : {CaptureTableModel::IdColumn, CaptureTableModel::WarningsColumn,
             CaptureTableModel::TimeColumn, CaptureTableModel::CommandColumn,
             CaptureTableModel::VerdictColumn, CaptureTableModel::ContentColumn,
             CaptureTableModel::DelayColumn, CaptureTableModel::RuleColumn}) {
        const QString name = view->model()->headerData(column, Qt::Horizontal).toString();
        if (view->isColumnHidden(column))
            problems.append(name + u" hidden"_s);
        else if (header->sectionViewportPosition(column) + header->sectionSize(column)
            > view->viewport()->width())
            problems.append(name + u" out of view"_s);
    }
    const int content = header->sectionSize(CaptureTableModel::ContentColumn);
    if (content < view->fontMetrics().horizontalAdvance(u"are we still on for 8am?"_s))
        problems.append(u"Content %1 px"_s.arg(content));
    if (!problems.isEmpty()) {
        QStringList widths;
        for (int column = 0; column < header->count(); ++column) {
            widths.append(view->model()->headerData(column, Qt::Horizontal).toString() + u" "_s
                + (header->isSectionHidden(column) ? u"-"_s : QString::number(header->sectionSize(column))));
        }
        problems.append(u"view %1 px: %2"_s.arg(view->viewport()->width()).arg(widths.join(u", "_s)));
    }
    return problems.join(u", "_s);
}

CapturedRequest capture(quint64 id)
{
    CapturedRequest c;
    c.id = id;
    c.receivedAt = QDateTime::currentDateTimeUtc();
    c.method = "POST";
    c.path = u"/callbackExample/callbackBeforeSendSingleMsgCommand"_s;
    c.command = c.canonicalCommand = u"callbackBeforeSendSingleMsgCommand"_s;
    c.operationID = u"op-%1"_s.arg(id);
    c.body = QJsonDocument(QJsonObject {{u"sendID"_s, u"alice"_s}, {u"recvID"_s, u"bob"_s},
                               {u"content"_s, u"{\"content\":\"hi %1\"}"_s.arg(id)}})
                 .toJson(QJsonDocument::Compact);
    c.verdict.outcome = Verdict::Outcome::Blocked;
    c.verdict.errCode = 5001;
    c.reply.status = 200;
    c.reply.delayMs = 2000;
    c.ruleName = u"sensitive words"_s;
    return c;
}
} // namespace

class TestWindowFit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"cbi-tests"_s);
        QCoreApplication::setApplicationName(u"tst_windowfit"_s);
        QSettings().clear(); // a first start
    }

    void firstStartGivesTheTableTheRoom()
    {
        const QString expected = qEnvironmentVariable("CBI_EXPECT_SCREEN");
        const QSize screen = QApplication::primaryScreen()->geometry().size();
        if (!expected.isEmpty())
            QCOMPARE(u"%1x%2"_s.arg(screen.width()).arg(screen.height()), expected);
        Inspector inspector;
        MainWindow window(&inspector);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::qWait(50); // the docks' first-start width is set after the first layout pass
        const QRect available = window.screen()->availableGeometry();
        QVERIFY2(available.contains(window.frameGeometry().adjusted(1, 1, -1, -1))
                || available.contains(window.geometry()),
            qPrintable(u"%1,%2 %3x%4 (frame %5,%6 %7x%8) on %9x%10"_s.arg(window.x())
                           .arg(window.y())
                           .arg(window.width())
                           .arg(window.height())
                           .arg(window.frameGeometry().x())
                           .arg(window.frameGeometry().y())
                           .arg(window.frameGeometry().width())
                           .arg(window.frameGeometry().height())
                           .arg(available.width())
                           .arg(available.height())));

        // The table gets most of the width; every dock is narrower than it.
        const int table = window.view()->width();
        QVERIFY2(table >= window.width() * 55 / 100,
            qPrintable(u"table %1 of %2"_s.arg(table).arg(window.width())));
        for (QDockWidget *dock : window.findChildren<QDockWidget *>()) {
            if (dock->isVisible())
                QVERIFY2(dock->width() < table, qPrintable(dock->objectName()));
        }

        // Every column a capture is read by is in view, Content included, before any is resized.
        if (!qEnvironmentVariableIsSet("CBI_SQUEEZE")) {
            const QString problems = columnsDoNotFit(window.view());
            QVERIFY2(problems.isEmpty(), qPrintable(problems));
        }

        // The filter and the listen fields show their text whole, even with the window made as
        // narrow as it goes (F19: the filter shrank to "Fi…").
        if (qEnvironmentVariableIsSet("CBI_SQUEEZE")) {
            window.resize(window.minimumSizeHint());
            QTest::qWait(50);
        }
        QLineEdit *filter = window.filterEdit();
        QVERIFY2(
            filter->width() >= filter->fontMetrics().horizontalAdvance(u"verdict:blocked sendID:alice"_s),
            qPrintable(QString::number(filter->width())));
        for (QLineEdit *edit : window.findChildren<QLineEdit *>()) {
            if (edit->accessibleName() == u"Listen address"_s || edit->accessibleName() == u"Base path"_s) {
                const int text = edit->fontMetrics().horizontalAdvance(edit->text());
                QVERIFY2(edit->isVisible() && edit->contentsRect().width() >= text + 4,
                    qPrintable(
                        u"%1: %2 < %3"_s.arg(edit->text()).arg(edit->contentsRect().width()).arg(text)));
            }
        }
    }

    // A wider window full of rows (a vertical scrollbar takes its share): Content is not squeezed,
    // and the columns follow the window until the user sizes one; then they stay as the user left them.
    void manyRowsAt1440()
    {
        QSettings().clear();
        Inspector inspector;
        for (quint64 id = 1; id <= 300; ++id)
            inspector.store()->append(capture(id));
        inspector.store()->flush();
        MainWindow window(&inspector);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(1440, 860);
        QTest::qWait(50);
        QTableView *view = window.view();
        QTRY_COMPARE(view->model()->rowCount(), 300);
        QVERIFY(view->verticalScrollBar()->isVisible());
        QString problems = columnsDoNotFit(view);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        window.resize(1366, 740);
        QTest::qWait(20);
        problems = columnsDoNotFit(view);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));

        view->horizontalHeader()->resizeSection(CaptureTableModel::RuleColumn, 300); // the user's
        window.resize(1440, 860);
        QTest::qWait(20);
        QCOMPARE(view->horizontalHeader()->sectionSize(CaptureTableModel::RuleColumn), 300);
    }
};

QTEST_MAIN(TestWindowFit)
#include "tst_windowfit.moc"
