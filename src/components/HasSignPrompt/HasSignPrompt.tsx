'use client'
import { LazyLoaded, lazyComponent } from '../lazy/lazyComponent.js'
import { useUi } from '../theme/HasUiProvider.js'
import type { HasSignPromptProps } from './SignPrompt.js'

export type { HasSignPromptProps } from './SignPrompt.js'

const prompt = lazyComponent(() => import('./SignPrompt.js').then((m) => m.SignPrompt))

/**
 * Shows a sign or challenge request while the wallet has it (what it does in plain words, with which key, the
 * countdown and "Open in wallet"), then its result (labelled, copyable, with an explorer link) or what went wrong,
 * with "Try again" when sending it again is safe. Its code loads when the first request starts.
 */
export function HasSignPrompt(props: HasSignPromptProps) {
  const ui = useUi(props)
  return <LazyLoaded component={prompt} active={props.mutation.status !== 'idle'} props={{ ...props, ui }} />
}
