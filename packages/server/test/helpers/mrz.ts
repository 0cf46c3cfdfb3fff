/** Passport MRZs with correct check digits for test fixtures: the builder the benchmarks and demo data use too. */
export { checkDigit, td3, type PassportFields } from '../../src/domain/mrz-td3.js';
