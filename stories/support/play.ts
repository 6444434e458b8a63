import { expect, userEvent, waitFor, within } from 'storybook/test'
import type { Playground } from './playground'

/** The running story's devkit. */
export function playgroundOf(canvasElement: HTMLElement): Playground {
  const playground = canvasElement.ownerDocument.defaultView?.__hasPlayground
  if (!playground) throw new Error('This story runs without the devkit.')
  return playground
}

/** Types an account into the open login modal (in any language) and waits for the QR step; returns the deep link. */
export async function enterAccount(canvasElement: HTMLElement, account = 'alice'): Promise<string> {
  const dialogElement = await within(canvasElement).findByRole('dialog')
  const dialog = within(dialogElement)
  await userEvent.type(dialog.getByRole('textbox'), `${account}{Enter}`)
  await waitFor(() => expect(dialogElement.querySelector('a[href^="has://auth_req/"]')).not.toBeNull(), { timeout: 5000 })
  return dialogElement.querySelector('a[href^="has://auth_req/"]')!.getAttribute('href')!
}

/** The wallet "scans" the code; with a decision other than manual it answers at once. */
export async function scanInWallet(canvasElement: HTMLElement, link: string) {
  await playgroundOf(canvasElement).wallet().scan(link)
}

/** Waits until the wallet has a request and approves it, as a person would in the wallet panel. */
export async function approveInWallet(canvasElement: HTMLElement) {
  const wallet = playgroundOf(canvasElement).wallet()
  await waitFor(() => expect(wallet.pending().length).toBeGreaterThan(0))
  wallet.approve(wallet.pending()[0]!.uuid)
}

/** Clicks a button of the story and waits for the dialog it should open. */
export async function clickThenSeeDialog(canvasElement: HTMLElement, button: string, dialog: string) {
  const canvas = within(canvasElement)
  await userEvent.click(await canvas.findByRole('button', { name: button }))
  await canvas.findByRole('dialog', { name: dialog })
}
