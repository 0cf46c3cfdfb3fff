import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FingerprintTemplate } from '@sarhad/engine';
import { mapTemplateFrame } from '../src/map-template-frame.js';

const template = (width: number, height: number, minutiae: FingerprintTemplate['minutiae']): FingerprintTemplate => ({
  width,
  height,
  fingerPosition: 3,
  impressionType: 0,
  quality: 0,
  minutiae,
});

test('coordinates scale by W/300 and H/400 back to a 500 dpi original frame', () => {
  const squeezed = template(300, 400, [{ x: 150, y: 100, direction: 0, type: 'ending', quality: 0 }]);
  const mapped = mapTemplateFrame(squeezed, { width: 388, height: 374, dpi: 500 });
  assert.deepEqual([mapped.width, mapped.height, mapped.fingerPosition], [388, 374, 3]);
  assert.ok(Math.abs(mapped.minutiae[0]!.x - 194) < 1e-9);
  assert.ok(Math.abs(mapped.minutiae[0]!.y - 93.5) < 1e-9);
  // A horizontal direction stays horizontal under an axis-aligned scale.
  assert.equal(mapped.minutiae[0]!.direction, 0);
});

test('a 569 dpi original is brought to 500 dpi as well', () => {
  // FVC2002 DB2: 296 x 560 at 569 dpi is 260.1 x 492.1 engine pixels.
  const mapped = mapTemplateFrame(template(300, 400, [{ x: 300, y: 400, direction: 1, type: 'bifurcation', quality: 7 }]), {
    width: 296,
    height: 560,
    dpi: 569,
  });
  assert.deepEqual([mapped.width, mapped.height], [260, 492]);
  assert.ok(Math.abs(mapped.minutiae[0]!.x - (296 * 500) / 569) < 1e-9);
  assert.ok(Math.abs(mapped.minutiae[0]!.y - (560 * 500) / 569) < 1e-9);
  assert.equal(mapped.minutiae[0]!.quality, 7);
});

test('directions follow the anisotropic scale: a 45 degree ridge squeezed across turns steeper', () => {
  // Direction θ points along (cos θ, -sin θ). Stretching x by 2 maps (1, -1) to (2, -1): atan2(1, 2).
  const mapped = mapTemplateFrame(template(100, 100, [{ x: 10, y: 10, direction: Math.PI / 4, type: 'ending', quality: 0 }]), {
    width: 200,
    height: 100,
    dpi: 500,
  });
  assert.ok(Math.abs(mapped.minutiae[0]!.direction - Math.atan2(1, 2)) < 1e-12);
});

test('squeezing into a frame and mapping back is the identity, directions kept in [0, 2π)', () => {
  const original = template(
    388,
    374,
    Array.from({ length: 64 }, (_, i) => ({ x: (i * 37) % 388, y: (i * 53) % 374, direction: (i * 2 * Math.PI) / 64, type: 'ending' as const, quality: 0 })),
  );
  const squeezed = mapTemplateFrame(original, { width: 300, height: 400, dpi: 500 });
  const back = mapTemplateFrame(squeezed, { width: 388, height: 374, dpi: 500 });
  back.minutiae.forEach((m, i) => {
    const o = original.minutiae[i]!;
    assert.ok(Math.abs(m.x - o.x) < 1e-9 && Math.abs(m.y - o.y) < 1e-9);
    const diff = Math.abs(m.direction - o.direction);
    assert.ok(Math.min(diff, 2 * Math.PI - diff) < 1e-9, `minutia ${i}: ${m.direction} vs ${o.direction}`);
    assert.ok(m.direction >= 0 && m.direction < 2 * Math.PI);
  });
});
