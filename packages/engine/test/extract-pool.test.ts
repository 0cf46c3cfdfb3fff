import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isEngineError } from '../src/errors.js';
import { ExtractionPool } from '../src/extract-pool/extraction-pool.js';
import type { GrayImage } from '../src/image/gray-image.js';
import { extract } from '../src/minutiae/extract.js';
import { generateImpression, generateMasterPrint } from '../src/synthetic/index.js';
import { CRASH_EXIT_CODE, CRASH_POSITION } from './fixtures/crashing-extraction-worker.js';

/** The frame the crossing benchmark sends (FVC2002 DB1's), so each extraction costs what a lane's image does. */
const FRAME = { width: 388, height: 374 } as const;

/** A synthetic impression of finger `seed`; a fresh raster each call, since the pool takes the caller's pixels. */
function impression(seed: number, capture = 1): GrayImage {
  return generateImpression(generateMasterPrint(seed, FRAME), capture);
}

function copy(image: GrayImage): GrayImage {
  return { ...image, pixels: image.pixels.slice() };
}

const crashingWorker = new URL('./fixtures/crashing-extraction-worker.ts', import.meta.url);

test('extracts the same template in a worker as extract() on the calling thread', async () => {
  const pool = new ExtractionPool({ workers: 1 });
  try {
    const image = impression(3101);
    const expected = extract(copy(image), { fingerPosition: 2 });
    assert.ok(expected.template.minutiae.length >= 10, `seed 3101 gives ${expected.template.minutiae.length} minutiae`);
    assert.deepEqual(await pool.extract(image, { fingerPosition: 2 }), expected);
  } finally {
    await pool.close();
  }
});

test('an engine error in the worker is raised on the caller\'s side with the same code and message', async () => {
  const pool = new ExtractionPool({ workers: 1 });
  try {
    const small: GrayImage = { width: 80, height: 90, dpi: 500, pixels: new Uint8Array(80 * 90).fill(200) };
    const blank: GrayImage = { width: 200, height: 200, dpi: 500, pixels: new Uint8Array(200 * 200).fill(128) };
    for (const [image, code] of [
      [small, 'ENGINE_IMAGE_TOO_SMALL'],
      [blank, 'ENGINE_IMAGE_BLANK'],
    ] as const) {
      const local = (() => {
        try {
          extract(copy(image));
        } catch (error) {
          return error;
        }
        return undefined;
      })();
      assert.ok(isEngineError(local, code));
      await assert.rejects(pool.extract(image), (error: unknown) => {
        assert.ok(isEngineError(error, code), String(error));
        assert.equal(error.message, local.message);
        return true;
      });
    }
    // A malformed raster is refused before anything is sent, as extract() refuses it.
    await assert.rejects(pool.extract({ width: 10, height: 10, dpi: 500, pixels: new Uint8Array(99) }), (e: unknown) =>
      isEngineError(e, 'ENGINE_IMAGE_INVALID'),
    );
  } finally {
    await pool.close();
  }
});

test('the pixels are moved to the worker, not copied: the sender\'s buffer is detached', async () => {
  const pool = new ExtractionPool({ workers: 1 });
  try {
    const image = impression(3102);
    const bytes = image.pixels.byteLength;
    const expected = extract(copy(image));
    const answer = pool.extract(image);
    assert.equal(image.pixels.byteLength, 0);
    assert.equal(image.pixels.buffer.byteLength, 0);
    assert.deepEqual(await answer, expected);
    // A view into part of a larger buffer is copied instead: moving it would take the rest of the buffer too.
    const larger = new Uint8Array(bytes + 16);
    larger.set(impression(3102).pixels, 8);
    const view: GrayImage = { width: image.width, height: image.height, dpi: image.dpi, pixels: larger.subarray(8, 8 + bytes) };
    assert.deepEqual(await pool.extract(view), expected);
    assert.equal(larger.byteLength, bytes + 16);
  } finally {
    await pool.close();
  }
});

test('several images at once on two workers each come back with their own template', async () => {
  const pool = new ExtractionPool({ workers: 2 });
  try {
    const seeds = [3103, 3104, 3105, 3106, 3107, 3108];
    const images = seeds.map((seed) => impression(seed));
    const expected = images.map((image) => extract(copy(image)));
    const answers = await Promise.all(images.map((image) => pool.extract(image)));
    assert.deepEqual(answers, expected);
  } finally {
    await pool.close();
  }
});

test('a worker that crashes fails only its image, with ENGINE_WORKER_FAILED, and is replaced', async () => {
  const pool = new ExtractionPool({ workers: 1, workerModule: crashingWorker });
  try {
    const before = impression(3109);
    const after = impression(3110);
    const expected = [extract(copy(before)), extract(copy(after))];
    const answers = [pool.extract(before), pool.extract(impression(3111), { fingerPosition: CRASH_POSITION }), pool.extract(after)];
    const crashed = assert.rejects(answers[1]!, (error: unknown) => {
      assert.ok(isEngineError(error, 'ENGINE_WORKER_FAILED'), String(error));
      assert.match(error.message, new RegExp(`extraction worker stopped: exit code ${CRASH_EXIT_CODE}`));
      return true;
    });
    assert.deepEqual(await answers[0], expected[0]);
    await crashed;
    // The image queued behind the crash runs on the worker started in its place.
    assert.deepEqual(await answers[2], expected[1]);
  } finally {
    await pool.close();
  }
});

test('close() fails the images queued and in hand, and every later call', async () => {
  const pool = new ExtractionPool({ workers: 1 });
  const answers = [3112, 3113, 3114].map((seed) => pool.extract(impression(seed)));
  const refused = answers.map((answer) =>
    assert.rejects(answer, (e: unknown) => isEngineError(e, 'ENGINE_WORKER_FAILED') && /closed/.test(e.message)),
  );
  await pool.close();
  await Promise.all(refused);
  await assert.rejects(pool.extract(impression(3112)), (e: unknown) => isEngineError(e, 'ENGINE_WORKER_FAILED'));
  await pool.close(); // twice is fine
});

test('idle workers do not keep the process alive: a program that never closes its pool exits', () => {
  const poolModule = new URL('../src/extract-pool/extraction-pool.ts', import.meta.url).href;
  const synthetic = new URL('../src/synthetic/index.ts', import.meta.url).href;
  const program = [
    `const { ExtractionPool } = await import(${JSON.stringify(poolModule)});`,
    `const { generateImpression, generateMasterPrint } = await import(${JSON.stringify(synthetic)});`,
    'const pool = new ExtractionPool({ workers: 2 });',
    `const image = generateImpression(generateMasterPrint(3115, ${JSON.stringify(FRAME)}), 1);`,
    'const extraction = await pool.extract(image);',
    'console.log(extraction.template.minutiae.length);',
  ].join('\n');
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  // 60 s: far longer than starting tsx and one extraction; a process held open by its workers never ends.
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', program], { cwd: root, timeout: 60_000, encoding: 'utf8' });
  assert.equal(run.error, undefined, 'the process did not exit on its own');
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^\d+\n$/);
});
