import { enOperationLabels, type HasOperationLabels } from './enOperations.js'
import { enUiLabels, type HasUiLabels } from './enUi.js'

/** The label dictionary: override any subset, or pass a whole other language. */
export type HasLabels = HasUiLabels & HasOperationLabels

/** Every visible string of the components, in English. `{name}` marks a value filled in at render time. */
export const enLabels: HasLabels = { ...enUiLabels, ...enOperationLabels }
