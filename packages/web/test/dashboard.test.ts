/** Pure helpers of the supervisor dashboard: the chart's axis and how durations and times at a post are written. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Y_STEPS, niceAxisMax } from '../src/features/dashboard/chart-scale.js';
import { dateAtPost, formatDuration, timeAtPost } from '../src/features/dashboard/post-choice.js';

test('the chart axis ends on a round number at or above the busiest hour, in equal whole steps', () => {
  assert.equal(niceAxisMax(0), Y_STEPS);
  assert.equal(niceAxisMax(3), 4);
  assert.equal(niceAxisMax(5), 8);
  assert.equal(niceAxisMax(37), 40);
  assert.equal(niceAxisMax(1234), 2000);
  assert.equal(niceAxisMax(2083), 4000);
  for (const max of [1, 7, 19, 250, 2501, 49_999]) {
    const axis = niceAxisMax(max);
    assert.ok(axis >= max, `${axis} below ${max}`);
    assert.ok(Number.isInteger(axis / Y_STEPS), `${axis} does not split into ${Y_STEPS} whole steps`);
  }
});

test('processing times read as minutes and seconds, hours past an hour', () => {
  assert.equal(formatDuration(0), '0:00');
  assert.equal(formatDuration(42), '0:42');
  assert.equal(formatDuration(61.4), '1:01');
  assert.equal(formatDuration(3725), '1:02:05');
});

test('times and dates are those of the post, not of the browser', () => {
  // 19:35 UTC is 00:05 the next day at Spin Boldak (Asia/Kabul, UTC+04:30).
  assert.equal(timeAtPost('2026-11-25T19:35:00.000Z', 'Asia/Kabul', 'en-GB'), '00:05');
  assert.equal(dateAtPost('2026-11-25T19:35:00.000Z', 'Asia/Kabul'), '2026-11-26');
  assert.equal(dateAtPost('2026-11-25T19:35:00.000Z', 'UTC'), '2026-11-25');
});
