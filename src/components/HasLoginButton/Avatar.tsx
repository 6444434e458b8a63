'use client'
import { useState } from 'react'

/** An account's avatar from a URL template, or its initial when there is no template or the image fails. */
export function Avatar({ account, urlTemplate }: { account: string; urlTemplate: string | false }) {
  const [failed, setFailed] = useState(false)
  if (!urlTemplate || failed) {
    return (
      // The initial is drawn by CSS from data-initial: not text, so it never joins a button's visible label.
      <span className="has-avatar has-avatar--initial" data-initial={account.slice(0, 1).toUpperCase()} aria-hidden="true" />
    )
  }
  return (
    // biome-ignore lint/performance/noImgElement: a library works in any React app; next/image would tie it to Next.js
    <img
      className="has-avatar"
      src={urlTemplate.replace('{account}', encodeURIComponent(account))}
      alt=""
      width={24}
      height={24}
      onError={() => setFailed(true)}
    />
  )
}
