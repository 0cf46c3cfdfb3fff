/**
 * A bounds-checked, big-endian cursor over template bytes. Every template parser reads through this so that a
 * short buffer always ends in ENGINE_TEMPLATE_TRUNCATED (never a RangeError from DataView), and so that parsers
 * can check a declared count against the bytes that remain *before* looping over it (a corrupt count of 65,535
 * then costs one comparison, not 65,535 iterations).
 */
import { EngineError } from '../errors.js';

/** Sequential big-endian reader over a Uint8Array; throws ENGINE_TEMPLATE_TRUNCATED instead of reading past `end`. */
export class ByteReader {
  private readonly view: DataView;
  private position = 0;
  /** Offset one past the last byte this reader may read (a declared record length can shorten it). */
  private end: number;

  /**
   * @param bytes the record; a subarray (such as a pooled Node Buffer) is read from its own offset.
   * @param what names the record in error messages ("ISO/IEC 19794-2 record").
   */
  constructor(
    bytes: Uint8Array,
    private readonly what: string,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.end = bytes.byteLength;
  }

  /** Current offset from the start of the record. */
  get offset(): number {
    return this.position;
  }

  /** Bytes left before the end of the record. */
  get remaining(): number {
    return this.end - this.position;
  }

  /** Throws ENGINE_TEMPLATE_TRUNCATED unless `count` more bytes can be read; `field` names what needs them. */
  require(count: number, field: string): void {
    if (count > this.end - this.position) {
      throw new EngineError(
        'ENGINE_TEMPLATE_TRUNCATED',
        `${this.what}: ${field} needs ${count} bytes at offset ${this.position}, only ${this.remaining} remain`,
      );
    }
  }

  /** Reads an unsigned byte. */
  u8(field: string): number {
    this.require(1, field);
    const value = this.view.getUint8(this.position);
    this.position += 1;
    return value;
  }

  /** Reads an unsigned big-endian 16-bit integer. */
  u16(field: string): number {
    this.require(2, field);
    const value = this.view.getUint16(this.position);
    this.position += 2;
    return value;
  }

  /** Reads an unsigned big-endian 32-bit integer. */
  u32(field: string): number {
    this.require(4, field);
    const value = this.view.getUint32(this.position);
    this.position += 4;
    return value;
  }

  /** Skips `count` bytes that must all be present. */
  skip(count: number, field: string): void {
    this.require(count, field);
    this.position += count;
  }
}
