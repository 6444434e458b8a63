'use client'
import { useId, useState, type FormEvent } from 'react'
import { checkAccountName, type AccountNameProblem } from '../../core/protocol/accountName'
import type { HasLabels } from '../i18n/en'

const MESSAGES: Record<AccountNameProblem, keyof HasLabels> = {
  empty: 'accountEmpty',
  too_short: 'accountTooShort',
  too_long: 'accountTooLong',
  invalid_segment: 'accountInvalid',
}

/** The account-name step: validated against Hive's rules and lower-cased before anything is sent. */
export function AccountForm({ labels, initial, onSubmit }: { labels: HasLabels; initial?: string; onSubmit(account: string): void }) {
  const [value, setValue] = useState(initial ?? '')
  const [problem, setProblem] = useState<AccountNameProblem | undefined>()
  const inputId = useId()
  const errorId = useId()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const account = value.trim().replace(/^@/, '').toLowerCase()
    const found = checkAccountName(account)
    setProblem(found)
    if (!found) onSubmit(account)
  }
  return (
    <form className="has-form" onSubmit={submit} noValidate>
      <label htmlFor={inputId} className="has-label">
        {labels.accountLabel}
      </label>
      <div className="has-input-row">
        <span className="has-input-prefix" aria-hidden="true">
          @
        </span>
        <input
          id={inputId}
          className="has-input"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          placeholder={labels.accountPlaceholder}
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          data-has-autofocus=""
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? errorId : undefined}
        />
      </div>
      {problem && (
        <p id={errorId} className="has-field-error" role="alert">
          {labels[MESSAGES[problem]]}
        </p>
      )}
      <button type="submit" className="has-button has-button--primary">
        {labels.continue}
      </button>
    </form>
  )
}
