'use client'
import { useState } from 'react'
import { useHasConfig } from '../../react/hooks/useHasConfig.js'
import { LazyLoaded, lazyComponent } from '../lazy/lazyComponent.js'
import { useUi } from '../theme/HasUiProvider.js'
import type { HasSignPromptProps } from './SignPrompt.js'

export type { HasSignPromptProps } from './SignPrompt.js'

const prompt = lazyComponent(() => import('./SignPrompt.js').then((m) => m.SignPrompt))

/**
 * Shows a sign or challenge request while the wallet has it (what it does in plain words, with which key, the
 * countdown and "Open in wallet"), then its result (labelled, copyable, with an explorer link) or what went wrong,
 * with "Try again" when sending it again is safe. After a cancel it says the wallet may still sign, and it opens again
 * if the wallet approves anyway. Its code loads when the first request starts.
 */
export function HasSignPrompt(props: HasSignPromptProps) {
  const ui = useUi(props)
  const { chain } = useHasConfig()
  // The late approval the user has already been shown (the prompt stays closed for it).
  const [seenLate, setSeenLate] = useState<unknown>()
  const { lateResult, status } = props.mutation
  const lateUnseen = lateResult !== undefined && lateResult !== seenLate
  return (
    <LazyLoaded
      component={prompt}
      active={status !== 'idle' || lateUnseen}
      props={{ ...props, ui, chain, lateUnseen, onLateSeen: () => setSeenLate(lateResult) }}
    />
  )
}
