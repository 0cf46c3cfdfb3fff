import { test } from 'node:test';
import assert from 'node:assert/strict';
import { distortPoint, type PlasticDistortion, undistortPoint } from '../src/synthetic/plastic-distortion.js';

// The strongest distortion the poor preset can draw: 9 degrees, 25 px, the sharpest brake.
const strong: PlasticDistortion = { cx: 200, cy: 250, rx: 50, ry: 70, rotation: (9 * Math.PI) / 180, dx: 20, dy: -15, k: 40 };

test('skin inside the close-contact region does not move', () => {
  const out: [number, number] = [0, 0];
  for (const [x, y] of [[200, 250], [240, 250], [200, 315], [170, 220]] as const) {
    assert.deepEqual(distortPoint(strong, x, y, out), [x, y]);
  }
});

test('far from the contact region the skin moves rigidly: rotated about the contact centre and shifted', () => {
  const out: [number, number] = [0, 0];
  const [x, y] = [200 + 400, 250];
  distortPoint(strong, x, y, out);
  const c = Math.cos(strong.rotation);
  const s = Math.sin(strong.rotation);
  assert.ok(Math.abs(out[0] - (200 + 400 * c + strong.dx)) < 1e-6);
  assert.ok(Math.abs(out[1] - (250 + 400 * s + strong.dy)) < 1e-6);
});

test('displacement grows with distance from the close-contact region', () => {
  const out: [number, number] = [0, 0];
  let previous = 0;
  for (let r = 60; r <= 300; r += 20) {
    distortPoint(strong, 200 + r, 250, out);
    const moved = Math.hypot(out[0] - (200 + r), out[1] - 250);
    assert.ok(moved >= previous, `moved ${moved} at ${r} px, ${previous} before`);
    previous = moved;
  }
  assert.ok(previous > 25);
});

test('undistorting a distorted point returns it to within a twentieth of a pixel', () => {
  const forward: [number, number] = [0, 0];
  const back: [number, number] = [0, 0];
  for (let y = 0; y <= 500; y += 25) {
    for (let x = 0; x <= 400; x += 25) {
      distortPoint(strong, x, y, forward);
      undistortPoint(strong, forward[0], forward[1], back);
      assert.ok(Math.hypot(back[0] - x, back[1] - y) < 0.05, `${x},${y} came back as ${back}`);
    }
  }
});
