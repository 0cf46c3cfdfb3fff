/**
 * A fixed-size, big-endian writer for template encoders. Encoders compute the exact record length first (the
 * formats put it in their headers), so the writer allocates once and checks at the end that the layout code wrote
 * exactly that many bytes: a mismatch is a bug in the encoder, never a property of the input.
 */

/** Sequential big-endian writer into a buffer of a known final size. */
export class ByteWriter {
  readonly bytes: Uint8Array;
  private readonly view: DataView;
  private position = 0;

  /** @param length the exact number of bytes the record will have. */
  constructor(length: number) {
    this.bytes = new Uint8Array(length);
    this.view = new DataView(this.bytes.buffer);
  }

  /** Writes an unsigned byte; `value` must already be in 0..255. */
  u8(value: number): void {
    this.view.setUint8(this.position, value);
    this.position += 1;
  }

  /** Writes an unsigned big-endian 16-bit integer; `value` must already be in 0..65535. */
  u16(value: number): void {
    this.view.setUint16(this.position, value);
    this.position += 2;
  }

  /** Writes an unsigned big-endian 32-bit integer. */
  u32(value: number): void {
    this.view.setUint32(this.position, value);
    this.position += 4;
  }

  /** Writes raw bytes (magic numbers, version strings). */
  raw(bytes: Uint8Array): void {
    this.bytes.set(bytes, this.position);
    this.position += bytes.length;
  }

  /** Returns the record, asserting the encoder filled exactly the length it declared. */
  finish(): Uint8Array {
    if (this.position !== this.bytes.length) {
      throw new Error(`template encoder wrote ${this.position} bytes into a ${this.bytes.length}-byte record`);
    }
    return this.bytes;
  }
}
