'use client'
import { formatAmount } from '../../core/hive/formatAmount.js'
import type { RiskAssessment, RiskReason } from '../../core/hive/operationRisk.js'
import type { HasLabels } from '../i18n/en.js'
import { format } from '../i18n/format.js'

/**
 * What makes a transaction need care, above its operations and impossible to miss: a dangerous one is an alert (read
 * out as the prompt opens), one that only needs attention a note. Nothing for a routine transaction.
 */
export function RiskWarning({ risk, labels, hivePerVests }: { risk: RiskAssessment; labels: HasLabels; hivePerVests?: number }) {
  if (risk.reasons.length === 0) return null
  const danger = risk.level === 'danger'
  const amount = (value: unknown) => formatAmount(value, hivePerVests, labels.locale) ?? ''
  const say = (reason: RiskReason): string => {
    switch (reason.kind) {
      case 'keys':
        return format(labels.riskKeys, { account: reason.account })
      case 'posting_authority':
        return format(labels.riskPostingAuthority, { account: reason.account })
      case 'recovery':
        return format(labels.riskRecovery, { account: reason.account })
      case 'proxy':
        return format(labels.riskProxy, { to: reason.to })
      case 'large_amount':
        return format(labels.riskLargeAmount, { amount: amount(reason.amount) })
      case 'large_power':
        return format(labels.riskLargePower, { amount: amount(reason.amount) })
      case 'withdraw_route':
        return format(labels.riskWithdrawRoute, { to: reason.to })
      case 'active_app_action':
        return format(labels.riskActiveApp, { id: reason.id.slice(0, 40) })
      case 'many_operations':
        return format(labels.riskMany, { count: reason.count })
    }
  }
  return (
    <div className={`has-risk has-risk--${danger ? 'danger' : 'caution'}`} role={danger ? 'alert' : 'note'} data-risk={risk.level}>
      <p className="has-risk__title">{danger ? labels.riskDangerTitle : labels.riskCautionTitle}</p>
      <ul className="has-risk__reasons">
        {risk.reasons.map((reason, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, in the order of the operations
          <li key={i}>{say(reason)}</li>
        ))}
      </ul>
    </div>
  )
}
