// Peer: the official HiveAuth wrapper (what a dApp imports to log in), used as an app's entry uses it.
import HAS from 'hive-auth-wrapper'

globalThis.app = [HAS]
