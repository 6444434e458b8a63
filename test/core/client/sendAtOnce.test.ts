import { afterEach, expect, it } from 'vitest'
import { authenticate } from '../../../src/core/actions/authenticate'
import { createHarness, type Harness } from '../../support/devkitHarness'

let h: Harness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

it('on an open socket a request frame leaves in the very call, before any other task or render', async () => {
  h = await createHarness({ wallet: { decision: 'manual' } })
  await h.client.connect()
  const login = authenticate(h.client, { account: 'alice' })
  expect(h.client.getState().requests).toMatchObject([{ id: login.id, status: 'requesting' }]) // no await in between
  h.client.cancel()
  await login.catch(() => {})
})
