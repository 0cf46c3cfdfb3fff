/**
 * A bounds-checked, big-endian cursor over binary records (templates, finger image records). Every such parser
 * reads through this so that a short buffer always ends in the parser's truncation error (ENGINE_TEMPLATE_TRUNCATED
 * for templates; never a RangeError from DataView), and so that parsers can check a declared count against the
 * bytes that remain *before* looping over it (a corrupt count of 65,535 then costs one comparison, not 65,535
 * iterations).
 */
import { EngineError, type EngineErrorCode } from '../errors.js';

/** How a {@link ByteReader} reports a short buffer, and where its bytes sit in the whole record. */
export interface ByteReaderOptions {
  /** The code of the error a read past the end throws. Default ENGINE_TEMPLATE_TRUNCATED. */
  readonly truncated?: EngineErrorCode;
  /** Offset of the bytes in the whole record (a block's reader), for `offset` and messages. Default 0. */
  readonly base?: number;
}

/** Sequential big-endian reader over a Uint8Array; throws its truncation error instead of reading past `end`. */
export class ByteReader {
  private readonly view: DataView;
  private position = 0;
  /** Offset one past the last byte this reader may read (a declared record length can shorten it). */
  private end: number;
  private readonly truncated: EngineErrorCode;
  private readonly base: number;

  /**
   * @param bytes the record; a subarray (such as a pooled Node Buffer) is read from its own offset.
   * @param what names the record in error messages ("ISO/IEC 19794-2 record").
   */
  constructor(
    private readonly bytes: Uint8Array,
    private readonly what: string,
    options: ByteReaderOptions = {},
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.end = bytes.byteLength;
    this.truncated = options.truncated ?? 'ENGINE_TEMPLATE_TRUNCATED';
    this.base = options.base ?? 0;
  }

  /** Current offset from the start of the whole record. */
  get offset(): number {
    return this.base + this.position;
  }

  /** Bytes left before the end of the record. */
  get remaining(): number {
    return this.end - this.position;
  }

  /** Throws the truncation error unless `count` more bytes can be read; `field` names what needs them. */
  require(count: number, field: string): void {
    if (count > this.end - this.position) {
      throw new EngineError(
        this.truncated,
        `${this.what}: ${field} needs ${count} bytes at offset ${this.offset}, only ${this.remaining} remain`,
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

  /** Reads an unsigned big-endian 48-bit integer (exact: below 2^53). */
  u48(field: string): number {
    this.require(6, field);
    const value = this.view.getUint16(this.position) * 2 ** 32 + this.view.getUint32(this.position + 2);
    this.position += 6;
    return value;
  }

  /** Skips `count` bytes that must all be present. */
  skip(count: number, field: string): void {
    this.require(count, field);
    this.position += count;
  }

  /** The next `count` bytes, as a view into the record. */
  take(count: number, field: string): Uint8Array {
    this.require(count, field);
    const start = this.position;
    this.position += count;
    return this.bytes.subarray(start, start + count);
  }

  /** A reader over the next `count` bytes, which this one skips; `what` names them in its messages. */
  block(count: number, field: string, what: string): ByteReader {
    const base = this.offset;
    return new ByteReader(this.take(count, field), what, { truncated: this.truncated, base });
  }
}
