/**
 * Writes src/model/transliteration-model.ts from arabic_latin_variant_groups.tsv. Run it after the TSV changes:
 *   npx tsx packages/screening/scripts/learn-transliteration.ts [path/to/arabic_latin_variant_groups.tsv]
 * The default path is the shared data directory beside the repository (../shared/data/watchlists/testsets).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { renderTransliterationModel } from '../src/model/learn-transliteration.js';

const packageDir = resolve(import.meta.dirname, '..');
const tsvPath = resolve(process.argv[2] ?? resolve(packageDir, '../../../shared/data/watchlists/testsets/arabic_latin_variant_groups.tsv'));
const out = resolve(packageDir, 'src/model/transliteration-model.ts');
writeFileSync(out, renderTransliterationModel(readFileSync(tsvPath, 'utf8'), basename(tsvPath)));
console.log(`wrote ${out}`);
