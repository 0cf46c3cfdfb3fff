import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderDetSvg, probit } from '../src/eval/det-svg.js';
import { detCurve } from '../src/eval/metrics.js';

/** Checks that every tag closes in order and every attribute is quoted: enough to catch broken markup. */
function assertWellFormed(svg: string): void {
  const stack: string[] = [];
  const withoutText = svg.replace(/>[^<]*</g, '><');
  for (const m of withoutText.matchAll(/<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g)) {
    const [, closing, name, , selfClosing] = m;
    if (closing) assert.equal(stack.pop(), name, `</${name}> closes the wrong element`);
    else if (!selfClosing) stack.push(name!);
  }
  assert.deepEqual(stack, [], 'unclosed elements');
  // Every '<' must have been a well-formed tag: strip the recognised ones and none may remain.
  const leftover = withoutText.replace(/<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g, '');
  assert.doesNotMatch(leftover, /[<>]/);
  assert.doesNotMatch(svg.replace(/&(lt|gt|amp|apos|quot);/g, ''), /&/);
}

test('probit is the inverse normal CDF at known quantiles', () => {
  assert.ok(Math.abs(probit(0.5)) < 1e-9);
  assert.ok(Math.abs(probit(0.975) - 1.959963985) < 1e-6);
  assert.ok(Math.abs(probit(0.001) + 3.090232306) < 1e-6);
});

test('a DET plot of two curves is a well-formed SVG document with a legend naming both', () => {
  const a = detCurve([10, 20, 30, 40, 50], [0, 5, 15, 25]);
  const b = detCurve([0, 0, 33], [1, 2, 3]);
  // DB2: t = 2 gives FMR 2/3 and FNMR 2/3 (the two 0s), an exact crossing: EER 66.67 %.
  const svg = renderDetSvg([{ label: 'DB1 <all pairs> & "more"', curve: a }, { label: 'DB2', curve: b }], { title: 'FVC2002' });
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assertWellFormed(svg);
  assert.match(svg, /DB1 &lt;all pairs&gt; &amp; &quot;more&quot; \(EER \d+\.\d\d %\)/);
  assert.match(svg, /DB2 \(EER 66\.67 %\)/);
  assert.equal(svg.match(/stroke-width="2"/g)?.length, 4, 'two curves and two legend swatches');
  assert.doesNotMatch(svg, /NaN|Infinity/);
});

test('tick labels are percentages on both axes and reach down to the smallest measured rate', () => {
  const impostor = [...new Array<number>(1999).fill(0), 65];
  const curve = detCurve([60, 70, 45, 80], impostor);
  const svg = renderDetSvg([{ label: 'x', curve }]);
  // The smallest non-zero FMR is 1/2000 = 0.05 %, below the default 0.1 % start: the FMR axis starts at the
  // largest tick below it, 0.01 %. The smallest non-zero FNMR is 1/4 = 25 %, so that axis keeps 0.1 %.
  assert.match(svg, /text-anchor="middle">0\.01</);
  assert.doesNotMatch(svg, /text-anchor="end" dominant-baseline="middle">0\.01</);
  assert.match(svg, /text-anchor="end" dominant-baseline="middle">0\.1</);
  assert.match(svg, />40</);
  assert.match(svg, /False match rate, FMR/);
  assert.match(svg, /False non-match rate, FNMR/);
  assertWellFormed(svg);
});
