import { defineConfig } from 'vitest/config'

// The tests Stryker runs against each mutant: those of the code it mutates (see stryker.config.mjs), in Node.
export default defineConfig({
  test: {
    include: [
      'test/core/chain/**/*.test.ts',
      'test/core/crypto/**/*.test.ts',
      'test/core/protocol/accountName.test.ts',
      'test/server/**/*.test.ts',
      'test/integration/challengeSpelling.test.ts',
      'test/integration/verifiedLogin.test.ts',
    ],
    // The example's test runs the built package (dist/), which a mutant of src/ does not reach.
    exclude: ['test/server/serverExample.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
})
