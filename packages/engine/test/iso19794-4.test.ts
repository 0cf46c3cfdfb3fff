/**
 * ISO/IEC 19794-4 finger image records: round trips through both editions, hand-built records (written byte by
 * byte here, not by the encoder, so the writer and reader cannot share one mistake), conversion to grey rasters,
 * and ENGINE_IMAGE_RECORD_INVALID for bad, truncated and randomly mutated records, never another error.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EngineError, isEngineError } from '../src/errors.js';
import {
  decodeFingerImageRecord,
  encodeFingerImageRecord,
  FINGER_IMAGE_MAGIC,
  fingerImageToGray,
  isFingerImageRecord,
} from '../src/image/iso19794-4.js';
import type { FingerImageView, FingerImageViewInput } from '../src/image/iso19794-4.js';
import { Prng } from '../src/synthetic/prng.js';

type Field = readonly [size: 1 | 2 | 4 | 6, value: number] | Uint8Array | string;

/** Writes big-endian fields (size in bytes and value), raw bytes and ASCII strings through a DataView. */
function bytesOf(...fields: readonly Field[]): Uint8Array {
  const length = fields.reduce((n, f) => n + (typeof f === 'string' || f instanceof Uint8Array ? f.length : f[0]), 0);
  const out = new Uint8Array(length);
  const view = new DataView(out.buffer);
  let at = 0;
  for (const field of fields) {
    if (typeof field === 'string') {
      for (const ch of field) view.setUint8(at++, ch.charCodeAt(0));
    } else if (field instanceof Uint8Array) {
      out.set(field, at);
      at += field.length;
    } else {
      const [size, value] = field;
      if (size === 1) view.setUint8(at, value);
      else if (size === 2) view.setUint16(at, value);
      else if (size === 4) view.setUint32(at, value);
      else {
        view.setUint16(at, Math.floor(value / 2 ** 32));
        view.setUint32(at + 2, value % 2 ** 32);
      }
      at += size;
    }
  }
  assert.equal(at, length);
  return out;
}

function assertInvalid(run: () => unknown, message?: RegExp): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(isEngineError(error, 'ENGINE_IMAGE_RECORD_INVALID'), `expected the record code, got ${String(error)}`);
    if (message !== undefined) assert.match(error.message, message);
    return true;
  });
}

/** Sets a big-endian field of a copy of `bytes`. */
function patched(bytes: Uint8Array, offset: number, size: 1 | 2 | 4, value: number): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  if (size === 1) view.setUint8(offset, value);
  else if (size === 2) view.setUint16(offset, value);
  else view.setUint32(offset, value);
  return copy;
}

const GREY_3x2: FingerImageViewInput = {
  position: 2,
  quality: 80,
  impressionType: 0,
  width: 3,
  height: 2,
  dpi: 500,
  bitDepth: 8,
  compression: 'none',
  data: Uint8Array.of(0, 50, 100, 150, 200, 255),
};
const PNG_VIEW: FingerImageViewInput = {
  position: 7,
  impressionType: 1,
  width: 400,
  height: 500,
  dpi: 500,
  compression: 'png',
  data: Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5),
};
/** 10 x 3 at 1 bit: each row is 2 bytes, the last 6 bits padding. */
const BITS_10x3: FingerImageViewInput = {
  position: 2,
  quality: 0,
  impressionType: 2,
  width: 10,
  height: 3,
  dpi: 500,
  bitDepth: 1,
  compression: 'bit-packed',
  data: Uint8Array.of(0b10110000, 0b01000000, 0b11111111, 0b11000000, 0b00000000, 0b00000000),
};

function assertViewMatches(view: FingerImageView, input: FingerImageViewInput, viewNumber: number): void {
  assert.equal(view.position, input.position);
  assert.equal(view.viewNumber, viewNumber);
  assert.equal(view.quality, input.quality);
  assert.equal(view.impressionType, input.impressionType ?? 0);
  assert.equal(view.width, input.width);
  assert.equal(view.height, input.height);
  assert.equal(view.dpi, input.dpi);
  assert.equal(view.bitDepth, input.bitDepth ?? 8);
  assert.equal(view.compression, input.compression);
  assert.deepEqual([...view.data], [...input.data]);
}

test('a 2011 record keeps every field of mixed views, numbering the views of each position from 1', () => {
  const inputs = [GREY_3x2, PNG_VIEW, BITS_10x3];
  const bytes = encodeFingerImageRecord(inputs);
  assert.ok(isFingerImageRecord(bytes));
  const record = decodeFingerImageRecord(bytes);
  assert.equal(record.version, '020');
  assert.equal(record.views.length, 3);
  assertViewMatches(record.views[0]!, GREY_3x2, 1);
  assertViewMatches(record.views[1]!, PNG_VIEW, 1);
  assertViewMatches(record.views[2]!, BITS_10x3, 2);
});

test('a 2005 record keeps every field, one record per compression as the edition requires', () => {
  for (const input of [GREY_3x2, PNG_VIEW, BITS_10x3]) {
    const record = decodeFingerImageRecord(encodeFingerImageRecord([input], '010'));
    assert.equal(record.version, '010');
    assert.equal(record.views.length, 1);
    assertViewMatches(record.views[0]!, input, 1);
  }
  const second = { ...GREY_3x2, quality: undefined, data: Uint8Array.of(9, 8, 7, 6, 5, 4) };
  const record = decodeFingerImageRecord(encodeFingerImageRecord([GREY_3x2, second], '010'));
  assertViewMatches(record.views[0]!, GREY_3x2, 1);
  assertViewMatches(record.views[1]!, second, 2);
});

test('the 2005 encoder refuses views that differ in resolution, depth or compression', () => {
  assertInvalid(() => encodeFingerImageRecord([GREY_3x2, PNG_VIEW], '010'), /one resolution, depth and compression/);
  assertInvalid(() => encodeFingerImageRecord([GREY_3x2, { ...GREY_3x2, dpi: 1000 }], '010'), /1000 ppi/);
});

test('the encoder refuses views the format cannot hold', () => {
  assertInvalid(() => encodeFingerImageRecord([]), /at least one view/);
  assertInvalid(() => encodeFingerImageRecord([{ ...GREY_3x2, quality: 101 }]), /quality/);
  assertInvalid(() => encodeFingerImageRecord([{ ...GREY_3x2, position: 256 }]), /position/);
  assertInvalid(() => encodeFingerImageRecord([{ ...GREY_3x2, width: 0 }]), /0 x 2/);
  assertInvalid(() => encodeFingerImageRecord([{ ...GREY_3x2, data: new Uint8Array(5) }]), /needs 6 bytes/);
  assertInvalid(() => encodeFingerImageRecord([{ ...GREY_3x2, bitDepth: 17 }]), /bit depth/);
});

/** A 2005 record of two 4 x 2 8-bit images at 197 px/cm, written field by field. */
function handBuilt2005(): Uint8Array {
  const image1 = Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8);
  const image2 = Uint8Array.of(10, 20, 30, 40, 50, 60, 70, 80);
  const length = 32 + (14 + 8) * 2;
  return bytesOf(
    'FIR\0',
    '010\0',
    [6, length],
    [2, 0x1234], // capture device id
    [2, 31], // acquisition level
    [1, 2], // two images
    [1, 2], // scale units: pixels per cm
    [2, 197],
    [2, 197], // scan resolution
    [2, 197],
    [2, 197], // image resolution
    [1, 8], // pixel depth
    [1, 0], // no compression
    [2, 0], // reserved
    [4, 22],
    [1, 1], // right thumb
    [1, 1], // one view of it
    [1, 1], // view number
    [1, 64], // quality
    [1, 0], // live-scan plain
    [2, 4],
    [2, 2],
    [1, 0],
    image1,
    [4, 22],
    [1, 13], // palm position: kept as written
    [1, 1],
    [1, 3], // view number 3
    [1, 255], // quality not computed
    [1, 3], // rolled
    [2, 4],
    [2, 2],
    [1, 0],
    image2,
  );
}

test('a hand-built 2005 record decodes to its fields, converting 197 px/cm to 500 dpi', () => {
  const bytes = handBuilt2005();
  assert.equal(bytes.length, 76);
  const record = decodeFingerImageRecord(bytes);
  assert.equal(record.version, '010');
  assert.deepEqual(
    record.views.map(({ data, ...fields }) => ({ ...fields, data: [...data] })),
    [
      {
        position: 1,
        viewNumber: 1,
        quality: 64,
        impressionType: 0,
        width: 4,
        height: 2,
        dpi: 500,
        bitDepth: 8,
        compression: 'none',
        data: [1, 2, 3, 4, 5, 6, 7, 8],
      },
      {
        position: 13,
        viewNumber: 3,
        quality: undefined,
        impressionType: 3,
        width: 4,
        height: 2,
        dpi: 500,
        bitDepth: 8,
        compression: 'none',
        data: [10, 20, 30, 40, 50, 60, 70, 80],
      },
    ],
  );
});

/**
 * A 2011 record with the certification flag set: one 2 x 2 4-bit bit-packed image at 197 px/cm, two quality blocks
 * (the first one counts) and one certification block.
 */
function handBuilt2011(): Uint8Array {
  const image = Uint8Array.of(0x0f, 0x5a);
  const representation = 4 + 9 + 1 + 2 + 2 + 1 + 2 * 5 + 1 + 3 + 22 + image.length;
  return bytesOf(
    'FIR\0',
    '020\0',
    [4, 16 + representation],
    [2, 1], // one representation
    [1, 1], // certification flag
    [1, 1], // one distinct position
    [4, representation],
    [2, 2024],
    [1, 5],
    [1, 17],
    [1, 9],
    [1, 30],
    [1, 0],
    [2, 500], // capture date-time
    [1, 1], // technology
    [2, 0x0042], // vendor
    [2, 7], // device type
    [1, 2], // two quality blocks
    [1, 55],
    [2, 0x0101],
    [2, 1],
    [1, 90],
    [2, 0x0102],
    [2, 2],
    [1, 1], // one certification block
    [2, 0x00ff],
    [1, 1],
    [1, 6], // left thumb
    [1, 4], // representation number
    [1, 2], // pixels per cm
    [2, 197],
    [2, 197],
    [2, 197],
    [2, 197],
    [1, 4], // bit depth
    [1, 1], // bit-packed
    [1, 1], // live-scan rolled
    [2, 2],
    [2, 2],
    [4, image.length],
    image,
  );
}

test('a hand-built 2011 record with quality and certification blocks decodes to its fields', () => {
  const record = decodeFingerImageRecord(handBuilt2011());
  assert.equal(record.version, '020');
  assert.equal(record.views.length, 1);
  const view = record.views[0]!;
  assert.deepEqual(
    { ...view, data: [...view.data] },
    {
      position: 6,
      viewNumber: 4,
      quality: 55,
      impressionType: 1,
      width: 2,
      height: 2,
      dpi: 500,
      bitDepth: 4,
      compression: 'bit-packed',
      data: [0x0f, 0x5a],
    },
  );
  // 4-bit samples 0, 15 / 5, 10 scale by 255/15 = 17.
  assert.deepEqual([...fingerImageToGray(view).pixels], [0, 255, 85, 170]);
});

test('a 2011 record decodes each compression code, both JPEG 2000 codes as jpeg2000', () => {
  const names = ['none', 'bit-packed', 'wsq', 'jpeg', 'jpeg2000', 'jpeg2000', 'png'];
  const base = encodeFingerImageRecord([PNG_VIEW]);
  const compressionAt = 16 + 4 + 14 + 1 + 3 + 8 + 1;
  assert.equal(base[compressionAt], 6);
  for (let code = 2; code < names.length; code++) {
    const record = decodeFingerImageRecord(patched(base, compressionAt, 1, code));
    assert.equal(record.views[0]!.compression, names[code]);
  }
  assertInvalid(() => decodeFingerImageRecord(patched(base, compressionAt, 1, 7)), /compression algorithm code 7/);
});

test('the magic is FIR\\0 and isFingerImageRecord looks only at it', () => {
  assert.equal(FINGER_IMAGE_MAGIC, 'FIR\0');
  assert.ok(isFingerImageRecord(Uint8Array.of(0x46, 0x49, 0x52, 0x00)));
  assert.ok(!isFingerImageRecord(Uint8Array.of(0x46, 0x49, 0x52)));
  assert.ok(!isFingerImageRecord(Uint8Array.of(0x46, 0x4d, 0x52, 0x00, 0x20, 0x32, 0x30, 0x00)));
});

test('fingerImageToGray copies 8-bit pixels', () => {
  const view = decodeFingerImageRecord(encodeFingerImageRecord([GREY_3x2])).views[0]!;
  const image = fingerImageToGray(view);
  assert.deepEqual([image.width, image.height, image.dpi], [3, 2, 500]);
  assert.deepEqual([...image.pixels], [0, 50, 100, 150, 200, 255]);
  image.pixels[0] = 99;
  assert.equal(view.data[0], 0, 'the raster is a copy, not a view of the record');
});

test('fingerImageToGray keeps the high byte of 16-bit big-endian samples', () => {
  const view = decodeFingerImageRecord(
    encodeFingerImageRecord([
      {
        ...GREY_3x2,
        bitDepth: 16,
        data: Uint8Array.of(0x00, 0xff, 0x12, 0x34, 0xff, 0x00, 0x80, 0x01, 0x7f, 0xff, 0xab, 0xcd),
      },
    ]),
  ).views[0]!;
  assert.deepEqual([...fingerImageToGray(view).pixels], [0x00, 0x12, 0xff, 0x80, 0x7f, 0xab]);
});

test('fingerImageToGray unpacks 1-bit rows MSB first from byte boundaries: 0 is black, 1 white', () => {
  const view = decodeFingerImageRecord(encodeFingerImageRecord([BITS_10x3])).views[0]!;
  const { pixels } = fingerImageToGray(view);
  const rows = [0, 1, 2].map((y) => [...pixels.subarray(y * 10, y * 10 + 10)].map((p) => (p === 255 ? 1 : p)));
  assert.deepEqual(rows, [
    [1, 0, 1, 1, 0, 0, 0, 0, 0, 1],
    [1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
    [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  ]);
});

test('fingerImageToGray scales 2-bit samples to 0, 85, 170, 255', () => {
  const view = { ...(decodeFingerImageRecord(encodeFingerImageRecord([BITS_10x3])).views[0]!) };
  const twoBit = { ...view, width: 4, height: 1, bitDepth: 2, data: Uint8Array.of(0b00011011) };
  assert.deepEqual([...fingerImageToGray(twoBit).pixels], [0, 85, 170, 255]);
});

test('fingerImageToGray refuses compressed images, naming the compression', () => {
  for (const compression of ['wsq', 'jpeg', 'jpeg2000', 'png'] as const) {
    const view = { ...(decodeFingerImageRecord(encodeFingerImageRecord([PNG_VIEW])).views[0]!), compression };
    assertInvalid(() => fingerImageToGray(view), new RegExp(`${compression} image data must be decoded by the caller`));
  }
});

test('fingerImageToGray checks the raster: 100 dpi is ENGINE_IMAGE_INVALID', () => {
  const view = decodeFingerImageRecord(encodeFingerImageRecord([{ ...GREY_3x2, dpi: 100 }])).views[0]!;
  assert.throws(() => fingerImageToGray(view), (e: unknown) => isEngineError(e, 'ENGINE_IMAGE_INVALID'));
});

test('a wrong magic or version is refused', () => {
  const bytes = handBuilt2005();
  assertInvalid(() => decodeFingerImageRecord(patched(bytes, 0, 1, 0x47)), /format identifier.*got 47 49 52 00/);
  assertInvalid(() => decodeFingerImageRecord(patched(bytes, 5, 1, 0x33)), /version.*got 30 33 30 00/);
  assertInvalid(() => decodeFingerImageRecord(bytesOf('FMR\0', ' 20\0', [4, 8])), /format identifier/);
});

test('every strict prefix of a valid record of either edition is refused', () => {
  const records = [
    handBuilt2005(),
    handBuilt2011(),
    encodeFingerImageRecord([GREY_3x2, PNG_VIEW, BITS_10x3]),
    encodeFingerImageRecord([GREY_3x2, { ...GREY_3x2, position: 3 }], '010'),
  ];
  for (const bytes of records) {
    decodeFingerImageRecord(bytes);
    for (let n = 0; n < bytes.length; n++) assertInvalid(() => decodeFingerImageRecord(bytes.slice(0, n)));
  }
});

test('a representation whose fields run past its own length is refused, even when the lengths agree', () => {
  // Cut k bytes off the end of the one representation and shrink both length fields to match, so that only the
  // bounds of the representation itself stop the reader.
  const bytes = handBuilt2011();
  const representation = bytes.length - 16;
  for (let k = 1; k < representation - 4; k++) {
    const cut = patched(patched(bytes.slice(0, bytes.length - k), 8, 4, bytes.length - k), 16, 4, representation - k);
    assertInvalid(() => decodeFingerImageRecord(cut));
  }
});

test('a record length field that disagrees with the bytes is refused with both numbers', () => {
  const bytes2005 = handBuilt2005();
  assertInvalid(() => decodeFingerImageRecord(patched(bytes2005, 10, 4, 75)), /says 75 bytes, but the record has 76/);
  const bytes2011 = encodeFingerImageRecord([GREY_3x2]);
  assertInvalid(
    () => decodeFingerImageRecord(new Uint8Array([...bytes2011, 0])),
    new RegExp(`says ${bytes2011.length} bytes, but the record has ${bytes2011.length + 1}`),
  );
});

test('bytes after the last image that the record length counts are refused', () => {
  // The record length is 6 bytes at offset 8 in 2005 (its low 4 bytes at 10) and 4 bytes at offset 8 in 2011.
  for (const [bytes, lengthAt] of [
    [handBuilt2005(), 10],
    [encodeFingerImageRecord([GREY_3x2]), 8],
  ] as const) {
    const longer = new Uint8Array([...bytes, 0, 0, 0]);
    const counted = patched(longer, lengthAt, 4, longer.length);
    const message = new RegExp(`3 bytes at offset ${bytes.length} follow the last`);
    assertInvalid(() => decodeFingerImageRecord(counted), message);
  }
});

test('structural errors name the field and value', () => {
  const bytes2005 = handBuilt2005();
  assertInvalid(() => decodeFingerImageRecord(patched(bytes2005, 29, 1, 6)), /compression algorithm code 6/);
  assertInvalid(() => decodeFingerImageRecord(patched(bytes2005, 18, 1, 0)), /number of finger images is 0/);
  assertInvalid(() => decodeFingerImageRecord(patched(bytes2005, 19, 1, 3)), /scale units must be 1.*got 3/);
  assertInvalid(() => decodeFingerImageRecord(patched(bytes2005, 24, 2, 0)), /must be positive, got 0 x 197/);
  assertInvalid(() => decodeFingerImageRecord(patched(bytes2005, 28, 1, 0)), /bit depth must be 1..16, got 0/);
  assertInvalid(() => decodeFingerImageRecord(patched(bytes2005, 28, 1, 17)), /bit depth must be 1..16, got 17/);
  // First finger header starts at 32: block length (4), position, views, view number, quality, impression, width.
  assertInvalid(() => decodeFingerImageRecord(patched(bytes2005, 41, 2, 0)), /image size must be 1..4096.*got 0 x 2/);
  assertInvalid(() => decodeFingerImageRecord(patched(bytes2005, 41, 2, 4097)), /got 4097 x 2/);
  assertInvalid(() => decodeFingerImageRecord(patched(bytes2005, 39, 1, 150)), /quality must be 0..100.*got 150/);
  assertInvalid(() => decodeFingerImageRecord(patched(bytes2005, 32, 4, 13)), /block length 13 .* shorter/);
  assertInvalid(() => decodeFingerImageRecord(patched(bytes2005, 32, 4, 23)), /needs 8 bytes of data, got 9/);
  assertInvalid(() => decodeFingerImageRecord(patched(bytes2005, 32, 4, 100)), /block length 100 .* runs past the end/);

  const bytes2011 = encodeFingerImageRecord([GREY_3x2]);
  assertInvalid(() => decodeFingerImageRecord(patched(bytes2011, 12, 2, 0)), /number of representations is 0/);
  const dataLengthAt = bytes2011.length - 6 - 4;
  const shortData = patched(bytes2011, dataLengthAt, 4, 5);
  assertInvalid(() => decodeFingerImageRecord(shortData), /data length 5 does not match the 6 bytes/);
  const widthAt = dataLengthAt - 4;
  assertInvalid(() => decodeFingerImageRecord(patched(bytes2011, widthAt, 2, 0)), /got 0 x 2/);
  assertInvalid(() => decodeFingerImageRecord(patched(bytes2011, widthAt, 2, 4)), /needs 8 bytes of data, got 6/);
});

test('2,000 random mutations of valid records decode or throw ENGINE_IMAGE_RECORD_INVALID, nothing else', () => {
  const prng = new Prng(19794);
  const valid = [
    handBuilt2005(),
    handBuilt2011(),
    encodeFingerImageRecord([GREY_3x2, PNG_VIEW, BITS_10x3]),
    encodeFingerImageRecord([BITS_10x3, { ...BITS_10x3, position: 9, quality: undefined }], '010'),
  ];
  let decoded = 0;
  for (let run = 0; run < 2000; run++) {
    let bytes = valid[prng.int(valid.length)]!.slice();
    const kind = prng.int(4);
    if (kind === 0 || kind === 3) {
      const flips = 1 + prng.int(4);
      for (let k = 0; k < flips; k++) bytes[prng.int(bytes.length)] = prng.int(256);
    }
    if (kind === 1 || kind === 3) bytes = bytes.slice(0, prng.int(bytes.length + 1));
    if (kind === 2) {
      const extra = Uint8Array.from({ length: 1 + prng.int(16) }, () => prng.int(256));
      bytes = new Uint8Array([...bytes, ...extra]);
    }
    try {
      decodeFingerImageRecord(bytes);
      decoded++;
    } catch (error) {
      assert.ok(error instanceof EngineError, `run ${run}: threw ${String(error)}`);
      assert.equal(error.code, 'ENGINE_IMAGE_RECORD_INVALID', `run ${run}: ${error.message}`);
    }
  }
  // Some mutations (a pixel byte, a capture date) leave a valid record: the fuzz reaches past the headers.
  assert.ok(decoded > 0 && decoded < 2000, `decoded ${decoded} of 2000`);
});
