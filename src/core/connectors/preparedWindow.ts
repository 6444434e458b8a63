/** Closes what a connector's `prepare()` opened in the user's click (HiveSigner's window) when its login ends without it. */
export function closePrepared(prepared: unknown): void {
  ;(prepared as { close?(): void } | null | undefined)?.close?.()
}
