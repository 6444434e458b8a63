import MD5 from 'crypto-js/md5.js'

/**
 * A short fingerprint of an encrypted wallet answer (96 bits of MD5, already loaded for AES key derivation). Only the
 * key holder can make a new ciphertext, so a relay can only replay one: remembering those accepted stops that. MD5's
 * weakness does not matter here: a colliding ciphertext would still have to decrypt under a key the relay lacks.
 */
export function answerFingerprint(ciphertext: string): string {
  return MD5(ciphertext).toString().slice(0, 24)
}
