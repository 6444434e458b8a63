import { type ReactNode, useLayoutEffect } from 'react'
import bootstrapReboot from './hostCss/bootstrapReboot.css?raw'
import createVite from './hostCss/createVite.css?raw'
import globalRules from './hostCss/globalRules.css?raw'
import tailwindPreflight from './hostCss/tailwindPreflight.css?raw'

/** Global stylesheets real apps ship, to render the kit inside. */
export const HOST_CSS = { createVite, tailwindPreflight, bootstrapReboot, globalRules }

/** A host app's page: its global CSS in the document (removed with the story), and the layout such an app has. */
export function HostPage({ css, children }: { css: keyof typeof HOST_CSS; children: ReactNode }) {
  useLayoutEffect(() => {
    const style = document.createElement('style')
    style.dataset.hostCss = css
    style.textContent = HOST_CSS[css]
    document.head.append(style)
    return () => style.remove()
  }, [css])
  // create-vite's index.css styles #root (a centred flex column 1126 px wide); the others style elements only.
  return (
    <div id="root">
      <section>
        <h1>My Hive dApp</h1>
        <p>A page with its own global CSS: the kit keeps its layout and type.</p>
      </section>
      {children}
    </div>
  )
}
