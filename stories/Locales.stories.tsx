import type { Meta, StoryObj } from '@storybook/react-vite'
import { HasQrModal } from '../src/components/HasQrModal/HasQrModal'
import { enterAccount } from './support/play'

const meta = {
  title: 'Languages/Login modal',
  component: HasQrModal,
  args: { defaultOpen: true },
  parameters: {
    docs: {
      description: {
        component:
          'The waiting step in every language the kit ships. By default the browser\'s languages pick one, loaded on first use ("Browser\'s language"); `locale="de"` picks one, `labels={deLabels}` (from `hive-auth-react/locales`) passes one.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    await enterAccount(canvasElement)
  },
} satisfies Meta<typeof HasQrModal>

export default meta
type Story = StoryObj<typeof meta>

/** No language given: the browser's languages pick one of the sixteen (run the browser in another language to see it). */
export const BrowserLanguage: Story = { globals: { locale: 'auto' } }
export const English: Story = { globals: { locale: 'en' } }
export const Spanish: Story = { globals: { locale: 'es' } }
export const German: Story = { globals: { locale: 'de' } }
export const French: Story = { globals: { locale: 'fr' } }
export const Italian: Story = { globals: { locale: 'it' } }
export const Portuguese: Story = { globals: { locale: 'pt' } }
export const Polish: Story = { globals: { locale: 'pl' } }
export const Russian: Story = { globals: { locale: 'ru' } }
export const Chinese: Story = { globals: { locale: 'zh' } }
export const TraditionalChinese: Story = { globals: { locale: 'zh-TW' } }
export const Hindi: Story = { globals: { locale: 'hi' } }
export const Indonesian: Story = { globals: { locale: 'id' } }
export const Turkish: Story = { globals: { locale: 'tr' } }
export const Japanese: Story = { globals: { locale: 'ja' } }
export const Korean: Story = { globals: { locale: 'ko' } }
/** Right to left. */
export const Arabic: Story = { globals: { locale: 'ar' } }
/** Longer, accented English: shows where text would be cut off. */
export const Pseudo: Story = { globals: { locale: 'pseudo' } }
