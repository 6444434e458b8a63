import type { Meta, StoryObj } from '@storybook/react-vite'
import type { ComponentProps } from 'react'
import { HasLoginButton } from '../src/components/HasLoginButton/HasLoginButton'
import { HostPage } from './support/HostPage'
import { SignDemo } from './support/SignDemo'

const meta = {
  title: 'Host pages',
  component: HasLoginButton,
  parameters: {
    layout: 'fullscreen',
    has: { decision: 'approve' },
    docs: {
      description: {
        component:
          'The drop-in inside pages whose global CSS would restyle it: a stock create-vite app, Tailwind’s preflight, Bootstrap’s reboot, and careless global rules. The kit keeps its size, type and anchoring in each.',
      },
    },
  },
  args: { avatarUrl: false },
} satisfies Meta<typeof HasLoginButton>

export default meta
type Story = StoryObj<typeof meta>

/** The drop-in and a sign demo inside a page styled by `css`. */
function hostStory(css: ComponentProps<typeof HostPage>['css']): Story {
  return {
    render: (args) => (
      <HostPage css={css}>
        <HasLoginButton {...args} />
        <SignDemo />
      </HostPage>
    ),
  }
}

/** The drop-in pasted into a stock create-vite app (its index.css kept: #root is a centred flex column). */
export const CreateVite: Story = hostStory('createVite')

/** Under Tailwind's preflight (lists unstyled, borders reset, images block). */
export const TailwindPreflight: Story = hostStory('tailwindPreflight')

/** Under Bootstrap's reboot (its type scale, buttons and lists). */
export const BootstrapReboot: Story = hostStory('bootstrapReboot')

/** Under careless global rules: `*` margins, every button block-level and 220 px wide, root font 20 px, uppercase text. */
export const GlobalRules: Story = hostStory('globalRules')
