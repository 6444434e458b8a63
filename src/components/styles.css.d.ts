// `import 'hive-auth-react/styles.css'` is a side-effect import: TypeScript (noUncheckedSideEffectImports, the default
// from TS 6) needs a declaration to resolve. The stylesheet exports nothing.
export {}
