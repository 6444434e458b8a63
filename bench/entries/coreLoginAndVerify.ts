// A dApp that logs in and verifies the login on chain in the browser (the check loads on first use).
export { createHasClient, verifyLoginMessage } from '../../src/exports/core'
