import type { StorybookConfig } from '@storybook/react-vite'

const config: StorybookConfig = {
  framework: { name: '@storybook/react-vite', options: {} },
  stories: ['../stories/**/*.stories.tsx'],
  addons: ['@storybook/addon-docs'],
  core: { disableTelemetry: true },
  // The default react-docgen reads the components' TSDoc; react-docgen-typescript needs a TS compiler API that TS 7 lacks.
  typescript: { reactDocgen: 'react-docgen' },
  viteFinal(viteConfig) {
    // vite.config.ts builds the library; Storybook builds an app, so drop the library-only settings.
    if (viteConfig.build) {
      delete viteConfig.build.lib
      delete viteConfig.build.rollupOptions
      delete viteConfig.build.outDir
      // Storybook writes the manager into the same folder first: emptying it would delete index.html and index.json.
      viteConfig.build.emptyOutDir = false
      viteConfig.build.chunkSizeWarningLimit = 2000
    }
    return viteConfig
  },
}

export default config
