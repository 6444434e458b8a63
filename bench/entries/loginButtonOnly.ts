// What a typical dApp imports from the main entry: the provider and the drop-in button (with its modal).
export { HasProvider, HasLoginButton } from '../../src/exports/index'
