import type { Preview } from '@storybook/react-vite'
import { StrictMode } from 'react'
import { configure } from 'storybook/test'
import '../src/components/styles.css'
import '../stories/support/story.css'
import { LOCALE_NAMES, StoryFrame, type HasStoryParameters, type StoryLocale } from '../stories/support/StoryFrame'
import type { HasTheme } from '../src/components/theme/HasUiProvider'

// Play functions wait up to 4 s (not 1) for what they look for: CI machines are slow and the tests play four at once.
configure({ asyncUtilTimeout: 4000 })

const preview: Preview = {
  tags: ['autodocs'],
  globalTypes: {
    theme: {
      description: 'Colour scheme of the components',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark', 'system'], dynamicTitle: true },
    },
    locale: {
      description: 'Language of the labels',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: Object.entries(LOCALE_NAMES).map(([value, title]) => ({ value, title })),
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en' },
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true },
    // Open modals would make a docs page inert: every story renders in its own frame there.
    docs: { story: { inline: false, iframeHeight: 520 } },
  },
  decorators: [
    // StrictMode: every story mounts, unmounts and mounts again, as a dApp in development does.
    (Story, context) => (
      <StrictMode>
        <StoryFrame
          has={context.parameters.has as HasStoryParameters | undefined}
          theme={context.globals.theme as HasTheme}
          locale={context.globals.locale as StoryLocale}
        >
          <Story />
        </StoryFrame>
      </StrictMode>
    ),
  ],
}

export default preview
