// npm run mutation: Stryker mutates the verification code (the Sign in with Hive rules, the chain checks, the node
// quorum, the server entry) and runs the tests that pin it; a mutant that survives is a rule no test holds.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'test/mutation/vitest.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'src/core/chain/**/*.ts',
    'src/server/**/*.ts',
    'src/core/crypto/signatures.ts',
    'src/core/crypto/challengeSpelling.ts',
    'src/core/protocol/accountName.ts',
  ],
  coverageAnalysis: 'perTest',
  // TypeScript 7 has no JavaScript API for Stryker's tsconfig rewriting; vitest transpiles on its own.
  tsconfigFile: 'test/mutation/no-tsconfig.json',
  disableTypeChecks: false,
  concurrency: 2,
  timeoutMS: 5000,
  reporters: ['clear-text', 'progress', 'json'],
  // Mutants of unchanged code keep their last result (test-results/ is not committed: a fresh clone runs them all).
  incremental: true,
  incrementalFile: 'test-results/stryker-incremental.json',
  jsonReporter: { fileName: 'test-results/mutation.json' },
  tempDirName: 'test-results/.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 100, low: 95, break: null },
}
