import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

// Measures that print numbers (`npm run bench`); not part of `npm test`.
export default defineConfig({
  plugins: [react()],
  test: { include: ['bench/**/*.measure.{ts,tsx}'], environment: 'jsdom', testTimeout: 60_000 },
})
