// SPDX-License-Identifier: MIT
// The first window on small screens (gui walk F7, F19): on a 1366x768 laptop and on 1920x1080 at
// QT_SCALE_FACTOR=2 it fits the screen, the filter and the listen address and path stay readable,
// and the docks give way so the table gets most of the width. CTest runs it once per screen
// (tests/ui/screens/*.json, the offscreen platform's screen configuration); CBI_EXPECT_SCREEN says
// which logical size that screen must have, so a configuration that did not apply fails; with
// CBI_SQUEEZE the window is then made as narrow as it can be.
#include "inspector/inspector.h"
#include "mainwindow.h"

#include <QApplication>
#include <QDockWidget>
#include <QLineEdit>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace cbi;
using namespace Qt::StringLiterals;

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
};

QTEST_MAIN(TestWindowFit)
#include "tst_windowfit.moc"
