/**
 * Script-neutral folding of a name string: Unicode compatibility decomposition (NFKD, which also turns Arabic
 * presentation forms such as U+FEE3 back into base letters), combining marks stripped, lower case, and the Latin
 * letters NFKD leaves alone (ß, ø, æ, ł, đ, ı, þ) spelled out. Cyrillic is transliterated with the ICAO Doc 9303
 * Part 3 table (the one machine-readable passports use), so `Умаров` folds to `umarov` and meets the list's Latin
 * spelling. Arabic script is kept as is here; {@link foldArabicScript} handles it.
 */

/** Latin letters that NFKD does not decompose into a base letter and a mark. */
const LATIN_SPECIALS: Readonly<Record<string, string>> = {
  ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', ł: 'l', đ: 'd', ð: 'd', ı: 'i', þ: 'th', ħ: 'h', ŋ: 'n', ſ: 's',
};

/** ICAO Doc 9303 Part 3, section 6 (transliteration of Cyrillic characters), in lower case. */
const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh',
  щ: 'shch', ъ: 'ie', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia', є: 'ie', і: 'i', ї: 'i', ґ: 'g', ў: 'u',
  ђ: 'd', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', џ: 'dz', ѕ: 'dz', ғ: 'g', қ: 'k', ң: 'n', ү: 'u', ұ: 'u', һ: 'h',
  ә: 'a', ө: 'o',
};

const COMBINING_MARK = /\p{M}/gu;

/**
 * Folds `text` for comparison: NFKD, marks removed, lower case, Latin specials spelled out, Cyrillic transliterated.
 * Arabic-script letters (with their harakat removed as marks) and other scripts pass through unchanged.
 */
export function foldText(text: string): string {
  const decomposed = text.normalize('NFKD').replace(COMBINING_MARK, '').toLowerCase();
  let out = '';
  for (const ch of decomposed) out += LATIN_SPECIALS[ch] ?? CYRILLIC[ch] ?? ch;
  return out;
}

/** True for a letter of the Arabic script blocks (Arabic, Arabic Supplement, Extended-A, presentation forms). */
export function isArabicLetter(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (
    (c >= 0x0620 && c <= 0x064a) ||
    (c >= 0x066e && c <= 0x06d3) ||
    (c >= 0x06fa && c <= 0x06ff) ||
    (c >= 0x0750 && c <= 0x077f) ||
    (c >= 0x08a0 && c <= 0x08ff)
  );
}
