// Peer: Aioha core (every Hive login provider, HiveAuth among them), used as an app's entry uses it.
import { initAioha } from '@aioha/aioha'

globalThis.app = [initAioha]
