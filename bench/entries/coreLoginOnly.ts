export { createHasClient, buildAuthLink } from '../../src/exports/core'
