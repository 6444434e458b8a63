import { rolldown } from 'rolldown'
const entry = process.argv[2]
const bundle = await rolldown({
  input: entry,
  external: [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\//],
  platform: 'browser',
  logLevel: 'silent',
})
const { output } = await bundle.generate({ format: 'esm', minify: true })
const sizes = []
for (const chunk of output.filter((o) => o.type === 'chunk' && o.isEntry))
  for (const [id, m] of Object.entries(chunk.modules))
    sizes.push([m.renderedLength, id.replace(/.*node_modules\//, 'nm:').replace(/.*\/src\//, 'src/')])
sizes.sort((a, b) => b[0] - a[0])
const total = sizes.reduce((a, b) => a + b[0], 0)
console.log('total rendered', total)
for (const [n, id] of sizes.slice(0, 40)) console.log(n, id)
