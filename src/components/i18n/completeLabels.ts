import type { ResolvedUi } from '../theme/HasUiProvider.js'
import { enUiLabels, type HasUiLabels } from './enUi.js'

/** The labels a lazily loaded part shows: English for every one the app's language or overrides leave out. */
export function completeLabels(labels: ResolvedUi['labels']): HasUiLabels & ResolvedUi['labels'] {
  return { ...enUiLabels, ...labels }
}
