// `npm run bench`: size of the main entry (React layer + components) for a browser, peers left external.
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { kb, measureBundle } from './bundleSize.mjs'

const TARGET_GZ = 25 * 1024
const PEERS = [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\//]

const main = await measureBundle('src/exports/index.ts', PEERS)
console.log(
  `hive-auth-react (all exports; qrcode.react, crypto-js, isomorphic-ws included; react, react-dom, react-query external): ${kb(main.min)} min, ${kb(main.gz)} min+gz`,
)

const button = await measureBundle('bench/entries/loginButtonOnly.ts', PEERS)
console.log(`a dApp importing only HasProvider + HasLoginButton: ${kb(button.min)} min, ${kb(button.gz)} min+gz`)

// A plain minifier pass for the stylesheet: comments and insignificant whitespace out.
const css = readFileSync('src/components/styles.css', 'utf8')
  .replace(/\/\*[\s\S]*?\*\//g, '')
  .replace(/\s+/g, ' ')
  .replace(/\s*([{}:;,>])\s*/g, '$1')
  .trim()
const cssGz = gzipSync(css, { level: 9 }).length
console.log(`hive-auth-react/styles.css: ${kb(css.length)} min, ${kb(cssGz)} min+gz`)
console.log(`main entry + stylesheet: ${kb(main.gz + cssGz)} min+gz (target ≤ ${kb(TARGET_GZ)})`)
console.log('for scale: the incumbent Hive login kit with its modal is about 70–87 kB min+gz; hive-auth-wrapper alone about 51 kB')
