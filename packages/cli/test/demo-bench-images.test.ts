import { test } from 'node:test';
import assert from 'node:assert/strict';
import { benchCrossings } from '../src/commands/bench-crossings.js';

test('bench crossings with --images enrols and crosses with synthetic fingerprint images the server extracts', async () => {
  const report = await benchCrossings({ lanes: 2, travellers: 2, crossings: 8, watchlist: 5, warmup: 0, images: true });
  assert.equal(report.fingers, 'images');
  assert.equal(report.crossings, 8);
  assert.equal(report.errors, 0);
  // Every crossing was compared with the holder's enrolled fingers; synthetic "typical" impressions verify mostly.
  const compared = (report.verification.verified ?? 0) + (report.verification.not_verified ?? 0);
  assert.equal(compared, 8, JSON.stringify(report.verification));
  assert.ok((report.verification.verified ?? 0) >= 4, JSON.stringify(report.verification));
});
