// Peer: the official HiveAuth wrapper (what a dApp imports to log in).
export { default } from 'hive-auth-wrapper'
