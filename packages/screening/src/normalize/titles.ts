/**
 * Titles, honorifics and ranks that lists and travellers put around a name but that are not part of it (the UN
 * list keeps them in TITLE; aliases and queries often carry them inline: "Mullah Jabbar", "Haji Agha Jan",
 * "Shaykh 'Abd Al-Majid", "Hanafi Saheb", "General Taganda"). Only words that are never a given or family name on their own are listed, so "Sayed" (a family
 * name) and "Amir" (a given name) stay. Spellings are folded (see fold.ts); Arabic-script forms are folded with
 * foldArabicScript.
 */

/** Latin-script titles, folded to lower case ASCII. */
const LATIN_TITLES: ReadonlySet<string> = new Set([
  'mullah', 'mulla', 'mollah', 'molla', 'mullo',
  'maulvi', 'maulavi', 'mawlawi', 'mawlavi', 'moulvi', 'molvi', 'moulavi', 'malawi', 'maulawi', 'mowlawi', 'mavlavi',
  'maulana', 'mawlana', 'moulana',
  'haji', 'hajji', 'hadji', 'hadj', 'hajj', 'alhaj', 'alhaji', 'alhajj', 'elhadj', 'elhaj', 'hajjy',
  'qari', 'qary', 'kari',
  'sheikh', 'shaikh', 'shaykh', 'sheik', 'shaik', 'cheikh', 'sheykh', 'shiekh',
  'mufti', 'imam', 'ustad', 'ustadh', 'ustaz',
  'sahib', 'saheb', 'sahab', 'saab',
  'dr', 'doctor', 'prof', 'professor', 'mr', 'mrs', 'ms', 'miss', 'sir', 'engineer', 'eng',
  // Military ranks, which aliases carry inline ("General Nkunda", "Colonel Mutebutsi").
  'general', 'gen', 'colonel', 'col', 'lieutenant', 'lt', 'major', 'captain', 'capt', 'commander', 'brigadier',
  'sergeant', 'marshal',
]);

/** Arabic-script titles after foldArabicScript (Persian yeh and kaf already folded). */
const ARABIC_TITLES: ReadonlySet<string> = new Set([
  'ملا', 'مولوي', 'مولاي', 'مولانا', 'حاجي', 'الحاج', 'حاج', 'قاري', 'شيخ', 'الشيخ', 'مفتي', 'امام', 'استاد',
]);

/** True when the folded token is a title or honorific rather than a name part. */
export function isTitle(foldedToken: string): boolean {
  return LATIN_TITLES.has(foldedToken) || ARABIC_TITLES.has(foldedToken);
}
