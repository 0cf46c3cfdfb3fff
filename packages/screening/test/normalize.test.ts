import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { foldText } from '../src/normalize/fold.js';
import { foldArabicScript } from '../src/normalize/arabic-script.js';
import { tokenizeName } from '../src/normalize/name-tokens.js';
import { latinSkeleton } from '../src/normalize/skeleton.js';
import { arabicSkeletons } from '../src/normalize/transliterate.js';

/** The skeletons of a name's first script part, as a list. */
const skeletons = (name: string): string[] => tokenizeName(name)[0]!.map((t) => t.skeleton);
const texts = (name: string): string[] => tokenizeName(name)[0]!.map((t) => t.text);

test('Sirajuddin, Serajuddin, Siraj-ud-Din, Siraj ud Din and سراج الدين share one skeleton', () => {
  for (const name of ['Sirajuddin', 'Serajuddin', 'Siraj-ud-Din', 'Siraj ud Din', 'سراج الدين'])
    assert.deepEqual(skeletons(name), ['srjdn'], name);
});

test('Abdul Rahman, Abd al-Rahman, Abdurrahman, Abderrahmane and عبد الرحمن (spaced or joined) share one skeleton', () => {
  for (const name of ['Abdul Rahman', 'Abd al-Rahman', 'ABD-AL-RAHMAN', 'Abdurrahman', 'Abderrahmane', 'Abdelrahman', 'عبد الرحمن', 'عبدالرحمن'])
    assert.deepEqual(skeletons(name), ['bdrhmn'], name);
});

test('abd before a name starting with l keeps one spelling in every form (Abd al-Latif, Abdellatif, عبداللطيف)', () => {
  for (const name of ['Abd al-Latif', 'Abdul Latif', 'Abdellatif', 'عبداللطيف', 'عبد اللطيف']) assert.deepEqual(skeletons(name), ['bdtf'], name);
});

test('Muhammad, Mohammad, Mohammed, Mohamed and محمد share the skeleton mhmd', () => {
  for (const name of ['Muhammad', 'Mohammad', 'Mohammed', 'Mohamed', 'MUHAMMAD', 'محمد']) assert.deepEqual(skeletons(name), ['mhmd'], name);
});

test('Rahman and Rehman, Haqqani and Haqani differ only in vowels and doubled letters', () => {
  assert.equal(latinSkeleton('rahman'), latinSkeleton('rehman'));
  assert.equal(latinSkeleton('haqqani'), latinSkeleton('haqani'));
});

test('ullah joins the part before it in every spelling (Hikmat Ullah, Hikmatullah, حكمت الله)', () => {
  for (const name of ['Hikmat Ullah', 'Hikmatullah', 'Hekmatullah', 'حكمت الله']) assert.deepEqual(skeletons(name), ['hkmtlh'], name);
});

test('titles and honorifics are not name parts: Mullah, Maulavi, Haji, Alhaj, Qari, Sheikh, General', () => {
  assert.deepEqual(texts('Mullah Jabbar'), ['jabbar']);
  assert.deepEqual(texts('Maulavi Abdul Kabir'), ['abdalkabir']);
  assert.deepEqual(texts('Alhaj Qari Sheikh Ahmad'), ['ahmad']);
  assert.deepEqual(texts('Haji Agha Jan'), ['agha', 'jan']);
  assert.deepEqual(texts('General Taganda'), ['taganda']);
  assert.deepEqual(texts('ملا محمد عمر').length, 2);
});

test('a title alone is kept: a name is never emptied', () => {
  assert.deepEqual(texts('Mullah'), ['mullah']);
});

test('filiation words and standalone articles are dropped (bin, ibn, ould, al-, el)', () => {
  assert.deepEqual(texts('Ahmad bin Ali'), ['ahmad', 'ali']);
  assert.deepEqual(texts('Mohd Ali ibn Hasan'), ['mohd', 'ali', 'hasan']);
  assert.deepEqual(texts('Abderrahmane ould el Amar'), ['abderrahmane', 'amar']);
  assert.deepEqual(texts('Abd-al-Majid Al-Zindani'), ['abdalmajid', 'zindani']);
});

test('a standalone Arabic-script article or family word آل is dropped like al (نوف آل جعفر, عبد ال رحمن)', () => {
  assert.deepEqual(texts('نوف آل جعفر'), texts('نوف جعفر'));
  assert.deepEqual(texts('عبد ال رحمن'), texts('عبد الرحمن'));
  assert.deepEqual(texts('ال'), ['ال']);
});

test('a glued article is also compared without it (Aljahani as Jahani)', () => {
  const [token] = tokenizeName('Aljahani')[0]!;
  assert.equal(token!.alt?.text, 'jahani');
});

test('folding removes marks and case and spells out letters NFKD keeps (Müller, Øster, Straße)', () => {
  assert.equal(foldText('Müller'), 'muller');
  assert.equal(foldText('Øster'), 'oster');
  assert.equal(foldText('Straße'), 'strasse');
  assert.equal(foldText('ḤAQQĀNĪ'), 'haqqani');
});

test('Cyrillic is transliterated with the ICAO 9303 table (Умаров Доку Хаматович)', () => {
  assert.equal(foldText('Умаров Доку Хаматович'), 'umarov doku khamatovich');
});

test('Persian, Pashto and Urdu letters fold onto the Arabic letters the model knows', () => {
  assert.equal(foldArabicScript('حقانی'), 'حقاني');
  assert.equal(foldArabicScript('کابل'), 'كابل');
  assert.equal(foldArabicScript('ډاکټر'), 'داكتر');
  // Presentation forms (U+FE8D...) come back to base letters through NFKD.
  assert.equal(foldArabicScript(foldText('ﺁخوند')), 'اخوند');
});

test('an ambiguous Arabic letter yields both readings (ج as j and g, ض as d and z)', () => {
  assert.ok(arabicSkeletons('جمال').includes('jml'));
  assert.ok(arabicSkeletons('جمال').includes('gml'));
  const faiz = arabicSkeletons('فيض');
  assert.ok(faiz.includes('fd') && faiz.includes('fz'), faiz.join());
});

test('a name written in two scripts becomes one token list per script', () => {
  const parts = tokenizeName('Agha Jan Alizai اغا جان عالیزی');
  assert.equal(parts.length, 2);
  assert.deepEqual(parts.map((p) => p[0]!.script).sort(), ['arabic', 'latin']);
});

test('tokenising never throws and never yields an empty token, whatever the input', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
      for (const list of tokenizeName(s)) for (const token of list) assert.ok(token.text.length > 0);
    }),
  );
});

test('lineage suffixes join the name before them (Akhund Zada, Shahid Khel, Ali Zai)', () => {
  assert.deepEqual(texts('Akhund Zada'), ['akhundzada']);
  assert.deepEqual(texts('Shahid Khel'), ['shahidkhel']);
  assert.deepEqual(texts('Abdul Habib Ali Zai'), ['abdalhabib', 'alizai']);
  assert.deepEqual(texts('آخوند زاده'), ['اخوندزاده']);
});

test('a nasab chain marks the forefathers after bin/ibn/ould/بن, up to the nisba (al-X) or the last part', () => {
  const nasab = (name: string): boolean[] => tokenizeName(name)[0]!.map((t) => t.nasab);
  // UN names: canonical tokens abdallatif abdallah salih muhammad kawari.
  assert.deepEqual(nasab('ABD AL-LATIF BIN ABDALLAH SALIH MUHAMMAD AL-KAWARI'), [false, true, true, true, false]);
  // "bin Laden": the last part after bin is the family name.
  assert.deepEqual(nasab('Usama bin Muhammad bin Awad bin Laden'), [false, true, true, false]);
  assert.deepEqual(nasab('Osama bin Laden'), [false, false]);
  assert.deepEqual(nasab('HAMADI BEN ABDUL AZIZ BEN ALI BOUYEHIA'), [false, true, true, false]);
  assert.deepEqual(nasab('عبد الرحمن ولد محمد الحسين ولد محمد سليم'), [false, true, false, true, false]);
  // A leading Ben is a given name, and a name without filiation or nisba has no chain.
  assert.deepEqual(nasab('Ben Ali Salih'), [false, false, false]);
  assert.deepEqual(nasab('Sirajuddin Jallaloudine Haqqani'), [false, false, false]);
  assert.deepEqual(nasab('MOHAMMED QASIM MIR WALI KHUDAI RAHIM'), [false, false, false, false, false, false]);
});

test('without filiation words, the parts after the father\'s name and before the nisba are the chain', () => {
  const nasab = (name: string): boolean[] => tokenizeName(name)[0]!.map((t) => t.nasab);
  // Given name, father, grandfather, great-grandfather, nisba (UN: QDi.020).
  assert.deepEqual(nasab('MOHAMMAD HAMDI MOHAMMAD SADIQ AL-AHDAL'), [false, false, true, true, false]);
  // An abd compound is one part and its article no nisba; the chain ends at the first nisba.
  assert.deepEqual(nasab('Abd Al-Rahman Muhammad Zafir al-Dubaysi al-Juhani'), [false, false, true, false, false]);
  assert.deepEqual(nasab('سالم أحمد سالم الحمدان'), [false, false, true, false]);
  // ud-Din joins its part; its article is no nisba.
  assert.deepEqual(nasab('Siraj ud Din Ahmad Khan al-Noor'), [false, false, true, false]);
  // Two parts before the nisba: given name and father, no chain; a trailing article introduces nothing.
  assert.deepEqual(nasab('Ayman Muhammad al-Zawahiri'), [false, false, false]);
  assert.deepEqual(nasab('Ali Hassan Ahmad Al'), [false, false, false, false]);
});

test('a kunya (Abu, Abou, Umm, ابو followed by a name) marks both its words; a trailing Abu is a name part', () => {
  const kunya = (name: string): boolean[] => tokenizeName(name)[0]!.map((t) => t.kunya);
  // Forms from the UN list's aliases: "Abu Ali al-Kawari", "Yahia Abou Ammar", "ABU-AL QASSIM OMAR".
  assert.deepEqual(kunya('Abu Ali al-Kawari'), [true, true, false]);
  assert.deepEqual(kunya('Yahia Abou Ammar'), [false, true, true]);
  assert.deepEqual(kunya('ABU-AL QASSIM OMAR'), [true, true, false]);
  assert.deepEqual(kunya('Abu Abdul Rahman al Filipini'), [true, true, false]);
  assert.deepEqual(kunya('أبو بكر محمد'), [true, true, false]);
  assert.deepEqual(kunya('Umm Salama'), [true, true]);
  // Um is also a Korean family name: not a kunya.
  assert.deepEqual(kunya('Um Ji Won'), [false, false, false]);
  assert.deepEqual(kunya('Mohammed Abu'), [false, false]);
  assert.deepEqual(kunya('Abubakar Shekau'), [false, false]);
});

test('organisation-form words are dropped in English, French, transliterated and Arabic-script forms', () => {
  // Entity names from the UN list: MUHAMMAD JAMAL NETWORK / Muhammad Jamal Group / شبكة محمد جمال, Roshan Shirkat.
  assert.deepEqual(texts('MUHAMMAD JAMAL NETWORK'), texts('Muhammad Jamal Group'));
  assert.deepEqual(texts('Roshan Shirkat'), ['roshan']);
  assert.deepEqual(texts('Groupe Islamique Combattant Marocain'), ['islamique', 'combattant', 'marocain']);
  assert.equal(tokenizeName('شبكة محمد جمال')[0]!.length, 2);
  // Nothing else left: the words stay, so a name is never empty.
  assert.deepEqual(texts('The Group'), ['the', 'group']);
});
