/** Watchlist fixtures from the screening package (fictitious people), as the import route takes them. */
import { readFileSync } from 'node:fs';

const fixture = (name: string) => readFileSync(new URL(`../../../screening/test/fixtures/${name}`, import.meta.url), 'utf8');

/** A small UN consolidated list: TAi.901 ABDUL KARIM ZADRAN and others. */
export const UN_SMALL_XML = fixture('un-small.xml');
/** A small national stop list: NSL-0001 Ahmad Shah Durrani (passport P1234567 AFG) and others. */
export const NATIONAL_SMALL_CSV = fixture('national-small.csv');
