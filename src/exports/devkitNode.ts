// The devkit's servers, for Node: `hive-auth-react/devkit/node`. It also re-exports everything of
// `hive-auth-react/devkit`, so Node code imports from one place.
export * from './devkit.js'
export { startRelay, type RunningRelay, type StartRelayOptions } from '../devkit/server.js'
export { startChainNode, type RunningChainNode } from '../devkit/chainServer.js'
export { crossSiteProblem, DEVKIT_HEADER } from '../devkit/localOnly.js'
export {
  startFakeHiveSigner,
  type FakeHiveSigner,
  type FakeHiveSignerDecision,
  type FakeHiveSignerOptions,
} from '../devkit/fakeHiveSigner.js'
