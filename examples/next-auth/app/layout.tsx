import type { ReactNode } from 'react'
import 'hive-auth-react/styles.css'

export const metadata = { title: 'hive-auth-react: Auth.js' }

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
