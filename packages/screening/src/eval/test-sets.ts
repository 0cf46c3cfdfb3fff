/**
 * Readers for the screening test sets: alias pairs (query -> UN record, with a category) and negatives (people on
 * no list). Columns are looked up by header name, so extra columns are ignored and a missing one is an error
 * naming the column.
 */
import { parse } from 'csv-parse/sync';
import { SUBJECT_KINDS, type SubjectKind } from '../entry.js';
import { ScreeningError } from '../errors.js';

/** One evaluation query: an alias of a listed record, to be found with that alias removed from the record. */
export interface AliasPair {
  /** The record's id (UN REFERENCE_NUMBER). */
  readonly ref: string;
  readonly query: string;
  /** spelling_variant, fuzzy_partial_overlap, exact_subset, cross_script (script suffix dropped), disjoint_name. */
  readonly category: string;
  /** The record's nationalities as English names ("Afghanistan|Pakistan"). */
  readonly nationalities: readonly string[];
  /** The record's kind (`kind` column, individual or entity), when the file has one: the query is screened as such. */
  readonly kind?: SubjectKind;
}

/** A person on no list. */
export interface NegativePerson {
  readonly name: string;
  readonly dateOfBirth?: string;
  readonly nationality?: string;
}

function rows(text: string, file: string, required: readonly string[]): Record<string, string>[] {
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, relax_column_count: false, bom: true }) as Record<string, string>[];
  } catch (cause) {
    throw new ScreeningError('SCREENING_PARSE_CSV', `cannot parse ${file}: ${(cause as Error).message}`, { cause, location: { file } });
  }
  const first = records[0];
  for (const column of required)
    if (first !== undefined && !(column in first))
      throw new ScreeningError('SCREENING_PARSE_CSV', `${file} has no column "${column}"`, { location: { file, line: 1 } });
  return records;
}

function subjectKind(value: string | undefined, file: string, line: number): SubjectKind | undefined {
  if (value === undefined || value === '') return undefined;
  const kind = SUBJECT_KINDS.find((k) => k === value);
  if (kind === undefined)
    throw new ScreeningError('SCREENING_PARSE_CSV', `${file}: kind must be ${SUBJECT_KINDS.join(' or ')}, got ${JSON.stringify(value)}`, { location: { file, line } });
  return kind;
}

/** Parses un_alias_pairs_*.csv (columns ref, query, category, nationality; kind when present). */
export function parseAliasPairs(text: string, file = 'pairs.csv'): AliasPair[] {
  return rows(text, file, ['ref', 'query', 'category', 'nationality']).map((r, i) => {
    const kind = subjectKind(r.kind, file, i + 2);
    return {
      ref: r.ref!,
      query: r.query!,
      category: r.category!.split(':')[0]!,
      nationalities: r.nationality!.split('|').map((s) => s.trim()).filter((s) => s !== ''),
      ...(kind !== undefined ? { kind } : {}),
    };
  });
}

/** Parses negatives_*.csv (columns full_name, date_of_birth, nationality). */
export function parseNegatives(text: string, file = 'negatives.csv'): NegativePerson[] {
  return rows(text, file, ['full_name', 'date_of_birth', 'nationality']).map((r) => ({
    name: r.full_name!,
    ...(r.date_of_birth ? { dateOfBirth: r.date_of_birth } : {}),
    ...(r.nationality ? { nationality: r.nationality } : {}),
  }));
}
