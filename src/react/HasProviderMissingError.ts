/** A HiveAuth hook was used outside `<HasProvider>`: a programming error, thrown at once. */
export class HasProviderMissingError extends Error {
  override name = 'HasProviderMissingError'
  constructor(hook: string) {
    super(`${hook} must be used inside <HasProvider>. Wrap your app (or the part that logs in) in <HasProvider app={{ name: '…' }}>.`)
  }
}
