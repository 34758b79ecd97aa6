// SPDX-License-Identifier: MIT
#include "capturefilterproxy.h"

#include "capturetablemodel.h"

namespace cbi {

CaptureFilterProxy::CaptureFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
}

bool CaptureFilterProxy::setExpression(const QString &text, QString *error)
{
    QString message;
    CaptureFilter filter = CaptureFilter::parse(text, &message);
    if (error)
        *error = message;
    if (!message.isEmpty())
        return false;
    m_filter = filter;
    invalidateFilter();
    Q_EMIT criteriaChanged();
    return true;
}

void CaptureFilterProxy::setCommand(const QString &command)
{
    m_command = command;
    invalidateFilter();
    Q_EMIT criteriaChanged();
}

void CaptureFilterProxy::setOutcome(int outcome)
{
    m_outcome = outcome;
    invalidateFilter();
    Q_EMIT criteriaChanged();
}

bool CaptureFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    const auto *model = qobject_cast<const CaptureTableModel *>(sourceModel());
    const CapturedRequest *c = model ? model->captureAt(sourceRow) : nullptr;
    return !c || accepts(*c, m_filter, m_command, m_outcome);
}

bool CaptureFilterProxy::accepts(
    const CapturedRequest &c, const CaptureFilter &filter, const QString &command, int outcome)
{
    if (!command.isEmpty() && c.command != command)
        return false;
    if (outcome >= 0 && int(c.verdict.outcome) != outcome)
        return false;
    return filter.matches(c);
}

std::function<bool(const CapturedRequest &)> CaptureFilterProxy::predicate() const
{
    return [filter = m_filter, command = m_command, outcome = m_outcome](
               const CapturedRequest &c) { return accepts(c, filter, command, outcome); };
}

} // namespace cbi
