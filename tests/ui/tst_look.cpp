// SPDX-License-Identifier: MIT
// How the window looks (issue 16): the statistics charts (axes, hover values, the wait histogram on a
// log scale with p50 and p99, columns that fit), Settings > Appearance across a language switch, the
// action icons, and the empty state over the table that sends a first real callback.
#include "appearance.h"
#include "capture/capturestore.h"
#include "inspector/inspector.h"
#include "mainwindow.h"
#include "models/capturetablemodel.h"
#include "server/serverhost.h"
#include "servertoolbar.h"
#include "themeicon.h"
#include "widgets/barchart.h"
#include "widgets/emptystate.h"
#include "widgets/statisticswidget.h"
#include "windowloop.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QAreaSeries>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QClipboard>
#include <QDir>
#include <QHeaderView>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyle>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QToolTip>

using namespace cbi;
using namespace Qt::StringLiterals;

namespace {
CapturedRequest waited(int delayMs)
{
    CapturedRequest c;
    c.receivedAt = QDateTime::currentDateTimeUtc();
    c.command = u"callbackBeforeSendSingleMsgCommand"_s;
    c.reply.delayMs = delayMs;
    c.verdict.outcome = Verdict::Outcome::Continue;
    return c;
}

QAction *findAction(QWidget *window, const QString &objectName)
{
    for (QAction *a : window->findChildren<QAction *>()) {
        if (a->objectName() == objectName)
            return a;
    }
    return nullptr;
}

QAction *languageAction(QMainWindow *window, const QString &text)
{
    for (QAction *menu : window->menuBar()->actions()) {
        for (QAction *a : menu->menu()->actions()) {
            for (QAction *item : a->menu() ? a->menu()->actions() : QList<QAction *>()) {
                if (item->text() == text)
                    return item;
            }
        }
    }
    return nullptr;
}

QPushButton *button(QWidget *parent, const QString &text)
{
    for (QPushButton *b : parent->findChildren<QPushButton *>()) {
        if (b->text() == text)
            return b;
    }
    return nullptr;
}
} // namespace

class TestLook : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"cbi-tests"_s);
        QCoreApplication::setApplicationName(u"tst_look"_s);
        QSettings().clear();
    }

    // Gui walk F27: a linear histogram hid the slow replies behind the fast ones, no values on hover.
    void waitHistogramShowsTheSlowReplies()
    {
        StatisticsWidget stats;
        QList<CapturedRequest> batch;
        for (int i = 0; i < 100; ++i)
            batch.append(waited(0));
        for (int i = 0; i < 3; ++i)
            batch.append(waited(2000));
        batch.append(waited(6000));
        stats.addBatch(batch);
        stats.resize(360, 700);
        stats.show();
        QVERIFY(QTest::qWaitForWindowExposed(&stats));

        QChart *chart = stats.waitChart()->chart();
        const auto vertical = chart->axes(Qt::Vertical);
        QCOMPARE(vertical.size(), 1);
        auto *log = qobject_cast<QLogValueAxis *>(vertical.first());
        QVERIFY2(log, "the counts are on a log scale");
        QVERIFY(log->min() < 1 && log->max() >= 100);
        QBarSet *set = nullptr;
        QList<QLineSeries *> lines;
        for (QAbstractSeries *s : chart->series()) {
            if (auto *bars = qobject_cast<QBarSeries *>(s))
                set = bars->barSets().value(0);
            if (auto *line = qobject_cast<QLineSeries *>(s); line && line->isVisible())
                lines.append(line);
        }
        QVERIFY(set);
        QCOMPARE(set->count(), CaptureStats::waitBounds().size() + 1);
        QCOMPARE(set->at(0), 100.0); // <= 1 ms
        QCOMPARE(set->at(6), 3.0); // <= 5 s
        QCOMPARE(set->at(7), 1.0); // <= 15 s
        // p50 stands in the fast bar, p99 (2000 ms, the 103rd of 104) in the <= 5 s one.
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(0)->name(), u"p50 0 ms"_s);
        QCOMPARE(lines.at(1)->name(), u"p99 2 s"_s);
        QVERIFY(lines.at(0)->at(0).x() < 0.5);
        QVERIFY(lines.at(1)->at(0).x() > 5.5 && lines.at(1)->at(0).x() < 6.5);
        QCOMPARE(stats.waitLinePosition(0.99), lines.at(1)->at(0).x());

        // Hover values.
        Q_EMIT set->hovered(true, 6);
        QCOMPARE(stats.waitChart()->lastTip(), u"Waited 1 s to 5 s: 3 callback(s), 3 %"_s);
        QCOMPARE(QToolTip::text(), stats.waitChart()->lastTip());
        Q_EMIT set->hovered(false, 6);
        QVERIFY(stats.waitChart()->lastTip().isEmpty());
        QAreaSeries *area = nullptr;
        for (QAbstractSeries *s : stats.rateChart()->chart()->series()) {
            if (auto *a = qobject_cast<QAreaSeries *>(s))
                area = a;
        }
        QVERIFY(area);
        QCOMPARE(stats.rateChart()->chart()->axes(Qt::Horizontal).size(), 1);
        QCOMPARE(stats.rateChart()->chart()->axes(Qt::Vertical).size(), 1);
        Q_EMIT area->hovered(QPointF(0.2, 3), true);
        QCOMPARE(stats.rateChart()->lastTip(), u"This second: 104 callback(s)"_s);
        Q_EMIT area->hovered(QPointF(-10, 3), true);
        QCOMPARE(stats.rateChart()->lastTip(), u"10 s ago: 0 callback(s)"_s);
    }

    // Gui walk F27: "ignored" was cut off behind a horizontal scroll bar in the narrow dock.
    void perCommandColumnsFit()
    {
        StatisticsWidget stats;
        QList<CapturedRequest> batch;
        for (int i = 0; i < 20000; ++i)
            batch.append(waited(i % 3));
        stats.addBatch(batch);
        stats.resize(320, 600);
        stats.show();
        QVERIFY(QTest::qWaitForWindowExposed(&stats));
        QTableWidget *table = stats.table();
        QHeaderView *header = table->horizontalHeader();
        const int last = table->columnCount() - 1;
        QVERIFY2(
            header->sectionViewportPosition(last) + header->sectionSize(last) <= table->viewport()->width(),
            qPrintable(u"%1 + %2 > %3"_s.arg(header->sectionViewportPosition(last))
                           .arg(header->sectionSize(last))
                           .arg(table->viewport()->width())));
        QCOMPARE(header->sectionViewportPosition(0), 0); // nothing scrolled away
        QVERIFY2(header->sectionSize(0) >= table->fontMetrics().horizontalAdvance(u"BeforeSendSingle"_s),
            qPrintable(QString::number(header->sectionSize(0)))); // the command stays readable
        // Verdicts no callback got are left out; the others show.
        QVERIFY(!table->isColumnHidden(2) && table->isColumnHidden(3));
        for (int column = 1; column <= last; ++column) {
            if (table->isColumnHidden(column))
                continue;
            const QString number = table->item(0, column)->text();
            QVERIFY2(header->sectionSize(column) >= table->fontMetrics().horizontalAdvance(number),
                qPrintable(number));
        }
        // Every verdict column shown: the headers give way (their colour and tooltip say them), the
        // command stays readable (it was a bare '…' in the 360 px dock).
        QList<CapturedRequest> every;
        for (auto outcome : {Verdict::Outcome::Blocked, Verdict::Outcome::Modified, Verdict::Outcome::Failed,
                 Verdict::Outcome::Ignored, Verdict::Outcome::NotCallback}) {
            CapturedRequest c = waited(1);
            c.verdict.outcome = outcome;
            every.append(c);
        }
        stats.addBatch(every);
        stats.resize(420, 600); // a dock a little wider than 360 px: the counts have five digits here
        QTest::qWait(20);
        QVERIFY(!table->isColumnHidden(3));
        QVERIFY2(header->sectionSize(0) >= table->fontMetrics().horizontalAdvance(u"BeforeSendSingle"_s),
            qPrintable(QString::number(header->sectionSize(0))));
        QVERIFY(
            header->sectionViewportPosition(last) + header->sectionSize(last) <= table->viewport()->width());
    }

    // Settings > Appearance: applied app-wide at once, kept in the settings, and still there in the
    // window that a language switch builds anew.
    void appearanceSurvivesTheLanguageSwitch()
    {
        QSettings().remove(u"ui/appearance"_s);
        const QColor systemBase = QApplication::palette().color(QPalette::Base);
        Inspector inspector;
        auto first = std::make_unique<MainWindow>(&inspector);
        first->show();
        QAction *dark = findAction(first.get(), u"appearance-dark"_s);
        QVERIFY(dark);
        QVERIFY(findAction(first.get(), u"appearance-system"_s)->isChecked());
        dark->trigger();
        const QColor darkBase = Appearance::palette(Appearance::Theme::Dark).color(QPalette::Base);
        QCOMPARE(QApplication::palette().color(QPalette::Base), darkBase);
        QTRY_COMPARE(first->view()->palette().color(QPalette::Base), darkBase);
        QCOMPARE(QApplication::style()->name(), u"fusion"_s);
        QCOMPARE(QSettings().value(u"ui/appearance"_s).toString(), u"dark"_s);

        QAction *english = languageAction(first.get(), u"English"_s);
        QVERIFY(english);
        QTimer::singleShot(0, english, &QAction::trigger);
        MainWindow *firstWindow = first.get();
        MainWindow *second = nullptr;
        bool checkedInSecond = false;
        QColor baseInSecond;
        QTimer poll;
        poll.setInterval(20);
        connect(&poll, &QTimer::timeout, this, [&] {
            for (QWidget *w : QApplication::topLevelWidgets()) {
                auto *window = qobject_cast<MainWindow *>(w);
                if (!window || window == firstWindow || !window->isVisible() || window == second)
                    continue;
                second = window;
                checkedInSecond = findAction(window, u"appearance-dark"_s)->isChecked();
                baseInSecond = window->view()->palette().color(QPalette::Base);
                QTimer::singleShot(0, window, &QWidget::close);
            }
        });
        poll.start();
        runWindows(&inspector, std::move(first), [](const QString &) {});
        poll.stop();
        QSettings().remove(u"ui/language"_s);
        QVERIFY(second);
        QVERIFY(checkedInSecond);
        QCOMPARE(baseInSecond, darkBase);

        // The next start applies the saved choice; System gives the desktop's look back.
        QSettings().setValue(u"ui/appearance"_s, u"highContrast"_s);
        QApplication::setPalette(QPalette());
        MainWindow again(&inspector);
        QCOMPARE(QApplication::palette().color(QPalette::Base), QColor(Qt::black));
        QVERIFY(findAction(&again, u"appearance-highContrast"_s)->isChecked());
        findAction(&again, u"appearance-system"_s)->trigger();
        QCOMPARE(QApplication::palette().color(QPalette::Base), systemBase);
        QCOMPARE(QSettings().value(u"ui/appearance"_s).toString(), u"system"_s);
    }

    // Icons from the desktop theme, else the app's own: every toolbar action has one that draws.
    void everyToolbarActionHasAnIcon()
    {
        Inspector inspector;
        MainWindow window(&inspector);
        QStringList bare;
        for (QToolBar *bar : window.findChildren<QToolBar *>()) {
            for (QAction *a : bar->actions()) {
                if (!a->isSeparator() && !a->text().isEmpty() && a->icon().pixmap(16).isNull())
                    bare << a->text();
            }
        }
        QVERIFY2(bare.isEmpty(), qPrintable(bare.join(u", "_s)));
        // Each fallback draws (the SVG plugin is there and the file is in the resources).
        const QStringList names = QDir(u":/actions"_s).entryList();
        QVERIFY(names.size() >= 10);
        for (const QString &file : names) {
            const QImage image = QIcon(u":/actions/"_s + file).pixmap(32).toImage();
            int painted = 0;
            for (int y = 0; y < image.height(); ++y) {
                for (int x = 0; x < image.width(); ++x)
                    painted += image.pixelColor(x, y).alpha() > 0 ? 1 : 0;
            }
            QVERIFY2(painted > 20, qPrintable(file));
        }
    }

    // Gui walk F26: an empty table gave no hint. Now it says where OpenIM should post, and a sample
    // callback, sent for real through the simulator, makes the first row; Clear brings the hint back.
    void emptyStateLeadsToTheFirstCapture()
    {
        Inspector inspector;
        inspector.store()->setFlushIntervalMs(5);
        MainWindow window(&inspector);
        ServerConfig config;
        config.port = 0;
        QVERIFY(window.startServer(config));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        EmptyState *empty = window.emptyState();
        QVERIFY(empty->isVisible());
        const QString url = inspector.host()->webhookUrl();
        QVERIFY(url.startsWith(u"http://127.0.0.1:"_s));
        QVERIFY2(empty->urlText().contains(u"url: "_s + url), qPrintable(empty->urlText()));
        QVERIFY(empty->geometry().contains(window.view()->viewport()->rect().center()));

        QTest::mouseClick(button(empty, u"Copy"_s), Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), url);

        // Generate webhooks.yml is the File menu's action (its save dialog closed here).
        QAction *generate = nullptr;
        for (QAction *a : window.findChildren<QAction *>()) {
            if (a->text() == u"&Generate webhooks.yml..."_s)
                generate = a;
        }
        QVERIFY(generate);
        QSignalSpy generated(generate, &QAction::triggered);
        QTimer closer;
        connect(&closer, &QTimer::timeout, this, [] {
            if (QWidget *modal = QApplication::activeModalWidget())
                modal->close();
        });
        closer.start(50);
        QTest::mouseClick(button(empty, u"Generate webhooks.yml..."_s), Qt::LeftButton);
        closer.stop();
        QCOMPARE(generated.count(), 1);

        QTest::mouseClick(button(empty, u"Send a sample callback"_s), Qt::LeftButton);
        QTRY_COMPARE(window.model()->rowCount(), 1);
        const CapturedRequest *sample = window.model()->captureAt(0);
        QCOMPARE(sample->command, u"callbackBeforeSendSingleMsgCommand"_s);
        QCOMPARE(sample->verdict.outcome, Verdict::Outcome::Continue);
        QVERIFY(!empty->isVisible());

        inspector.store()->clear(); // as Capture > Clear does
        QTRY_COMPARE(window.model()->rowCount(), 0);
        QVERIFY(empty->isVisible());

        // Not listening: the hint says so and the sample cannot be sent.
        inspector.host()->stop();
        QTRY_VERIFY(empty->urlText().contains(u"not listening"_s));
        QVERIFY(!button(empty, u"Send a sample callback"_s)->isEnabled());
    }
};

QTEST_MAIN(TestLook)
#include "tst_look.moc"
