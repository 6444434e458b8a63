import { hivePerVestsOf } from '../hive/formatAmount.js'
import { isRecord } from '../protocol/parseFrame.js'
import { askNodes } from './askNodes.js'
import type { ChainOptions } from './rpc.js'

/**
 * HIVE per VEST from the chain's global properties, believed when two nodes agree (as every chain read of the kit):
 * to 6 significant digits, since the ratio creeps with every block. Undefined when the nodes disagree.
 */
export async function fetchHivePerVests(chain: ChainOptions = {}): Promise<number | undefined> {
  const quorum = await askNodes('condenser_api.get_dynamic_global_properties', [], chain, (answer) => {
    const ratio = 'result' in answer && isRecord(answer.result) ? hivePerVestsOf(answer.result) : undefined
    return ratio === undefined ? undefined : Number(ratio.toPrecision(6))
  })
  return 'agreed' in quorum ? quorum.agreed : undefined
}
