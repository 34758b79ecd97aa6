// SPDX-License-Identifier: MIT
// The window for keyboard and screen-reader users and in any palette: every control has a name,
// Tab follows the layout, coloured text keeps WCAG AA contrast.
#include "appearance.h"
#include "dialogs/ruleeditordialog.h"
#include "dialogs/simulatordialog.h"
#include "dialogs/tlsdialog.h"
#include "inspector/inspector.h"
#include "mainwindow.h"
#include "models/capturetablemodel.h"
#include "testpalette.h"
#include "widgets/jsonhighlighter.h"
#include "widgets/readablecolor.h"

#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QTabBar>
#include <QTableView>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

using namespace cbi;
using namespace Qt::StringLiterals;

class TestAccessibility : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"cbi-tests"_s);
        QCoreApplication::setApplicationName(u"tst_accessibility"_s);
    }

    // Every control a keyboard or screen-reader user reaches has a name a screen reader can say.
    void everyControlHasAnAccessibleName()
    {
        Inspector inspector;
        MainWindow window(&inspector);
        window.show();
        RuleEditorDialog editor(MainWindow::ruleFromCapture(CapturedRequest()), Scenario());
        SimulatorDialog simulator;
        TlsDialog tls({}, {});
        QStringList unnamed;
        for (QWidget *top : QList<QWidget *> {&window, &editor, &simulator, &tls}) {
            for (QWidget *w : top->findChildren<QWidget *>()) {
                // Parts of a named control (a combo box's list and line edit, a spin box's line
                // edit) and the main window's dock tabs (each says its dock's title) name themselves.
                QWidget *parent = w->parentWidget();
                if (w->focusPolicy() == Qt::NoFocus || !w->isEnabled() || qobject_cast<QComboBox *>(parent)
                    || qobject_cast<QAbstractSpinBox *>(parent)
                    || parent->inherits("QComboBoxPrivateContainer")
                    || (qobject_cast<QTabBar *>(w) && qobject_cast<QMainWindow *>(parent)))
                    continue;
                QAccessibleInterface *a = QAccessible::queryAccessibleInterface(w);
                if (!a || a->text(QAccessible::Name).trimmed().isEmpty())
                    unnamed << QLatin1String(top->metaObject()->className()) + u' '
                            + QLatin1String(w->metaObject()->className()) + u' ' + w->objectName() + u" in "_s
                            + QLatin1String(w->parentWidget()->metaObject()->className()) + u' '
                            + w->parentWidget()->accessibleName();
            }
        }
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u'\n')));
    }

    // Gui walk F8: Tab moved from cell to cell (and row to row, changing the selected capture) and
    // never left the table; Tab inside text areas typed tab characters.
    void tabLeavesTheTableAndTextAreas()
    {
        Inspector inspector;
        CapturedRequest c;
        c.method = "POST";
        c.body = "{\"content\":\"hi\"}";
        c.id = 1;
        CapturedRequest d = c;
        d.id = 2;
        inspector.store()->load({c, d}, false);
        MainWindow window(&inspector);
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.view()->setFocus();
        window.view()->selectRow(0);
        QTest::keyClick(window.view(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget()->accessibleName(), u"Capture detail"_s);
        QCOMPARE(window.view()->currentIndex().row(), 0); // the selection stayed

        RuleEditorDialog editor(MainWindow::ruleFromCapture(CapturedRequest()), Scenario());
        SimulatorDialog simulator;
        QStringList traps;
        for (QWidget *top : QList<QWidget *> {&window, &editor, &simulator}) {
            for (QPlainTextEdit *edit : top->findChildren<QPlainTextEdit *>()) {
                if (!edit->tabChangesFocus())
                    traps << edit->accessibleName();
            }
        }
        QVERIFY2(traps.isEmpty(), qPrintable(traps.join(u", "_s)));
    }

    // Gui walk F7: on a 1366x768 laptop the first window was 1440x860, its status bar (with the URL
    // for webhooks.yml) off the screen. Here the offscreen screen is smaller still.
    void firstStartFitsTheScreen()
    {
        QSettings().remove(u"window/geometry"_s);
        Inspector inspector;
        MainWindow window(&inspector);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // No larger than the screen, unless the window cannot be smaller (its minimum size: this
        // offscreen screen is narrower than any laptop's).
        const QRect available = window.screen()->availableGeometry();
        const QSize least = window.minimumSizeHint();
        QVERIFY2(window.width() <= qMax(available.width(), least.width())
                && window.height() <= qMax(available.height(), least.height()),
            qPrintable(u"%1x%2 on %3x%4"_s.arg(window.width())
                           .arg(window.height())
                           .arg(available.width())
                           .arg(available.height())));
        QVERIFY(available.contains(window.geometry().topLeft()));
    }

    // Gui walk F25: a dock closed with its x had no way back but a hidden right-click.
    void everyDockComesBackFromTheViewMenu()
    {
        Inspector inspector;
        MainWindow window(&inspector);
        window.show();
        QMenu *view = nullptr;
        for (QAction *menu : window.menuBar()->actions()) {
            if (menu->text() == u"&View"_s)
                view = menu->menu();
        }
        QVERIFY(view);
        const auto docks = window.findChildren<QDockWidget *>();
        QCOMPARE(docks.size(), 3);
        for (QDockWidget *dock : docks) {
            dock->close();
            QAction *item = nullptr;
            for (QAction *a : view->actions()) {
                if (a->text() == dock->windowTitle())
                    item = a;
            }
            QVERIFY2(item, qPrintable(dock->windowTitle()));
            item->trigger();
            QVERIFY(dock->isVisible());
        }
    }

    // Tab walks the window the way it reads: filter, pickers, follow toggle, table, then the detail.
    void tabOrderFollowsTheLayout()
    {
        Inspector inspector;
        MainWindow window(&inspector);
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        for (QLineEdit *edit : window.findChildren<QLineEdit *>()) {
            if (edit->accessibleName() == u"Listen address"_s)
                edit->setFocus();
        }
        QStringList chain;
        for (int i = 0; i < 10; ++i) {
            QWidget *w = QApplication::focusWidget();
            chain << (w->accessibleName().isEmpty() ? QLatin1String(w->metaObject()->className())
                                                    : w->accessibleName());
            QTest::keyClick(w, Qt::Key_Tab);
        }
        // The empty table's buttons (gui walk F26) come with the table they stand over (Copy and Send
        // a sample callback wait for a server: none runs here).
        const QStringList expected {u"Listen address"_s, u"Port"_s, u"Base path"_s, u"Filter"_s,
            u"Command filter"_s, u"Verdict filter"_s, u"Auto Scroll"_s, u"Captured callbacks"_s,
            u"Generate webhooks.yml..."_s, u"Capture detail"_s};
        QCOMPARE(chain.mid(0, expected.size()), expected);
    }

    // Light, dark and high-contrast palettes: every coloured text keeps 4.5:1 against its background.
    void coloursStayReadable_data()
    {
        QTest::addColumn<QPalette>("palette");
        QTest::newRow("default") << QApplication::palette();
        QTest::newRow("high contrast dark") << testpalette::highContrastDark();
        QTest::newRow("high contrast light") << testpalette::highContrastLight();
        QPalette grey(QColor(0x30, 0x30, 0x30));
        grey.setColor(QPalette::Base, QColor(0x24, 0x24, 0x24));
        QTest::newRow("dark grey") << grey;
        // Settings > Appearance.
        QTest::newRow("appearance light") << Appearance::palette(Appearance::Theme::Light);
        QTest::newRow("appearance dark") << Appearance::palette(Appearance::Theme::Dark);
        QTest::newRow("appearance high contrast") << Appearance::palette(Appearance::Theme::HighContrast);
    }

    void coloursStayReadable()
    {
        QFETCH(QPalette, palette);
        const QPalette before = QApplication::palette();
        QApplication::setPalette(palette);
        const QColor base = palette.color(QPalette::Base);
        // Tables stripe rows with AlternateBase.
        const QColor alternate = palette.color(QPalette::AlternateBase);
        for (auto outcome : Verdict::outcomes()) {
            const QColor c = CaptureTableModel::verdictColor(outcome);
            QVERIFY2(ReadableColor::contrast(c, base) >= 4.5, qPrintable(c.name()));
            QVERIFY2(ReadableColor::contrast(c, alternate) >= 4.5, qPrintable(c.name()));
        }
        QTextDocument document;
        JsonHighlighter highlighter(&document);
        document.setPlainText(u"{\"key\": \"text\", \"n\": 12, \"ok\": true}"_s);
        highlighter.rehighlight();
        const auto formats = document.firstBlock().layout()->formats();
        QCOMPARE(formats.size(), 6); // three keys, a string, a number, a keyword
        for (const auto &range : formats) {
            const QColor c = range.format.foreground().color();
            QVERIFY2(ReadableColor::contrast(c, base) >= 4.5, qPrintable(c.name()));
        }
        QApplication::setPalette(before);
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
