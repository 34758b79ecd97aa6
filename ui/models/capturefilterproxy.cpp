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
    return true;
}

void CaptureFilterProxy::setCommand(const QString &command)
{
    m_command = command;
    invalidateFilter();
}

void CaptureFilterProxy::setOutcome(int outcome)
{
    m_outcome = outcome;
    invalidateFilter();
}

bool CaptureFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    const auto *model = qobject_cast<const CaptureTableModel *>(sourceModel());
    const CapturedRequest *c = model ? model->captureAt(sourceRow) : nullptr;
    if (!c)
        return true;
    if (!m_command.isEmpty() && c->command != m_command)
        return false;
    if (m_outcome >= 0 && int(c->verdict.outcome) != m_outcome)
        return false;
    return m_filter.matches(*c);
}

} // namespace cbi
