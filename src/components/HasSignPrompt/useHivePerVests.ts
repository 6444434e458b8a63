import { useEffect, useState } from 'react'
import { fetchHivePerVests } from '../../core/chain/hivePerVests.js'
import type { ChainOptions } from '../../core/chain/rpc.js'

const VESTS = /VESTS|@@000000037/
/** One read per set of nodes for the page's life: the ratio moves by a few millionths a day. */
const known = new Map<string, Promise<number | undefined>>()

/**
 * HIVE per VEST for a transaction's sentences: the app's value, else (when an operation moves VESTS) the chain's,
 * fetched on first use; undefined until then, or when the chain cannot tell (VESTS are shown as they are).
 */
export function useHivePerVests(given: number | undefined, ops: readonly unknown[], chain: ChainOptions | undefined): number | undefined {
  const wanted = given === undefined && chain !== undefined && VESTS.test(JSON.stringify(ops))
  const [fetched, setFetched] = useState<number>()
  useEffect(() => {
    if (!wanted) return
    let current = true
    const key = JSON.stringify(chain.nodes ?? null)
    let reading = known.get(key)
    if (!reading) {
      reading = fetchHivePerVests(chain).catch(() => {
        known.delete(key) // a failed read is tried again by the next prompt
        return undefined
      })
      known.set(key, reading)
    }
    void reading.then((value) => current && setFetched(value))
    return () => {
      current = false
    }
  }, [wanted, chain])
  return given ?? fetched
}
