'use client'
import { type FormEvent, useId, useState } from 'react'
import { type AccountNameProblem, checkAccountName, cleanAccountName } from '../../core/protocol/accountName.js'
import type { HasUiLabels } from '../i18n/enUi.js'
import { format } from '../i18n/format.js'

const MESSAGES: Record<AccountNameProblem, keyof HasUiLabels> = {
  empty: 'accountEmpty',
  too_short: 'accountTooShort',
  too_long: 'accountTooLong',
  invalid_segment: 'accountInvalid',
}

/**
 * The account-name step: validated against Hive's rules and lower-cased before anything is sent. Accounts logged in
 * before on this device are one tap away; "Don't have a wallet?" leads to help.
 */
export function AccountForm(props: {
  labels: HasUiLabels
  initial?: string
  recent: readonly string[]
  /** A login is being started: a second Enter or tap must not start another. */
  busy?: boolean
  onSubmit(account: string): void
  onHelp(): void
  /** Back to the wallet step, when there was one. */
  onBack?(): void
  /** An account the nodes say does not exist (the form shows it, with the name kept for fixing). */
  unknown?: string
}) {
  const { labels } = props
  const [value, setValue] = useState(props.initial ?? '')
  const [problem, setProblem] = useState<AccountNameProblem | undefined>()
  const inputId = useId()
  const errorId = useId()
  // A name the nodes do not know, while it is still the one typed; a rule broken by what is typed now comes first.
  const unknown = !problem && props.unknown !== undefined && cleanAccountName(value) === props.unknown
  const error = problem ? labels[MESSAGES[problem]] : unknown ? format(labels.accountUnknown, { account: props.unknown! }) : undefined
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (props.busy) return
    const account = cleanAccountName(value)
    const found = checkAccountName(account)
    setProblem(found)
    if (!found) props.onSubmit(account)
  }
  return (
    <form className="has-form" onSubmit={submit} noValidate aria-busy={props.busy || undefined}>
      {props.recent.length > 0 && (
        <fieldset className="has-recent">
          <legend className="has-label">{labels.recentAccounts}</legend>
          <div className="has-recent__list">
            {props.recent.map((account) => (
              <button
                key={account}
                type="button"
                className="has-chip"
                dir="ltr"
                aria-label={format(labels.continueAs, { account })}
                onClick={() => !props.busy && props.onSubmit(account)}
              >
                @{account}
              </button>
            ))}
          </div>
        </fieldset>
      )}
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
          dir="ltr"
          data-has-autofocus=""
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
      </div>
      {error && (
        <p id={errorId} className="has-field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="has-button has-button--primary">
        {labels.continue}
      </button>
      <button type="button" className="has-link-button" onClick={props.onHelp}>
        {labels.noWallet}
      </button>
      {props.onBack && (
        <button type="button" className="has-button has-button--quiet" onClick={props.onBack}>
          {labels.back}
        </button>
      )}
    </form>
  )
}
