import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { decodeImage } from '../src/image-decode.js';
import { isCliError } from '../src/errors.js';

const width = 40;
const height = 30;
/** A diagonal ramp, so that a transposed or shifted decode cannot pass for the original. */
const ramp = Buffer.from(Array.from({ length: width * height }, (_, i) => ((i % width) * 5 + Math.floor(i / width) * 2) % 256));
const pick = (d: { image: { dpi: number }; dpiSource: string }) => [d.image.dpi, d.dpiSource];
const grey = () => sharp(ramp, { raw: { width, height, channels: 1 } });

test('a PNG with a 500 dpi pHYs chunk decodes to the same 8-bit pixels at the file resolution', async () => {
  const png = await grey().withMetadata({ density: 500 }).png().toBuffer();
  const { image, dpiSource, format } = await decodeImage(png);
  assert.equal(format, 'png');
  assert.equal(dpiSource, 'file');
  assert.deepEqual([image.width, image.height, image.dpi], [width, height, 500]);
  assert.deepEqual(Buffer.from(image.pixels), ramp);
});

test('a TIFF without a resolution tag needs --dpi and then uses it', async () => {
  // One uncompressed 8-bit grey channel and no resolution tag, like the FVC TIFFs (sharp's default TIFF
  // compression is JPEG, which would change the pixels).
  const tiff = await grey().toColourspace('b-w').tiff({ compression: 'none' }).toBuffer();
  assert.equal((await sharp(tiff).metadata()).channels, 1);
  await assert.rejects(decodeImage(tiff, { name: '101_1.tif' }), (e) => {
    assert.ok(isCliError(e, 'CLI_DPI_UNKNOWN'));
    assert.match((e as Error).message, /101_1\.tif.*no resolution.*--dpi/);
    return true;
  });
  const { image, dpiSource } = await decodeImage(tiff, { dpi: 569 });
  assert.equal(image.dpi, 569);
  assert.equal(dpiSource, 'option');
  assert.deepEqual(Buffer.from(image.pixels), ramp);
});

test('a fallback dpi applies only when the file states no plausible density', async () => {
  const bare = await grey().toColourspace('b-w').tiff({ compression: 'none' }).toBuffer();
  const stated = await grey().withMetadata({ density: 1000 }).png().toBuffer();
  const screen = await grey().jpeg().toBuffer();
  assert.deepEqual(pick(await decodeImage(bare, { fallbackDpi: 569 })), [569, 'fallback']);
  assert.deepEqual(pick(await decodeImage(stated, { fallbackDpi: 569 })), [1000, 'file']);
  assert.deepEqual(pick(await decodeImage(screen, { fallbackDpi: 569 })), [569, 'fallback']);
  assert.deepEqual(pick(await decodeImage(stated, { fallbackDpi: 569, dpi: 500 })), [500, 'option']);
});

test('an explicit dpi overrides the density the file states', async () => {
  const tiff = await grey().toColourspace('b-w').withMetadata({ density: 1000 }).tiff({ compression: 'lzw' }).toBuffer();
  assert.equal((await decodeImage(tiff)).image.dpi, 1000);
  assert.equal((await decodeImage(tiff, { dpi: 500 })).image.dpi, 500);
});

test('a JPEG claiming the 72 dpi screen default is not believed', async () => {
  const jpeg = await grey().jpeg({ quality: 95 }).toBuffer();
  await assert.rejects(decodeImage(jpeg), (e) => isCliError(e, 'CLI_DPI_UNKNOWN') && /72 dpi/.test((e as Error).message));
  const { image, format } = await decodeImage(jpeg, { dpi: 500 });
  assert.equal(format, 'jpeg');
  // Lossy, but close: the mean absolute error of a quality-95 JPEG of a smooth ramp is small.
  let error = 0;
  for (let i = 0; i < ramp.length; i++) error += Math.abs(image.pixels[i]! - ramp[i]!);
  assert.ok(error / ramp.length < 4, `mean error ${error / ramp.length}`);
});

test('colour with transparency becomes one grey channel, transparent pixels white', async () => {
  const rgba = Buffer.alloc(2 * 1 * 4);
  rgba.set([0, 0, 0, 255], 0); // opaque black
  rgba.set([255, 0, 0, 0], 4); // fully transparent red
  const png = await sharp(rgba, { raw: { width: 2, height: 1, channels: 4 } }).png().toBuffer();
  const { image } = await decodeImage(png, { dpi: 500 });
  assert.deepEqual([...image.pixels], [0, 255]);
});

test('a 16-bit grey PNG is scaled to 8 bits', async () => {
  const png16 = await grey().toColourspace('grey16').png().toBuffer();
  assert.equal((await sharp(png16).metadata()).depth, 'ushort');
  const { image } = await decodeImage(png16, { dpi: 500 });
  assert.deepEqual(Buffer.from(image.pixels), ramp);
});

test('bytes that are no image, and image formats other than PNG, TIFF and JPEG, are refused', async () => {
  await assert.rejects(decodeImage(Buffer.from('not an image at all')), (e) => isCliError(e, 'CLI_IMAGE_UNREADABLE'));
  const webp = await grey().webp().toBuffer();
  await assert.rejects(decodeImage(webp, { dpi: 500 }), (e) => isCliError(e, 'CLI_IMAGE_UNREADABLE') && /webp/.test((e as Error).message));
  const png = await grey().png().toBuffer();
  await assert.rejects(decodeImage(png.subarray(0, 60), { dpi: 500 }), (e) => isCliError(e, 'CLI_IMAGE_UNREADABLE'));
});
