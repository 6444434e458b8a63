/**
 * The few labels the first load shows (the login button, the account button); the rest come with the modal, the menu
 * and the sign prompt, which complete a language's labels with English ones.
 */
export const enButtonLabels = {
  /** Text direction of this language. */
  dir: 'ltr' as 'ltr' | 'rtl',
  loginButton: 'Log in with HiveAuth',
  accountMenu: 'Account menu for @{account}',
  verified: 'Verified login',
  switchedAfterLogout: 'Logged out @{account}. You are now @{next}.',
}
