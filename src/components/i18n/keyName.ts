import type { HasUiLabels } from './enUi.js'

/** A key role in the labels' language ("posting", "Posting", "発帖"…), for `{keyType}` in a label. */
export function keyName(keyType: string | undefined, labels: HasUiLabels): string {
  switch (keyType) {
    case 'posting':
      return labels.keyPosting
    case 'active':
      return labels.keyActive
    case 'memo':
      return labels.keyMemo
    case 'owner':
      return labels.keyOwner
    default:
      return keyType ?? ''
  }
}
