/**
 * A small hand-made list for screener and evaluation tests: a few individuals in the shape the UN parser produces
 * (names in Latin and Arabic script, a weak alias, partial dates, a passport listed under an alias).
 */
import type { WatchlistEntry } from '../src/entry.js';

export const HAQQANI: WatchlistEntry = {
  id: 'TAi.144',
  source: 'un',
  kind: 'individual',
  listType: 'Taliban',
  names: [
    { full: 'SIRAJUDDIN JALLALOUDINE HAQQANI', kind: 'primary', quality: 'good' },
    { full: 'سراج الدين جلال الدين حقانى', kind: 'original-script', quality: 'good' },
    { full: 'Siraj Haqqani', kind: 'alias', quality: 'good' },
    { full: 'Serajuddin Haqani', kind: 'alias', quality: 'good' },
    { full: 'Khalifa', kind: 'alias', quality: 'low' },
    { full: 'ABDUL SATAR ABDULLAH', kind: 'alias', quality: 'good' },
  ],
  titles: [],
  datesOfBirth: [{ kind: 'between', fromYear: 1977, toYear: 1978 }, { kind: 'exact', year: 1981, month: 12, day: 30 }],
  nationalities: ['AFG'],
  documents: [{ kind: 'passport', number: 'P00032260', country: 'AFG', note: 'Name in Latin script: Abdul Satar Abdullah' }],
};

export const ZINDANI: WatchlistEntry = {
  id: 'QDi.156',
  source: 'un',
  kind: 'individual',
  listType: 'Al-Qaida',
  names: [
    { full: 'ABD-AL-MAJID AZIZ AL-ZINDANI', kind: 'primary', quality: 'good' },
    { full: 'عبد المجيد عزيز الزنداني', kind: 'original-script', quality: 'good' },
    { full: "Shaykh 'Abd Al-Majid Al-Zindani", kind: 'alias', quality: 'good' },
    { full: 'Abdelmajid Al-Zindani', kind: 'alias', quality: 'good' },
  ],
  titles: ['Sheikh'],
  datesOfBirth: [{ kind: 'approximate', year: 1950 }],
  nationalities: ['YEM'],
  documents: [{ kind: 'passport', number: 'A005487', country: 'YEM' }],
};

export const JABBAR: WatchlistEntry = {
  id: 'TAi.088',
  source: 'un',
  kind: 'individual',
  listType: 'Taliban',
  names: [
    { full: 'ABDUL JABBAR OMARI', kind: 'primary', quality: 'good' },
    { full: 'عبدالجبار عمری', kind: 'original-script', quality: 'good' },
    { full: 'Mullah Jabbar', kind: 'alias', quality: 'low' },
    { full: 'Muawin Jabbar', kind: 'alias', quality: 'low' },
  ],
  titles: ['Maulavi'],
  datesOfBirth: [{ kind: 'year', year: 1960 }],
  nationalities: ['AFG'],
  documents: [],
};

export const SMITH: WatchlistEntry = {
  id: 'NAT-1',
  source: 'national',
  kind: 'individual',
  listType: 'stop-list',
  names: [{ full: 'John Edward Smith', kind: 'primary', quality: 'good' }],
  titles: [],
  datesOfBirth: [{ kind: 'exact', year: 1970, month: 5, day: 1 }],
  nationalities: ['GBR'],
  documents: [{ kind: 'passport', number: '123456789', country: 'GBR' }],
};

export const FIXTURE: readonly WatchlistEntry[] = [HAQQANI, ZINDANI, JABBAR, SMITH];
