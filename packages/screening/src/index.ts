/**
 * @sarhad/screening: watchlist import and transliteration-aware screening of names, dates of birth,
 * nationalities and documents.
 */
export * from './entry.js';
export * from './errors.js';
export * from './countries.js';
export * from './sources/un-xml.js';
export * from './sources/parsed-list.js';
export * from './sources/detect-format.js';
export * from './sources/load-watchlist-file.js';
export * from './versions/list-version.js';
export * from './sources/ofac-sdn.js';
export * from './sources/ofac-remarks.js';
export * from './sources/national-csv.js';
export * from './versions/diff-versions.js';
export * from './store/watchlist-store.js';
export * from './store/file-watchlist-store.js';
export * from './store/data-dir.js';
export * from './normalize/name-tokens.js';
export * from './match/date-of-birth.js';
export * from './match/document-number.js';
export * from './match/nationality.js';
export * from './match/name-similarity.js';
export * from './screener/screener.js';
export * from './screener/calibration.js';
export * from './screener/suppression.js';
export * from './screener/entry-hash.js';
export * from './eval/screening-eval.js';
export * from './eval/test-sets.js';
