/** Little-endian bytes as Hive (fc::raw) writes them: fixed-width integers, varint32 lengths, length-prefixed strings. */
export class ByteWriter {
  private chunks: number[] = []

  /** How amounts are written: `legacy` (precision and a 7-byte symbol), or `hf26` (HF26's 32-bit asset number). */
  constructor(readonly assets: 'legacy' | 'hf26' = 'legacy') {}

  u8(value: number): this {
    this.chunks.push(value & 0xff)
    return this
  }
  u16(value: number): this {
    return this.u8(value).u8(value >>> 8)
  }
  i16(value: number): this {
    return this.u16(value & 0xffff)
  }
  u32(value: number): this {
    return this.u16(value & 0xffff).u16(value >>> 16)
  }
  /** A 64-bit integer, signed or not (two's complement). */
  i64(value: bigint): this {
    let v = BigInt.asUintN(64, value)
    for (let i = 0; i < 8; i++) {
      this.u8(Number(v & 0xffn))
      v >>= 8n
    }
    return this
  }
  varint32(value: number): this {
    let v = value >>> 0
    while (v >= 0x80) {
      this.u8((v & 0x7f) | 0x80)
      v >>>= 7
    }
    return this.u8(v)
  }
  bytes(data: Uint8Array): this {
    for (const b of data) this.chunks.push(b)
    return this
  }
  /** A UTF-8 string, its byte length first. */
  string(value: string): this {
    const data = new TextEncoder().encode(value)
    return this.varint32(data.length).bytes(data)
  }
  done(): Uint8Array {
    return Uint8Array.from(this.chunks)
  }
}
