/**
 * @sarhad/screening: watchlist import and transliteration-aware screening of names, dates of birth,
 * nationalities and documents.
 */
export * from './entry.js';
export * from './errors.js';
