import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as core from '../../src/exports/core'
import * as devkit from '../../src/exports/devkit'
import * as devkitNode from '../../src/exports/devkitNode'
import * as main from '../../src/exports/index'
import * as server from '../../src/exports/server'
import * as verify from '../../src/exports/verify'

describe('the built package', () => {
  it('imports by its public names in plain Node and logs in against the in-memory devkit', () => {
    expect(existsSync('dist/core.js'), 'run "npm run build" first (npm test does)').toBe(true)
    const out = execFileSync(process.execPath, ['test/package/smoke.mjs'], { encoding: 'utf8' })
    expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual({ account: 'alice', verified: true })
  })

  it("marks each client module 'use client' on its own, so core helpers from any entry work in server code", () => {
    const clientSources = listFiles('src').filter((f) => /\.tsx?$/.test(f) && /^'use client'/.test(readFileSync(f, 'utf8')))
    expect(clientSources.length).toBeGreaterThan(20)
    for (const source of clientSources) {
      const built = source.replace(/^src\//, 'dist/').replace(/\.tsx?$/, '.js')
      expect([built, readFileSync(built, 'utf8').startsWith('"use client";')]).toEqual([built, true])
    }
    // The entries themselves are not client modules: a server component may call buildAuthLink from any of them.
    for (const entry of ['dist/index.js', 'dist/core.js', 'dist/devkit.js']) expect([entry, readFileSync(entry, 'utf8')]).not.toContain('use client')
    const serverSafe = listFiles('dist/core').filter((f) => f.endsWith('.js'))
    expect(serverSafe.filter((f) => readFileSync(f, 'utf8').includes('use client'))).toEqual([])
  })

  it("is a production build: JSX calls React's production runtime (jsxDEV does not exist there), even when built under NODE_ENV=test", () => {
    const js = listFiles('dist').filter((f) => f.endsWith('.js'))
    expect(js.filter((f) => /jsx-dev-runtime|jsxDEV/.test(readFileSync(f, 'utf8')))).toEqual([])
    expect(js.some((f) => readFileSync(f, 'utf8').includes('react/jsx-runtime'))).toBe(true)
  })

  it('ships type declarations for every subpath it exports', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, { types?: string; default?: string }> }
    for (const [subpath, target] of Object.entries(pkg.exports)) {
      if (typeof target !== 'object' || !target.types) continue
      expect(existsSync(target.types), `${subpath} types`).toBe(true)
      expect(existsSync(target.default!), `${subpath} code`).toBe(true)
    }
  })
})

describe('public API', () => {
  it('hive-auth-react exports exactly these names: the React layer and what React code uses of core', () => {
    expect(Object.keys(main).sort()).toMatchInlineSnapshot(`
      [
        "DEFAULT_HAS_HOSTS",
        "HasError",
        "HasLoginButton",
        "HasLoginModal",
        "HasProvider",
        "HasProviderMissingError",
        "HasQrModal",
        "HasSignPrompt",
        "HasUiProvider",
        "SESSION_COOKIE",
        "authenticateMutationOptions",
        "challengeMutationOptions",
        "createMemoryStorage",
        "createWebStorage",
        "enLabels",
        "formatSessionCookie",
        "isHasError",
        "isLiveStatus",
        "readSessionCookie",
        "signMutationOptions",
        "useCountdown",
        "useHasAccounts",
        "useHasChallenge",
        "useHasClient",
        "useHasConfig",
        "useHasConnection",
        "useHasConnectors",
        "useHasModal",
        "useHasModalHost",
        "useHasRecentAccounts",
        "useHasRestoring",
        "useHasSession",
        "useHasSign",
        "useHasState",
        "useHiveAuth",
        "usePendingRequest",
      ]
    `)
  })

  it('each entry exports exactly these types', () => {
    const typesOf = (entry: string, seen = new Set<string>()): string[] => {
      const file = `dist/types/exports/${entry}.d.ts`
      if (seen.has(file)) return []
      seen.add(file)
      const text = readFileSync(file, 'utf8')
      const names: string[] = []
      for (const m of text.matchAll(/export (type )?\{([^}]*)\}/g)) {
        for (const part of m[2]!
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean)) {
          if (m[1] || part.startsWith('type ')) names.push(part.replace(/^type /, '').replace(/ as \w+$/, ''))
        }
      }
      for (const m of text.matchAll(/export \* from '\.\/(\w+)\.js'/g)) names.push(...typesOf(m[1]!, seen))
      return [...new Set(names)].sort()
    }
    expect(Object.fromEntries(['index', 'core', 'verify', 'server'].map((e) => [e, typesOf(e)]))).toMatchInlineSnapshot(`
      {
        "core": [
          "AccountNameProblem",
          "AuthLinkPayload",
          "AuthenticateErrorType",
          "AuthenticateParameters",
          "AuthenticateReturnType",
          "ChainOptions",
          "ChallengeErrorType",
          "ChallengeParameters",
          "ChallengeResult",
          "ChallengeReturnType",
          "ConnectionState",
          "ConnectionStatus",
          "ConnectorContext",
          "ConnectorFeatures",
          "ConnectorImpl",
          "ConnectorKind",
          "DecryptResult",
          "HasApp",
          "HasClient",
          "HasClientOptions",
          "HasClientState",
          "HasConnectionReason",
          "HasErrorCode",
          "HasErrorOptions",
          "HasErrorType",
          "HasExpiryHint",
          "HasFailureReason",
          "HasFailureSource",
          "HasRejectionReason",
          "HasRequest",
          "HasRequestErrorType",
          "HasSession",
          "HasStorage",
          "HasTextSource",
          "HasVerificationErrorOptions",
          "HasVerificationReason",
          "HiveConnector",
          "HiveOperation",
          "KeyType",
          "LoginMessage",
          "LoginSignature",
          "LoginVerdict",
          "PendingRequest",
          "RequestEvent",
          "RequestEventType",
          "RequestKind",
          "RequestOptions",
          "RequestRuntime",
          "RequestSnapshot",
          "RequestSpec",
          "RequestState",
          "RequestStatus",
          "SessionCookie",
          "SettledRequest",
          "SignErrorType",
          "SignParameters",
          "SignResult",
          "SignReturnType",
          "TerminalStatus",
          "WebSocketConstructor",
          "WebSocketLike",
        ],
        "index": [
          "AuthenticateErrorType",
          "AuthenticateParameters",
          "ChallengeErrorType",
          "ChallengeParameters",
          "ChallengeResult",
          "ChallengeVariables",
          "ConnectionState",
          "ConnectionStatus",
          "ConnectorFeatures",
          "ConnectorKind",
          "Countdown",
          "DecryptResult",
          "HasAccount",
          "HasApp",
          "HasAuthAdapter",
          "HasAuthStatus",
          "HasCancelledError",
          "HasClient",
          "HasClientOptions",
          "HasClientState",
          "HasConfig",
          "HasConnectionError",
          "HasConnectionReason",
          "HasConnectorInfo",
          "HasErrorCode",
          "HasErrorType",
          "HasExpiredError",
          "HasExpiryHint",
          "HasFailedError",
          "HasFailureReason",
          "HasFailureSource",
          "HasLabels",
          "HasLoginButtonProps",
          "HasLoginButtonRenderProps",
          "HasLoginModalProps",
          "HasProviderProps",
          "HasQrModalProps",
          "HasRejectedError",
          "HasRejectionReason",
          "HasRequest",
          "HasRequestErrorType",
          "HasSession",
          "HasSignPromptProps",
          "HasStorage",
          "HasTheme",
          "HasUiOptions",
          "HasVerificationError",
          "HasVerificationReason",
          "HiveConnector",
          "HiveOperation",
          "KeyType",
          "LoginOptions",
          "LoginVerdict",
          "PendingRequest",
          "RequestOptions",
          "RequestSnapshot",
          "RequestStatus",
          "SessionCookie",
          "SessionRequestErrorType",
          "SettledRequest",
          "SignErrorType",
          "SignParameters",
          "SignResult",
          "SignVariables",
          "UseHasChallengeParameters",
          "UseHasChallengeResult",
          "UseHasModalResult",
          "UseHasSignParameters",
          "UseHasSignResult",
          "UseHiveAuthParameters",
          "UseHiveAuthResult",
        ],
        "server": [
          "AccountLookup",
          "ChainOptions",
          "ChainVerification",
          "ConfirmTransactionParameters",
          "HasServerStore",
          "HiveAccount",
          "HiveAuthority",
          "HiveSignerTokenVerification",
          "HiveTransaction",
          "InFlightLimit",
          "IoRedisClient",
          "LoginMessage",
          "LoginVerification",
          "MemoryStoreOptions",
          "NodeRedisClient",
          "ParsedLoginMessage",
          "RedisStoreOptions",
          "SessionCookie",
          "TransactionConfirmation",
          "VerificationFailure",
          "VerifyChallengeParameters",
          "VerifyHiveSignerTokenParameters",
          "VerifyLoginMessageParameters",
          "VerifyLoginParameters",
        ],
        "verify": [
          "AccountLookup",
          "ChainOptions",
          "ChainVerification",
          "ConfirmTransactionParameters",
          "HiveAccount",
          "HiveAuthority",
          "HiveTransaction",
          "LoginMessage",
          "LoginVerification",
          "ParsedLoginMessage",
          "TransactionConfirmation",
          "VerificationFailure",
          "VerifyChallengeParameters",
          "VerifyLoginMessageParameters",
        ],
      }
    `)
  })

  it('hive-auth-react/core exports exactly these names', () => {
    expect(Object.keys(core).sort()).toMatchInlineSnapshot(`
      [
        "DEFAULT_HAS_HOSTS",
        "DEFAULT_HIVE_NODES",
        "HIVE_MAINNET",
        "HasCancelledError",
        "HasConnectionError",
        "HasDecryptionError",
        "HasError",
        "HasExpiredError",
        "HasFailedError",
        "HasInvalidArgumentError",
        "HasNotAuthenticatedError",
        "HasProtocolError",
        "HasProtocolVersionError",
        "HasRejectedError",
        "HasSessionExpiredError",
        "HasStorageError",
        "HasVerificationError",
        "KEY_TYPES",
        "LIVE_STATUSES",
        "RENEWAL_TABLE",
        "REQUEST_TABLE",
        "SESSION_COOKIE",
        "TERMINAL_STATUSES",
        "authenticate",
        "buildAuthLink",
        "buildRequestLink",
        "challenge",
        "checkAccountName",
        "cleanAccountName",
        "createHasClient",
        "createLoginMessage",
        "createMemoryStorage",
        "createWebStorage",
        "formatSessionCookie",
        "generateNonce",
        "isHasError",
        "isLiveStatus",
        "isTerminal",
        "normalizeAccountName",
        "normalizeHost",
        "parseAuthLink",
        "parseLoginMessage",
        "readSessionCookie",
        "reduceRequest",
        "sign",
        "transition",
      ]
    `)
  })
  it('hive-auth-react/devkit/node adds the servers to everything of the devkit', () => {
    expect(
      Object.keys(devkitNode)
        .filter((k) => !(k in devkit))
        .sort(),
    ).toEqual(['DEVKIT_HEADER', 'crossSiteProblem', 'startChainNode', 'startFakeHiveSigner', 'startRelay'])
    expect(Object.keys(devkit).every((k) => k in devkitNode)).toBe(true)
  })

  it('hive-auth-react/verify exports exactly these names', () => {
    expect(Object.keys(verify).sort()).toMatchInlineSnapshot(`
      [
        "DEFAULT_HIVE_NODES",
        "DEFAULT_MAX_AGE_MS",
        "HIVE_CHAIN_ID",
        "HIVE_MAINNET",
        "HIVE_MIRRORNET",
        "bufferEnvelope",
        "confirmTransaction",
        "createLoginMessage",
        "generateNonce",
        "getHiveAccount",
        "parseLoginMessage",
        "recoverEnvelopeSigner",
        "recoverPublicKey",
        "serializeTransaction",
        "transactionDigest",
        "transactionId",
        "verifyChallenge",
        "verifyLoginMessage",
        "verifySignature",
      ]
    `)
  })

  it('hive-auth-react/server exports exactly these names', () => {
    expect(Object.keys(server).sort()).toMatchInlineSnapshot(`
      [
        "DEFAULT_HIVE_NODES",
        "DEFAULT_MAX_AGE_MS",
        "DEFAULT_MAX_IN_FLIGHT",
        "DEFAULT_NONCE_TTL_MS",
        "HIVE_CHAIN_ID",
        "HIVE_MAINNET",
        "HIVE_MIRRORNET",
        "HasConnectionError",
        "HasInvalidArgumentError",
        "HasStorageError",
        "SESSION_COOKIE",
        "bufferEnvelope",
        "confirmTransaction",
        "consumeNonce",
        "createInFlightLimit",
        "createLoginMessage",
        "createMemoryStore",
        "createRedisStore",
        "formatSessionCookie",
        "generateNonce",
        "getHiveAccount",
        "issueNonce",
        "parseLoginMessage",
        "readSessionCookie",
        "recoverEnvelopeSigner",
        "recoverPublicKey",
        "serializeTransaction",
        "transactionDigest",
        "transactionId",
        "verifyChallenge",
        "verifyHiveSignerToken",
        "verifyLogin",
        "verifyLoginMessage",
        "verifySignature",
      ]
    `)
  })

  it('hive-auth-react/devkit exports exactly these names', () => {
    expect(Object.keys(devkit).sort()).toMatchInlineSnapshot(`
      [
        "DEVKIT_PASSWORD",
        "PROFILES",
        "WALLET_PROFILES",
        "chainAccountKeys",
        "challengeBytes",
        "createChain",
        "createDevkitAccount",
        "createMemoryRelay",
        "createRelay",
        "createWallet",
        "decodeMemo",
        "devkitAccountKeys",
        "encodeMemo",
        "installFakeHiveSigner",
        "installFakeKeychain",
        "installFakePeakVault",
        "privateKeyFromLogin",
        "privateKeyToWif",
        "publicKeyOf",
        "signDigest",
        "signMessage",
        "toChainAccount",
      ]
    `)
  })
})

/** Every file under a folder, as paths joined from it. */
function listFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
}
