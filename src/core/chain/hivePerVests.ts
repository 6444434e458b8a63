import { hivePerVestsOf } from '../hive/formatAmount.js'
import { askNodes } from './askNodes.js'
import type { ChainOptions, RpcAnswer } from './rpc.js'

type Properties = Parameters<typeof hivePerVestsOf>[0]

/**
 * HIVE per VEST of one node's global properties, to 6 significant digits (the ratio creeps with every block, so two
 * nodes a block apart still agree). Anything but the properties throws here, which askNodes counts as no answer.
 */
const readRatio = (answer: RpcAnswer) => Number(hivePerVestsOf((answer as { result: Properties }).result)!.toPrecision(6))

/**
 * HIVE per VEST from the chain's global properties, believed when two nodes agree (as every chain read of the kit).
 * Undefined when the nodes disagree.
 */
export async function fetchHivePerVests(chain: ChainOptions = {}): Promise<number | undefined> {
  const quorum = await askNodes('condenser_api.get_dynamic_global_properties', [], chain, readRatio)
  return 'agreed' in quorum ? quorum.agreed : undefined
}
