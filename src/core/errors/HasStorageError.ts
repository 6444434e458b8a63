import { HasError, type HasErrorOptions } from './HasError.js'

/** Storage refused a write (quota, privacy mode): a login or logout may not survive a reload. */
export class HasStorageError extends HasError<'storage'> {
  override readonly name = 'HasStorageError' as const
  constructor(shortMessage = 'The sessions could not be saved in this browser.', options: HasErrorOptions = {}) {
    super('storage', shortMessage, false, options)
  }
}
