/**
 * Folding inside the Arabic script. Persian, Pashto and Urdu add letters to the Arabic alphabet, and Arabic itself
 * writes one letter several ways (hamza seats, final yeh, Persian keheh for kaf). The transliteration model is
 * learned from Arabic-alphabet names, so every variant is first folded onto the Arabic letter it is pronounced
 * like; the four Persian letters with no Arabic counterpart (پ چ ژ گ) are kept and handled by the model's prior.
 */

/** Variant letter -> the letter the transliteration model knows. Sources: Unicode names and Pashto/Urdu orthography. */
const LETTER_FOLD: Readonly<Record<string, string>> = {
  // Hamza seats and wasla: the seat carries the vowel; Latin spellings do not distinguish them.
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ؤ': 'و', 'ئ': 'ي',
  // Persian and Urdu yeh and kaf, Urdu and Kurdish heh forms.
  'ی': 'ي', 'ې': 'ي', 'ۍ': 'ي', 'ے': 'ي', 'ۓ': 'ي', 'ک': 'ك', 'ھ': 'ه', 'ہ': 'ه', 'ە': 'ه', 'ۀ': 'ه',
  // Pashto and Urdu retroflex letters: Latin spellings write them as the plain consonant.
  'ٹ': 'ت', 'ټ': 'ت', 'ڈ': 'د', 'ډ': 'د', 'ڑ': 'ر', 'ړ': 'ر', 'ں': 'ن', 'ڼ': 'ن',
  // Pashto dze (pronounced z), tse (ts, written s), shin with dot (sh or kh), zhe with ring, gaf with ring.
  'ځ': 'ز', 'څ': 'س', 'ښ': 'ش', 'ږ': 'ژ', 'ګ': 'گ', 'ۇ': 'و', 'ۆ': 'و', 'ۋ': 'و',
};

/** Tatweel (kashida) stretches a word for layout and carries no sound. */
const TATWEEL = '\u0640';

/** Folds an Arabic-script token (already NFKD-folded, marks removed) onto the model's letter set. */
export function foldArabicScript(token: string): string {
  let out = '';
  for (const ch of token) {
    if (ch === TATWEEL) continue;
    out += LETTER_FOLD[ch] ?? ch;
  }
  return out;
}

/** The Arabic definite article as written at the start of a word. */
export const ARABIC_ARTICLE = 'ال';
