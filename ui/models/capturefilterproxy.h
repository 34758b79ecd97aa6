// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capturefilter.h"

#include <QSortFilterProxyModel>

#include <functional>

namespace cbi {

// Filters the capture table with a CaptureFilter expression plus the command and verdict pickers.
class CaptureFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit CaptureFilterProxy(QObject *parent = nullptr);

    // Returns false (and keeps the previous filter) when the expression is invalid.
    bool setExpression(const QString &text, QString *error = nullptr);
    void setCommand(const QString &command); // empty: all
    void setOutcome(int outcome); // -1: all, else a Verdict::Outcome
    // Some criterion hides rows (the expression, a command or a verdict).
    bool isActive() const { return !m_filter.isEmpty() || !m_command.isEmpty() || m_outcome >= 0; }
    // The current criteria as a value, for use on other threads (paging the session file).
    std::function<bool(const CapturedRequest &)> predicate() const;

Q_SIGNALS:
    void criteriaChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    static bool accepts(
        const CapturedRequest &c, const CaptureFilter &filter, const QString &command, int outcome);

    CaptureFilter m_filter;
    QString m_command;
    int m_outcome = -1;
};

} // namespace cbi
