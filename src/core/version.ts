/** The package version, stamped into every error (a test keeps it equal to package.json). */
export const VERSION = '0.1.0'
