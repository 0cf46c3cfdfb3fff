/**
 * `sarhad import travellers <file.csv> --post TKM [--url] [--username] [--password]`: registers travellers from a
 * CSV file through a running server's API, as an enrolment officer would one by one: each traveller with fingers is
 * enrolled (searched 1:N first; a possible duplicate is left for a supervisor, never merged), then their documents
 * are added. The schema is in docs/import-travellers.md.
 *
 * All or nothing, as far as a file can be: every line is checked first (columns, names, dates, document rules with
 * MRZ check digits, fingerprint templates readable), then every document is looked up on the server; any problem
 * rejects the whole file with CLI_IMPORT_INVALID naming the lines and columns, and nothing is imported. Only then
 * are travellers imported, each with its own requests: if the server stops answering half-way, the travellers
 * before the failing line stay imported, the message names that line, and `--from-line` resumes there.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { decodeAnyTemplate } from '@sarhad/engine';
import { CliError } from '../errors.js';
import { positiveInteger } from '../option-parsers.js';
import { startProgress } from '../progress.js';

/** The header, exactly, in this order. */
export const TRAVELLER_IMPORT_HEADER = [
  'ref',
  'surname',
  'given_names',
  'surname_original',
  'given_names_original',
  'father_name',
  'birth_date',
  'sex',
  'nationality',
  'document_type',
  'document_number',
  'document_mrz',
  'valid_from',
  'valid_until',
  'issuing_country',
  'issuing_post',
  'fingers',
] as const;
type Column = (typeof TRAVELLER_IMPORT_HEADER)[number];
type Row = Record<Column, string> & { readonly line: number };

/** Most problems listed when a file is rejected. */
const MAX_REPORTED_PROBLEMS = 20;

/** RFC 4180 records with their first line numbers; throws CLI_IMPORT_INVALID for an unclosed quote. */
export function parseCsv(text: string, file: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
    fields = [];
    field = '';
  };
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      start = ++line;
    } else field += c;
  }
  if (quoted) throw new CliError('CLI_IMPORT_INVALID', `${file}:${start}: a quoted field is not closed`);
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

interface Finger {
  readonly position: number;
  readonly template: string;
}

interface Traveller {
  readonly ref: string;
  readonly line: number;
  readonly record: Record<string, unknown>;
  readonly fingers: Finger[];
  readonly documents: { line: number; document: Record<string, unknown>; type: string; number: string; issuingCountry: string }[];
}

const opt = (value: string) => (value.trim() === '' ? undefined : value.trim());

/** Checks the whole file; returns the travellers, or throws CLI_IMPORT_INVALID listing the problems. */
export async function readTravellerFile(path: string, today: string): Promise<Traveller[]> {
  const server = await import('@sarhad/server');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError('CLI_IMPORT_INVALID', `${path}: cannot be read: ${(error as Error).message}`, { cause: error });
  }
  const records = parseCsv(text, path);
  const header = records.shift();
  if (!header || header.fields.join(',') !== TRAVELLER_IMPORT_HEADER.join(',')) {
    throw new CliError('CLI_IMPORT_INVALID', `${path}:1: the header must be exactly ${TRAVELLER_IMPORT_HEADER.join(',')}`);
  }
  const problems: string[] = [];
  const problem = (line: number, column: Column | null, message: string) => problems.push(`${path}:${line}${column ? `: ${column}` : ''}: ${message}`);
  const zodProblems = (line: number, error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }, columnOf: (key: string) => Column) => {
    for (const issue of error.issues) problem(line, columnOf(String(issue.path[0] ?? '')), issue.message);
  };
  const travellers = new Map<string, Traveller>();
  const documentsSeen = new Map<string, number>();
  for (const { line, fields } of records) {
    if (fields.length !== TRAVELLER_IMPORT_HEADER.length) {
      problem(line, null, `${fields.length} fields, ${TRAVELLER_IMPORT_HEADER.length} expected`);
      continue;
    }
    const row = Object.fromEntries(TRAVELLER_IMPORT_HEADER.map((c, i) => [c, fields[i]!.trim()])) as unknown as Row;
    if (!/^[A-Za-z0-9._:-]{1,64}$/.test(row.ref)) problem(line, 'ref', `"${row.ref}": 1 to 64 letters, digits, . _ : -`);
    let traveller = travellers.get(row.ref);
    if (!traveller) {
      const identity = {
        surnameLatin: row.surname,
        givenNamesLatin: row.given_names,
        surnameOriginal: opt(row.surname_original),
        givenNamesOriginal: opt(row.given_names_original),
        fatherNameLatin: opt(row.father_name),
        birthDate: row.birth_date,
        sex: row.sex,
        nationality: row.nationality,
      };
      const parsed = server.NewTraveller.omit({ post: true }).safeParse(identity);
      const columns: Record<string, Column> = { surnameLatin: 'surname', givenNamesLatin: 'given_names', surnameOriginal: 'surname_original', givenNamesOriginal: 'given_names_original', fatherNameLatin: 'father_name', birthDate: 'birth_date', sex: 'sex', nationality: 'nationality' };
      if (!parsed.success) zodProblems(line, parsed.error, (k) => columns[k] ?? 'ref');
      else if (parsed.data.birthDate > today.slice(0, parsed.data.birthDate.length)) problem(line, 'birth_date', `${row.birth_date} is in the future`);
      const fingers: Finger[] = [];
      for (const part of row.fingers === '' ? [] : row.fingers.split('|')) {
        const m = /^(\d{1,2}):(.+)$/.exec(part.trim());
        const position = Number(m?.[1]);
        if (!m || position < 1 || position > 10) {
          problem(line, 'fingers', `"${part.slice(0, 40)}": each finger is <position 1-10>:<file> or <position>:base64:<template>`);
          continue;
        }
        if (fingers.some((f) => f.position === position)) problem(line, 'fingers', `finger ${position} is given twice`);
        let bytes: Buffer;
        try {
          bytes = m[2]!.startsWith('base64:') ? Buffer.from(m[2]!.slice(7), 'base64') : readFileSync(resolve(dirname(path), m[2]!));
          decodeAnyTemplate(new Uint8Array(bytes));
        } catch (error) {
          problem(line, 'fingers', `finger ${position}: not a readable ISO/IEC 19794-2, ANSI/INCITS 378 or Sarhad template (${(error as Error).message})`);
          continue;
        }
        fingers.push({ position, template: bytes.toString('base64') });
      }
      traveller = { ref: row.ref, line, record: parsed.success ? parsed.data : {}, fingers, documents: [] };
      travellers.set(row.ref, traveller);
    } else {
      // Further lines of a traveller carry one more document each; their identity columns are empty or the same.
      const first = records.find((r) => r.line === traveller!.line)!.fields;
      for (const [i, column] of TRAVELLER_IMPORT_HEADER.entries()) {
        if (i >= 1 && i <= 8 && row[column] !== '' && row[column] !== first[i]!.trim()) problem(line, column, `differs from line ${traveller.line} of traveller ${row.ref}`);
      }
      if (row.fingers !== '') problem(line, 'fingers', `fingers are given on the traveller's first line (${traveller.line})`);
    }
    if (row.document_type === '') continue;
    const input = {
      type: row.document_type,
      ...(row.document_type === 'passport' ? { mrz: row.document_mrz.split(/\||\r?\n/) } : { number: row.document_number }),
      ...(opt(row.valid_from) ? { validFrom: row.valid_from } : {}),
      ...(opt(row.valid_until) ? { validUntil: row.valid_until } : {}),
      ...(opt(row.issuing_country) ? { issuingCountry: row.issuing_country } : {}),
      ...(opt(row.issuing_post) ? { issuingPost: row.issuing_post } : {}),
      ...(row.document_type === 'visa' ? { entries: 'multiple' } : {}),
    };
    const parsed = server.NewDocument.safeParse(input);
    const columns: Record<string, Column> = { type: 'document_type', number: 'document_number', mrz: 'document_mrz', validFrom: 'valid_from', validUntil: 'valid_until', issuingCountry: 'issuing_country', issuingPost: 'issuing_post' };
    if (!parsed.success) {
      zodProblems(line, parsed.error, (k) => columns[k] ?? 'document_type');
      continue;
    }
    let normalized: ReturnType<typeof server.normalizeDocument>;
    try {
      // The issuing post's country is the server's to know; PAK here only lets the period rules run.
      normalized = server.normalizeDocument(parsed.data, today, 'PAK');
    } catch (error) {
      problem(line, parsed.data.type === 'passport' ? 'document_mrz' : 'document_number', (error as Error).message);
      continue;
    }
    const holder = normalized.holder;
    const birthDate = (traveller.record as { birthDate?: string }).birthDate;
    if (holder && birthDate && !holder.birthDate.startsWith(birthDate)) problem(line, 'document_mrz', `the MRZ birth date ${holder.birthDate} does not match ${birthDate}`);
    const { type, number, issuingCountry } = normalized.document;
    const key = `${type}:${number}:${type === 'border_pass' ? parsed.data.type === 'border_pass' && parsed.data.issuingPost : issuingCountry}`;
    const earlier = documentsSeen.get(key);
    if (earlier !== undefined) problem(line, 'document_number', `${type} ${number} is already on line ${earlier}`);
    documentsSeen.set(key, line);
    traveller.documents.push({ line, document: parsed.data, type, number, issuingCountry: type === 'border_pass' ? '' : issuingCountry });
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_REPORTED_PROBLEMS).join('\n  ');
    const more = problems.length > MAX_REPORTED_PROBLEMS ? `\n  ... and ${problems.length - MAX_REPORTED_PROBLEMS} more` : '';
    throw new CliError('CLI_IMPORT_INVALID', `${problems.length} problem(s); nothing was imported:\n  ${shown}${more}`);
  }
  return [...travellers.values()];
}

export interface ImportOptions {
  url: string;
  post: string;
  username: string;
  password: string;
  fromLine?: number;
}

export interface ImportReport {
  readonly travellers: number;
  readonly enrolled: number;
  readonly registeredWithoutFingers: number;
  /** Lines whose fingers matched someone enrolled: left for a supervisor, their documents not added. */
  readonly heldForAdjudication: readonly number[];
  readonly documents: number;
}

async function request<T>(url: string, method: string, path: string, token: string | undefined, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
}

/** Validates `path` in full, checks its documents are not registered, then imports it. */
export async function importTravellers(path: string, options: ImportOptions, onProgress: (done: number, total: number) => void = () => {}): Promise<ImportReport> {
  const url = options.url.replace(/\/$/, '');
  const today = new Date().toISOString().slice(0, 10);
  const travellers = (await readTravellerFile(path, today)).filter((t) => t.line >= (options.fromLine ?? 0));
  const login = await request<{ token?: string; error?: { message: string } }>(url, 'POST', '/api/auth/login', undefined, { username: options.username, password: options.password });
  if (login.status !== 200 || !login.body.token) throw new CliError('CLI_IMPORT_INVALID', `cannot sign in as ${options.username}: ${login.body.error?.message ?? login.status}`);
  const token = login.body.token;
  const call = async <T>(method: string, route: string, line: number, body?: unknown): Promise<T> => {
    const answer = await request<T & { error?: { code: string; message: string } }>(url, method, route, token, body);
    if (answer.status >= 300) {
      const error = answer.body.error;
      throw new CliError('CLI_IMPORT_INVALID', `${path}:${line}: the server refused it: ${error?.code ?? answer.status}: ${error?.message ?? ''}; lines before ${line} are imported (resume with --from-line ${line})`);
    }
    return answer.body;
  };

  // Documents already registered reject the file before anything is imported.
  const registered: string[] = [];
  for (const t of travellers) {
    for (const d of t.documents) {
      const query = new URLSearchParams({ documentType: d.type, documentNumber: d.number, ...(d.issuingCountry ? { issuingCountry: d.issuingCountry } : {}) });
      const answer = await request<{ travellers?: unknown[]; error?: { code: string; message: string } }>(url, 'GET', `/api/travellers?${query}`, token);
      if (answer.status !== 200) throw new CliError('CLI_IMPORT_INVALID', `${path}:${d.line}: cannot check the document: ${answer.body.error?.code}: ${answer.body.error?.message}`);
      if ((answer.body.travellers ?? []).length > 0) registered.push(`${path}:${d.line}: document_number: ${d.type} ${d.number} is already registered`);
    }
  }
  if (registered.length > 0) throw new CliError('CLI_IMPORT_INVALID', `${registered.length} problem(s); nothing was imported:\n  ${registered.slice(0, MAX_REPORTED_PROBLEMS).join('\n  ')}`);

  let enrolled = 0;
  let withoutFingers = 0;
  let documents = 0;
  const held: number[] = [];
  const capturedAt = new Date().toISOString();
  for (const [i, t] of travellers.entries()) {
    let travellerId: string | undefined;
    if (t.fingers.length > 0) {
      const outcome = await call<{ status: string; travellerId?: string }>('POST', '/api/enrolments', t.line, {
        post: options.post,
        traveller: t.record,
        fingers: t.fingers.map((f) => ({ position: f.position, template: f.template, capturedAt })),
      });
      if (outcome.status === 'enrolled') {
        travellerId = outcome.travellerId;
        enrolled++;
      } else held.push(t.line);
    } else {
      travellerId = (await call<{ traveller: { id: string } }>('POST', '/api/travellers', t.line, { post: options.post, ...t.record })).traveller.id;
      withoutFingers++;
    }
    if (travellerId) {
      for (const d of t.documents) {
        await call('POST', `/api/travellers/${travellerId}/documents`, d.line, { post: options.post, document: d.document });
        documents++;
      }
    }
    onProgress(i + 1, travellers.length);
  }
  return { travellers: travellers.length, enrolled, registeredWithoutFingers: withoutFingers, heldForAdjudication: held, documents };
}

interface CommandOptions {
  post: string;
  url: string;
  username: string;
  password?: string;
  fromLine?: number;
  json?: boolean;
}

export function register(program: Command): void {
  const group = program.commands.find((c) => c.name() === 'import') ?? program.command('import').description('import records into a running server');
  group
    .command('travellers <file>')
    .description('register travellers (names, documents, fingerprint templates) from a CSV file; the whole file is checked first')
    .requiredOption('--post <code>', 'the post where they are registered')
    .option('--url <url>', 'the server', process.env.SARHAD_URL ?? 'http://127.0.0.1:4400')
    .option('--username <name>', 'an enrolment officer (or officer, supervisor) of the post', process.env.SARHAD_USERNAME)
    .option('--password <password>', 'their password (default: $SARHAD_PASSWORD)')
    .option('--from-line <n>', 'skip travellers whose first line is before this one (resume an interrupted import)', positiveInteger('--from-line'))
    .option('--json', 'print the summary as JSON')
    .action(async (file: string, options: CommandOptions) => {
      const password = options.password ?? process.env.SARHAD_PASSWORD;
      if (!options.username || !password) throw new CliError('CLI_INVALID_OPTION', 'give --username and --password (or $SARHAD_USERNAME, $SARHAD_PASSWORD)');
      let bar: ReturnType<typeof startProgress> | undefined;
      const report = await importTravellers(file, { ...options, username: options.username, password }, (done, total) => {
        bar ??= startProgress('travellers', total);
        bar.update(done);
      });
      bar?.stop();
      if (options.json) console.log(JSON.stringify(report));
      else {
        console.log(`Imported ${report.travellers} travellers: ${report.enrolled} enrolled with fingers, ${report.registeredWithoutFingers} without; ${report.documents} documents.`);
        if (report.heldForAdjudication.length > 0) {
          console.log(`Held for a supervisor (fingers match someone enrolled; their documents were not added): lines ${report.heldForAdjudication.join(', ')}`);
        }
      }
    });
}
