// Nothing to configure: hive-auth-react's modules carry their own 'use client' where needed.
export default {}
