// Peer: Aioha core (every Hive login provider, HiveAuth among them).
export { initAioha } from '@aioha/aioha'
