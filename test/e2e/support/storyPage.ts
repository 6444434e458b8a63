import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core'
import type { BuiltStorybook } from './builtStorybook'

const require = createRequire(import.meta.url)
export const SCREENSHOTS = '.screenshots'

/**
 * Opens one story in its own page and waits until Storybook finished it (rendered, and played if it has a play
 * function). The page gets its own browser context unless `context` is given (then `close()` closes the page only).
 */
export async function openStory(
  storybook: BuiltStorybook,
  id: string,
  options: BrowserContextOptions & { globals?: string; context?: BrowserContext } = {},
) {
  const { globals, context: shared, ...contextOptions } = options
  const context = shared ?? (await storybook.browser.newContext({ viewport: { width: 1100, height: 760 }, ...contextOptions }))
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  // A story that logs an error is not a story that works, even if it renders.
  page.on('console', (message) => {
    // A failed request is reported below with its address; the console's own line names none.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(`console.error: ${message.text()}`)
  })
  page.on('response', (response) => response.status() >= 400 && errors.push(`HTTP ${response.status()}: ${response.url()}`))
  // Anything fetched from beyond this machine: the offline stories must fetch nothing (no avatar, no font, no relay).
  const external: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (/^(https?|wss?):$/.test(url.protocol) && url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') external.push(request.url())
  })
  await page.addInitScript(RECORD_STORY_FINISHED)
  await page.goto(`${storybook.url}/iframe.html?id=${id}&viewMode=story${globals ? `&globals=${globals}` : ''}`)
  await untilFinished(page, 30_000)
  errors.push(...(await page.evaluate(() => (window as unknown as { __storyErrors?: string[] }).__storyErrors ?? [])))
  const close = () => (shared ? page.close() : context.close())
  return { page, errors, external, status: () => storyStatus(page), close }
}

// Storybook announces each story's end on its channel as \`storyFinished\`; a play function that throws is announced
// apart (\`playFunctionThrewException\`), and so is a render that throws: both are recorded as errors and as the status.
const RECORD_STORY_FINISHED = `(() => {
  window.__storyErrors = []
  const timer = setInterval(() => {
    const channel = window.__STORYBOOK_ADDONS_CHANNEL__
    if (!channel) return
    clearInterval(timer)
    const failed = (kind) => (error) => {
      window.__storyErrors.push(kind + ': ' + (error && error.message ? error.message : String(error)))
      window.__storyStatus = 'error'
    }
    channel.on('playFunctionThrewException', failed('play function threw'))
    channel.on('storyThrewException', failed('story threw'))
    channel.on('storyErrored', failed('story errored'))
    channel.on('storyFinished', (event) => { if (window.__storyStatus !== 'error') window.__storyStatus = event.status })
  }, 1)
})()`

/** Waits until Storybook finished the story (no `expect.poll`: concurrent tests call this). */
async function untilFinished(page: Page, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while ((await storyStatus(page)) === 'running') {
    if (Date.now() > deadline) throw new Error(`the story did not finish in ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** `running` until Storybook finished the story, then `success` or `error`. */
export function storyStatus(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { __storyStatus?: string }).__storyStatus ?? 'running')
}

/** Saves a screenshot under .screenshots/ (git-ignored) for a person to look at. */
/** Waits for the page's finite transitions and animations to end (a step fading in, a panel easing to its height). */
export function settled(page: Page): Promise<unknown> {
  return page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => Number.isFinite(Number(animation.effect?.getComputedTiming().endTime))) // a spinner never ends
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  )
}

export async function saveScreenshot(page: Page, name: string) {
  await settled(page) // the picture is what the user reads, not a frame of a fade
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png` })
}

/** Decodes the QR code from a screenshot of what is on screen, with jsQR running in the page. */
export async function decodeQrOnScreen(page: Page, qr: Locator): Promise<string | null> {
  const png = (await qr.screenshot()).toString('base64')
  if (!(await page.evaluate(() => 'jsQR' in window))) await page.addScriptTag({ path: require.resolve('jsqr/dist/jsQR.js') })
  return page.evaluate(async (data) => {
    const image = new Image()
    image.src = `data:image/png;base64,${data}`
    await image.decode()
    const canvas = document.createElement('canvas')
    canvas.width = image.width
    canvas.height = image.height
    const context = canvas.getContext('2d')!
    context.drawImage(image, 0, 0)
    const pixels = context.getImageData(0, 0, image.width, image.height)
    const decode = (window as unknown as { jsQR: (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null }).jsQR
    return decode(pixels.data, pixels.width, pixels.height)?.data ?? null
  }, png)
}

/** Runs axe-core in the page on a selector, colour contrast included; returns the violations as short strings. */
export async function axeViolations(page: Page, selector: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') })
  return page.evaluate(async (target) => {
    const axe = (window as unknown as { axe: { run(context: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } })
      .axe
    const result = await axe.run({ include: [target], exclude: ['.wallet-panel'] })
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  }, selector)
}
