/**
 * The demo post's synthetic population, as a pure function of a seed and the date the demo was loaded: who the
 * travellers are (names from demo-names.ts, birth dates, sex, nationality, home post), which documents they hold
 * (passports with TD3 MRZs whose check digits are right, CNICs, Tazkiras, PoR cards, visas, border passes) and which
 * demo scenario each one shows. The loader (services/demo-service.ts) enrols them through the real services; the
 * traffic simulator (`sarhad simulate`) regenerates the same people from the seed to present them at a lane. Their
 * fingers are the engine's template-level synthetic fingers of person `fingerPerson(seed, index)`.
 *
 * Nothing here is real personal data: names are common first and clan names combined at random, numbers are made
 * up in each document's format.
 */
import { Prng } from '@sarhad/engine';
import { FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, SURNAMES, type ScriptedName } from './demo-names.js';
import { td3 } from './mrz-td3.js';

/** A demo post with its lanes, and its share of the demo travellers. */
export interface DemoPost {
  readonly code: string;
  readonly name: string;
  readonly side: 'PK' | 'AF';
  readonly timeZone: string;
  readonly lanes: readonly { readonly code: string; readonly name: string; readonly direction: 'entry' | 'exit' | 'both' }[];
  /** Share of the demo travellers whose home crossing this is. */
  readonly share: number;
}

const lanes = (entry: number, exit: number) => [
  ...Array.from({ length: entry }, (_, i) => ({ code: `E0${i + 1}`, name: `Entry ${i + 1}`, direction: 'entry' as const })),
  ...Array.from({ length: exit }, (_, i) => ({ code: `X0${i + 1}`, name: `Exit ${i + 1}`, direction: 'exit' as const })),
];

/**
 * The five crossings of the demo. Torkham and Chaman are the busy ones. Ghulam Khan and Angoor Adda are run from
 * the Afghan side here (Khost and Paktika keep Kabul time), so both sides' rules show in one demo.
 */
export const DEMO_POSTS: readonly DemoPost[] = [
  { code: 'TKM', name: 'Torkham', side: 'PK', timeZone: 'Asia/Karachi', lanes: lanes(3, 3), share: 0.4 },
  { code: 'CMN', name: 'Chaman', side: 'PK', timeZone: 'Asia/Karachi', lanes: lanes(2, 2), share: 0.3 },
  { code: 'GKN', name: 'Ghulam Khan', side: 'AF', timeZone: 'Asia/Kabul', lanes: lanes(1, 1), share: 0.1 },
  { code: 'AGA', name: 'Angoor Adda', side: 'AF', timeZone: 'Asia/Kabul', lanes: lanes(1, 1), share: 0.1 },
  { code: 'KLC', name: 'Kharlachi', side: 'PK', timeZone: 'Asia/Karachi', lanes: lanes(1, 1), share: 0.1 },
];

/** What a demo traveller shows at the lane (the lane console's simulated queue). */
export const DEMO_SCENARIOS = ['routine', 'watchlist', 'unknown', 'no-document', 'worn-fingers', 'minor'] as const;
export type DemoScenario = (typeof DEMO_SCENARIOS)[number];

/** What kind of enrolled person this is (the queue adds `unknown` and `no-document` presentations). */
export const DEMO_KINDS = ['routine', 'watchlist', 'worn-fingers', 'minor', 'overstayer', 'visitor'] as const;
export type DemoKind = (typeof DEMO_KINDS)[number];

/** Finger positions the demo enrols and the lanes capture: right and left index (ISO/IEC 19794-2 table 4). */
export const DEMO_FINGERS = [2, 7] as const;

/** Largest seed: person numbers (seed * 100,000 + index) times the engine's 100,000 stay below 2^53. */
export const MAX_DEMO_SEED = 50_000;

export type DemoDocument =
  | { readonly type: 'passport'; readonly number: string; readonly mrz: readonly [string, string]; readonly issuingCountry: string }
  | { readonly type: 'cnic' | 'tazkira' | 'e_tazkira'; readonly number: string }
  | { readonly type: 'por_card'; readonly number: string; readonly validUntil: string }
  | { readonly type: 'visa'; readonly number: string; readonly issuingCountry: string; readonly validFrom: string; readonly validUntil: string }
  | { readonly type: 'border_pass'; readonly number: string; readonly issuingPost: string; readonly validFrom: string; readonly validUntil: string };

export interface DemoPerson {
  /** 0-based index in the population; persons at or beyond the enrolled count are never enrolled ("unknown"). */
  readonly index: number;
  /** The synthetic finger owner: `syntheticMinutiaeImpression(fingerPerson, position, capture)`. */
  readonly fingerPerson: number;
  readonly kind: DemoKind;
  readonly post: string;
  readonly nationality: 'PAK' | 'AFG';
  readonly sex: 'M' | 'F';
  readonly given: ScriptedName;
  readonly surname: ScriptedName;
  readonly father: ScriptedName;
  /** YYYY-MM-DD, or YYYY for some Afghans without a passport (Tazkiras often record only the year). */
  readonly birthDate: string;
  readonly documents: readonly DemoDocument[];
}

/** The finger owner number of person `index` of the population of `seed`. */
export function fingerPerson(seed: number, index: number): number {
  return seed * 100_000 + index + 1;
}

const DAY_MS = 86_400_000;

/** `date` (YYYY-MM-DD) moved by `days`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

const yymmdd = (date: string) => date.slice(2, 4) + date.slice(5, 7) + date.slice(8, 10);
const digits = (value: number, width: number) => String(value).padStart(width, '0').slice(-width);

/** The kind of person `index` is: spread evenly so even a small population has every kind. */
function kindOf(index: number): DemoKind {
  const r = index % 50;
  if (r === 7) return 'watchlist';
  if (r === 13 || r === 38) return 'worn-fingers';
  if (r === 3 || r === 28) return 'minor';
  if (r === 21 || r === 46) return 'overstayer';
  if (r === 17 || r === 33 || r === 42) return 'visitor';
  return 'routine';
}

function pick<T>(rng: Prng, list: readonly T[]): T {
  return list[Math.floor(rng.uniform() * list.length)]!;
}

function postOf(rng: Prng): string {
  let r = rng.uniform();
  for (const post of DEMO_POSTS) {
    if (r < post.share) return post.code;
    r -= post.share;
  }
  return DEMO_POSTS[0]!.code;
}

/**
 * Person `index` of the population of `seed`, with documents valid around `today` (YYYY-MM-DD, the day the demo was
 * loaded). Deterministic for the three values.
 */
export function demoPerson(seed: number, index: number, today: string): DemoPerson {
  const rng = new Prng(seed * 1_000_003 + index * 7 + 1);
  const kind = kindOf(index);
  const post = postOf(rng);
  const side = DEMO_POSTS.find((p) => p.code === post)!.side;
  // Overstayers are Afghans who entered Pakistan, or Pakistanis who entered Afghanistan, on a border pass.
  const nationality: 'PAK' | 'AFG' = kind === 'overstayer' ? (side === 'PK' ? 'AFG' : 'PAK') : rng.uniform() < 0.6 ? 'AFG' : 'PAK';
  const sex: 'M' | 'F' = rng.uniform() < 0.72 ? 'M' : 'F';
  const given = pick(rng, sex === 'M' ? MALE_GIVEN_NAMES : FEMALE_GIVEN_NAMES);
  const surname = pick(rng, SURNAMES);
  const father = pick(rng, MALE_GIVEN_NAMES);
  const ageYears = kind === 'minor' ? 2 + Math.floor(rng.uniform() * 9) : 18 + Math.floor(rng.uniform() * 52);
  const birth = addDays(today, -Math.round(ageYears * 365.25 + rng.uniform() * 364));
  const documents: DemoDocument[] = [];
  const serial = (index * 7_654_321 + seed * 31) % 9_000_000; // injective in index below 9,000,000
  const hasPassport = kind === 'minor' || kind === 'watchlist' || kind === 'visitor' || (kind !== 'overstayer' && rng.uniform() < 0.55);
  const passport = (): DemoDocument => {
    const number = nationality === 'PAK' ? `${String.fromCharCode(65 + (index % 26))}${String.fromCharCode(65 + ((index >> 3) % 26))}${digits(1_000_000 + serial, 7)}` : `P${digits(10_000_000 + serial, 8)}`;
    const expiry = addDays(today, 200 + Math.floor(rng.uniform() * 3000));
    const mrz = td3({
      issuingState: nationality,
      surname: surname.latin.toUpperCase(),
      givenNames: given.latin.toUpperCase(),
      documentNumber: number,
      nationality,
      birthDate: yymmdd(birth),
      sex,
      expiryDate: yymmdd(expiry),
    });
    return { type: 'passport', number, mrz, issuingCountry: nationality };
  };
  if (nationality === 'PAK') {
    // NADRA CNIC: 5-digit locality, 7-digit serial, last digit odd for men and even for women; children have none.
    if (kind !== 'minor') {
      const locality = post === 'CMN' ? 54_401 : 17_301;
      documents.push({ type: 'cnic', number: `${locality}-${digits(1_000_000 + serial, 7)}-${sex === 'M' ? 1 + 2 * (index % 5) : 2 * (index % 5)}` });
    }
  } else if (kind !== 'minor') {
    documents.push(
      rng.uniform() < 0.5
        ? { type: 'e_tazkira', number: `${1390 + (index % 14)}-${digits(serial, 4)}-${digits(serial * 7 + index, 5)}` }
        : { type: 'tazkira', number: `${100 + (index % 900)}/${digits(serial % 10_000, 4)}/${digits(index, 6)}` },
    );
    if (rng.uniform() < 0.25) documents.push({ type: 'por_card', number: `POR-${digits(serial, 8)}`, validUntil: addDays(today, 90 + Math.floor(rng.uniform() * 300)) });
  }
  const passCountrySide = side; // border passes are issued by the post's own side
  const passNumber = `BP-${post}-${digits(serial, 7)}`;
  if (kind === 'overstayer') {
    // Entered two months ago on a pass that ran out three weeks ago, and not seen leaving.
    documents.push({ type: 'border_pass', number: passNumber, issuingPost: post, validFrom: addDays(today, -120), validUntil: addDays(today, -21 - (index % 30)) });
  } else if (hasPassport) {
    documents.push(passport());
    const foreign = (passCountrySide === 'PK' ? 'PAK' : 'AFG') !== nationality;
    if (foreign && kind !== 'minor') {
      const from = addDays(today, -40 - (index % 60));
      documents.push({ type: 'visa', number: `V${digits(serial, 9)}`, issuingCountry: passCountrySide === 'PK' ? 'PAK' : 'AFG', validFrom: from, validUntil: addDays(from, 180) });
    }
  } else {
    const from = addDays(today, -(index % 90));
    documents.push({ type: 'border_pass', number: passNumber, issuingPost: post, validFrom: from, validUntil: addDays(from, 180) });
  }
  // Some Afghans without a passport know only their birth year (their Tazkira records the year).
  const yearOnly = nationality === 'AFG' && !hasPassport && rng.uniform() < 0.3;
  return {
    index,
    fingerPerson: fingerPerson(seed, index),
    kind,
    post,
    nationality,
    sex,
    given,
    surname,
    father,
    birthDate: yearOnly ? birth.slice(0, 4) : birth,
    documents,
  };
}

/** The document a person shows at a lane: a passport (MRZ) or border pass first, else the first document. */
export function presentedDocument(person: DemoPerson): DemoDocument | undefined {
  return person.documents.find((d) => d.type === 'passport') ?? person.documents.find((d) => d.type === 'border_pass') ?? person.documents[0];
}

/** A never-enrolled person (index beyond the enrolled population) with a fresh passport, for "unknown" travellers. */
export function unknownPerson(seed: number, enrolled: number, k: number, today: string): DemoPerson {
  const person = demoPerson(seed, enrolled + k, today);
  return person.kind === 'routine' ? person : { ...demoPerson(seed, enrolled + k, today), kind: 'routine' };
}

/** Display name: given names and surname in Latin letters. */
export function displayName(person: Pick<DemoPerson, 'given' | 'surname'>): string {
  return `${person.given.latin} ${person.surname.latin}`;
}

/** Entries of the demo stop list: the `watchlist` people (name, birth date, nationality) plus fictitious ones. */
export function demoStopList(seed: number, enrolled: number, today: string): string {
  const rows = ['id,names,aliases,dob,nationality,documents,reason,valid_until,list'];
  for (let i = 0; i < enrolled; i++) {
    if (kindOf(i) !== 'watchlist') continue;
    const p = demoPerson(seed, i, today);
    const original = `${p.given.original} ${p.surname.original}`;
    rows.push(`DEMO-${String(i).padStart(6, '0')},${displayName(p)},${original},${p.birthDate},${p.nationality},,Entry ban (demo entry),,entry-ban`);
  }
  // Fictitious listed people who never travel in the demo: invented name pairs with birth years far from travellers'.
  const rng = new Prng(seed * 7 + 3);
  const fictitious = Math.max(50, Math.round(enrolled / 20));
  for (let i = 0; i < fictitious; i++) {
    const given = pick(rng, MALE_GIVEN_NAMES);
    const surname = pick(rng, SURNAMES);
    const father = pick(rng, MALE_GIVEN_NAMES);
    rows.push(`DEMO-F${String(i).padStart(5, '0')},${given.latin} ${father.latin} ${surname.latin},,~${1935 + (i % 15)},AFG,,Removal order (demo entry),,removal-order`);
  }
  return rows.join('\n');
}
