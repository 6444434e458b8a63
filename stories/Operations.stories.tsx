import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, within } from 'storybook/test'
import { completeLabels } from '../src/components/i18n/completeLabels'
import { enOperationLabels } from '../src/components/i18n/enOperations'
import type { HasLabels } from '../src/components/i18n/en'
import { describeOperation } from '../src/components/operations/describeOperation'
import { useUi } from '../src/components/theme/HasUiProvider'
import { hivePerVestsOf } from '../src/core/hive/formatAmount'
import { operationKeyType } from '../src/core/hive/operationAuthority'
import { SAMPLE_OPERATIONS } from './support/sampleOperations'

/** Every sample operation as the sign prompt words it, in the toolbar's language, with the key each one needs. */
function Summaries({ hivePerVests }: { hivePerVests?: number }) {
  const ui = useUi()
  const labels: HasLabels = { ...enOperationLabels, ...completeLabels(ui.labels) }
  return (
    <table className="story-table">
      <tbody>
        {SAMPLE_OPERATIONS.map((op, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list
          <tr key={i}>
            <td>
              <code>{op[0]}</code>
            </td>
            <td>{describeOperation(op, labels, { hivePerVests })}</td>
            <td>{operationKeyType(op)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

const meta = {
  title: 'Components/Operation summaries',
  component: Summaries,
  parameters: {
    has: { devkit: false },
    docs: {
      description: {
        component:
          '`describeOperation(op, labels)` from `hive-auth-react/operations`: the line the sign prompt shows for each operation. Switch the language in the toolbar.',
      },
    },
  },
} satisfies Meta<typeof Summaries>

export default meta
type Story = StoryObj<typeof meta>

/** Every common operation, in words; VESTS as VESTS (no chain data). */
export const Every: Story = {
  play: async ({ canvasElement }) => {
    const text = canvasElement.textContent ?? ''
    await expect(text).not.toMatch(/object Object|\{\w+\}/)
    await expect(within(canvasElement).getByText('Remove your vote on @bob/hello-hive')).toBeVisible()
  },
}

/** With the chain's global properties at hand, delegations and power downs read in HP. */
export const InHivePower: Story = {
  args: { hivePerVests: hivePerVestsOf({ total_vesting_fund_hive: '180000000.000 HIVE', total_vesting_shares: '300000000000.000000 VESTS' }) },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Delegate 600.000 HP to @bob')).toBeVisible()
  },
}
