/**
 * Checks run on every screen a journey reaches: each form control and button has an accessible name (WCAG 4.1.2,
 * 1.3.1), and each piece of visible text meets WCAG 2.1 AA contrast against its effective background (1.4.3:
 * 4.5:1, or 3:1 for large text: 24 px, or 18.66 px bold). Computed in the page from the rendered styles.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

export async function assertAccessible(page: Page, screen: string): Promise<void> {
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;

    // Names of controls.
    for (const el of Array.from(document.querySelectorAll('input, select, textarea'))) {
      const control = el as HTMLInputElement;
      if (control.type === 'hidden') continue;
      const named = (control.labels && control.labels.length > 0) || control.getAttribute('aria-label') || control.getAttribute('aria-labelledby');
      if (!named) found.push(`unlabelled ${describe(el)}`);
    }
    for (const el of Array.from(document.querySelectorAll('button, a[href]'))) {
      const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
      if (!name) found.push(`nameless ${describe(el)}`);
    }

    // Contrast of text.
    const parse = (color: string): [number, number, number, number] => {
      const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(color);
      return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : [0, 0, 0, 1];
    };
    const luminance = ([r, g, b]: [number, number, number, number]) => {
      const channel = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const background = (el: Element | null): [number, number, number, number] => {
      for (let node = el; node; node = node.parentElement) {
        const bg = parse(getComputedStyle(node).backgroundColor);
        if (bg[3] > 0.5) return bg;
      }
      return [255, 255, 255, 1];
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set<Element>();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || seen.has(el) || !(node.textContent ?? '').trim()) continue;
      seen.add(el);
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      if (style.visibility === 'hidden' || style.display === 'none' || box.width === 0 || box.height === 0 || box.bottom < 0) continue;
      if (el.closest('option, [aria-hidden="true"]')) continue;
      const disabled = (el.closest('button, input, select, textarea') as HTMLButtonElement | null)?.disabled;
      if (disabled) continue; // WCAG 1.4.3 exempts inactive controls
      const fg = luminance(parse(style.color));
      const bg = luminance(background(el));
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) found.push(`contrast ${ratio.toFixed(2)}:1 for ${describe(el)}`);
    }
    return found;
  });
  assert.deepEqual(problems, [], `accessibility problems on ${screen}:\n${problems.join('\n')}`);
}
