import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { defineConfig, type ViteUserConfig as UserConfig } from 'vitest/config'

const external = [
  /^react($|\/)/,
  /^react-dom($|\/)/,
  /^@tanstack\//,
  /^qrcode\.react/,
  /^crypto-js($|\/)/,
  /^isomorphic-ws/,
  /^ws$/,
  /^@noble\//,
  /^@scure\//,
  /^node:/,
]

export default defineConfig(({ command }) => {
  // The library is always built for production, whatever NODE_ENV says: npm runs `prepare` (this build) inside test
  // runners too, where NODE_ENV=test would make the JSX call React's development runtime (jsxDEV), absent in production.
  if (command === 'build') process.env.NODE_ENV = 'production'
  return config
})

/**
 * Keeps a lazy part's `import '…/firstLoadShared.js'` in the built file (the bundler drops it: the module runs
 * nothing), so that apps' bundlers chunk the first load in one piece (src/core/firstLoadShared.ts says why). Appended
 * at the end, where it moves no source-map line.
 */
function keepFirstLoadShared(): Plugin {
  const imported = new Map<string, string>()
  return {
    name: 'keep-first-load-shared',
    enforce: 'pre',
    transform(code, id) {
      const bridge = /^import '(\.[^']*\/firstLoadShared\.js)'$/m.exec(code)?.[1]
      if (bridge) imported.set(id, bridge)
      return null
    },
    renderChunk(code, chunk, output) {
      // Only the library's one-file-per-module build has the file at that path (Storybook's app build has chunks).
      const bridge = output.preserveModules && chunk.facadeModuleId ? imported.get(chunk.facadeModuleId) : undefined
      return bridge ? { code: `${code}\nimport ${JSON.stringify(bridge)};\n`, map: null } : null
    },
  }
}

const config: UserConfig = {
  plugins: [react(), keepFirstLoadShared()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    lib: {
      entry: {
        index: 'src/exports/index.ts',
        core: 'src/exports/core.ts',
        server: 'src/exports/server.ts',
        wallets: 'src/exports/wallets.ts',
        verify: 'src/exports/verify.ts',
        links: 'src/exports/links.ts',
        aes: 'src/exports/aes.ts',
        operations: 'src/exports/operations.ts',
        locales: 'src/exports/locales.ts',
        devkit: 'src/exports/devkit.ts',
        'devkit-node': 'src/exports/devkitNode.ts',
        cli: 'src/devkit/cli.ts',
        'core/firstLoadShared': 'src/core/firstLoadShared.ts',
        'components/firstLoadShared': 'src/components/firstLoadShared.ts',
      },
      formats: ['es'],
    },
    // One file per module: each client module keeps its own 'use client' (test/package checks it), and the entries
    // stay plain, so server code can import core helpers from any of them.
    rollupOptions: {
      external,
      // Kept although they run nothing: lazy parts import them so that bundlers chunk the first load in one piece
      // (src/core/firstLoadShared.ts says why); package.json marks the built files the same way.
      treeshake: { moduleSideEffects: (id: string) => !/\.tsx?$/.test(id) || id.endsWith('/firstLoadShared.ts') },
      output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
    },
  },
  test: {
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      {
        extends: true,
        test: {
          name: 'node+jsdom',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**'],
          environment: 'node',
          testTimeout: 20_000,
          hookTimeout: 20_000,
        },
      },
      {
        // Real Chromium against the built Storybook (npm test builds it first).
        extends: true,
        test: {
          name: 'chromium',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
          maxConcurrency: 4,
        },
      },
    ],
  },
}
