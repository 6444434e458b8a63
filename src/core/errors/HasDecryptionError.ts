import { HasError, type HasErrorOptions } from './HasError.js'

/** A payload could not be decrypted with the given key, or did not decode to what was expected. */
export class HasDecryptionError extends HasError<'decryption'> {
  override readonly name = 'HasDecryptionError' as const
  constructor(shortMessage = 'The payload could not be decrypted with this key.', options: HasErrorOptions = {}) {
    super('decryption', shortMessage, false, options)
  }
}
