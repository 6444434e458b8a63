// The full kit in English: provider, hooks, button (with its modal), login modal and sign prompt.
export { HasProvider, useHiveAuth, useHasSign, HasLoginButton, HasQrModal, HasSignPrompt, enLabels } from '../../src/exports/index'
