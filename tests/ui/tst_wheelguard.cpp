// SPDX-License-Identifier: MIT
// The new-user walk scrolled the rule editor with the mouse wheel and its numbers changed under the
// pointer (delay 2000 -> 1994 ms, status 200 -> 195): a spin box or combo box without the focus now
// passes the wheel on to the form (QApplication hands an ignored wheel event to the parent).
#include "dialogs/ruleeditordialog.h"
#include "rules/rule.h"
#include "rules/scenario.h"
#include "widgets/wheelguard.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QScrollArea>
#include <QSpinBox>
#include <QSpontaneKeyEvent>
#include <QTest>
#include <QVBoxLayout>
#include <QWheelEvent>

using namespace cbi;

namespace {
bool wheel(QWidget *target, int steps)
{
    const QPointF at = QPointF(target->rect().center());
    QWheelEvent down(at, target->mapToGlobal(at), QPoint(), QPoint(0, -120 * steps), Qt::NoButton,
        Qt::NoModifier, Qt::NoScrollPhase, false);
    // As from the mouse: Qt hands only spontaneous wheel events on to the parent.
    QSpontaneKeyEvent::setSpontaneous(&down);
    return QApplication::sendEvent(target, &down);
}
} // namespace

class TestWheelGuard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wheelScrollsTheFormNotTheValue()
    {
        {
            // The control: without the guard the same wheel changes a spin box that has no focus.
            QLineEdit first;
            QSpinBox unguarded;
            unguarded.setValue(50);
            QVERIFY(!unguarded.hasFocus());
            wheel(&unguarded, 3);
            QVERIFY(unguarded.value() != 50);
        }
        WheelGuard::install();
        QScrollArea area;
        auto *form = new QWidget;
        auto *layout = new QVBoxLayout(form);
        auto *delay = new QSpinBox;
        delay->setRange(0, 100000);
        delay->setValue(2000);
        auto *preset = new QComboBox;
        preset->addItems({QStringLiteral("continue"), QStringLiteral("block"), QStringLiteral("fail")});
        layout->addWidget(new QLineEdit); // where the focus starts, as the editor's name field
        layout->addWidget(delay);
        layout->addWidget(preset);
        layout->addSpacing(2000); // taller than the area: it scrolls
        area.setWidget(form);
        area.resize(300, 200);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        QVERIFY(!delay->hasFocus());

        wheel(delay, 3);
        wheel(preset, 1);
        QCOMPARE(delay->value(), 2000);
        QCOMPARE(preset->currentIndex(), 0);

        // A field the user is in still takes the wheel.
        area.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&area));
        delay->setFocus();
        QTRY_VERIFY(delay->hasFocus());
        wheel(delay, 1);
        QCOMPARE(delay->value(), 1999);
    }

    void theRuleEditorsNumbersStayPut()
    {
        Rule rule;
        rule.responses = {ResponseSpec()};
        RuleEditorDialog dialog(rule, Scenario());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QList<QSpinBox *> spins = dialog.findChildren<QSpinBox *>();
        QVERIFY(!spins.isEmpty());
        for (QSpinBox *spin : spins) {
            if (spin->hasFocus() || !spin->isEnabled())
                continue;
            const int before = spin->value();
            wheel(spin, 2);
            QCOMPARE(spin->value(), before);
        }
    }
};

QTEST_MAIN(TestWheelGuard)
#include "tst_wheelguard.moc"
