// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { HasSignPrompt } from '../../src/components/HasSignPrompt/HasSignPrompt'
import { deLabels } from '../../src/components/i18n/de'
import { HasUiProvider } from '../../src/components/theme/HasUiProvider'
import type { SignVariables } from '../../src/query/sign'
import { HasProvider } from '../../src/react/HasProvider'
import { useHasSign } from '../../src/react/hooks/useHasSign'
import { useHiveAuth } from '../../src/react/hooks/useHiveAuth'
import { expectNoAxeViolations } from '../support/axe'
import { createReactDevkit } from '../support/reactDevkit'

// The sign prompt makes danger impossible to miss: a dangerous transaction opens with an alert that says why, in the
// user's language; a routine one shows none; the key named is the strongest the operations need.

let kit: ReturnType<typeof createReactDevkit>
afterEach(() => {
  cleanup()
  kit?.close()
})

function Page({ variables }: { variables: SignVariables }) {
  const auth = useHiveAuth()
  const sign = useHasSign()
  return (
    <>
      <button type="button" onClick={() => void auth.login('alice', { onWait: kit.scan })}>
        login
      </button>
      <span>{auth.session ? 'in' : 'out'}</span>
      <button type="button" onClick={() => sign.mutate(variables)}>
        sign
      </button>
      <HasSignPrompt mutation={sign} />
    </>
  )
}

async function openPrompt(variables: SignVariables, german = false) {
  kit = createReactDevkit()
  const user = userEvent.setup()
  const page = <Page variables={variables} />
  render(
    <HasProvider app={{ name: 'Risk' }} devkit={kit.devkit} storage={kit.storage}>
      {german ? <HasUiProvider labels={deLabels}>{page}</HasUiProvider> : page}
    </HasProvider>,
  )
  await user.click(await screen.findByText('login'))
  await screen.findByText('in')
  kit.wallet.setDecision('manual')
  await user.click(screen.getByText('sign'))
  return screen.findByRole('dialog')
}

describe('the sign prompt’s warning', () => {
  it('a large transfer opens with an alert that says what it moves', async () => {
    const dialog = await openPrompt({ keyType: 'active', ops: [['transfer', { from: 'alice', to: 'bob', amount: '250000.000 HIVE', memo: '' }]] })
    const alert = within(dialog).getByRole('alert')
    expect(alert.textContent).toBe('Check this carefully before you approveIt moves 250,000.000 HIVE.')
    await expectNoAxeViolations(dialog)
  })

  it('new owner keys: the alert, in German, and the owner key named above the operations', async () => {
    const dialog = await openPrompt(
      {
        keyType: 'active',
        ops: [
          [
            'account_update',
            { account: 'alice', owner: { weight_threshold: 1, account_auths: [], key_auths: [] }, memo_key: 'STM1', json_metadata: '' },
          ],
        ],
      },
      true,
    )
    expect(within(dialog).getByRole('alert').textContent).toBe(
      'Prüfe das genau, bevor du bestätigstEs ändert die Schlüssel, die @alice kontrollieren.',
    )
    expect(within(dialog).getByText('Mit deinem Owner-Schlüssel')).toBeTruthy()
  })

  it('a vote has no warning', async () => {
    const dialog = await openPrompt({ keyType: 'posting', ops: [['vote', { voter: 'alice', author: 'bob', permlink: 'p', weight: 10000 }]] })
    expect(within(dialog).queryByRole('alert')).toBeNull()
    expect(within(dialog).queryByRole('note')).toBeNull()
  })
})
