'use client'

/** A status line; before a QR code, with a placeholder of the code's size so the dialog does not jump when it comes. */
export function Busy({ text, skeleton = false }: { text: string; skeleton?: boolean }) {
  const status = (
    <p className="has-text has-busy" role="status">
      <span className="has-spinner" aria-hidden="true" />
      <span>{text}</span>
    </p>
  )
  return (
    <div className="has-step has-step--busy">
      {status}
      {skeleton && <div className="has-qr-skeleton" aria-hidden="true" />}
    </div>
  )
}
