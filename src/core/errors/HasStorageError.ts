import { HasError, type HasErrorOptions } from './HasError.js'

/**
 * Storage failed: in a browser it refused a write (quota, privacy mode), so a login or logout may not survive a reload;
 * on a server the store (Redis) failed or did not answer, so the server refuses the login (fails closed).
 */
export class HasStorageError extends HasError<'storage'> {
  override readonly name = 'HasStorageError' as const
  constructor(shortMessage = 'The sessions could not be saved in this browser.', options: HasErrorOptions = {}) {
    super('storage', shortMessage, false, options)
  }
}
