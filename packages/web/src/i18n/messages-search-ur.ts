/** Urdu messages of the traveller search by fingerprint and the movement timeline (see messages-search-en.ts). */
import type { searchEn } from './messages-search-en.js';

export const searchUr: { readonly [K in keyof typeof searchEn]: string } = {
  'travellers.byFingerprint': 'انگلیوں کے نشان سے',
  'fpsearch.intro': 'ہر دستیاب انگلی کے لیے فائل منتخب کریں: مائنوشی ٹیمپلیٹ (ISO/IEC 19794-2 یا ANSI/INCITS 378) یا ۵۰۰ ڈی پی آئی کی تصویر۔ پورے اندراج میں تلاش ہوتی ہے؛ تلاش آڈٹ لاگ میں درج ہوتی ہے، انگلیوں کے نشان نہیں۔',
  'fpsearch.needFinger': 'پہلے کم از کم ایک انگلی کے نشان کی فائل منتخب کریں۔',
  'fpsearch.candidates': 'انگلیوں کے نشان کے امیدوار',
  'fpsearch.none': 'کوئی درج مسافر ان نشانات سے مطابقت نہیں رکھتا۔',
  'fpsearch.countOne': '۱ امیدوار، بہترین پہلے۔',
  'fpsearch.count': '{count} امیدوار، بہترین پہلے۔',
  'fpsearch.rank': 'درجہ',
  'fpsearch.score': 'اسکور',
  'fpsearch.band': 'مطابقت',
  'fpsearch.band.strong': 'مضبوط: لین پر شناخت ہو جاتی',
  'fpsearch.band.possible': 'ممکنہ: کارروائی سے پہلے موازنہ کریں',
  'fpsearch.perFinger': 'فی انگلی',
  'fpsearch.fingerScore': '{finger}: اسکور {score}',
  'fpsearch.thresholds': '{identification} سے مضبوط، {verification} سے ممکنہ۔',
  'timeline.label': 'گزرگاہ سے گزر، پرانے پہلے',
  'timeline.crossing': '{post} پر {direction}',
  'timeline.stay': '{country} میں {days} دن قیام',
  'timeline.stayOpen': '{date} سے {country} میں: اب تک {days} دن',
  'timeline.permitted': 'اجازت کی بنیاد: {basis}',
  'timeline.overstay': '{days} دن زائد قیام',
} as const;
