/**
 * Splitting list text into names. UN ALIAS_NAME values sometimes hold several names ("Abas Rashidi; Abbas Rashedi"),
 * enumerations ("Mohammad Sabet b) M. Javad Kareemi Sabet"), a name with its original-script form in parentheses
 * ("Haji Gulab Gul (حاجی گلاب گل ولد حاجی حضرت گل )") or side by side ("Agha Jan Alizai اغا جان عالیزی"); alias
 * NOTEs carry names too ("name in original script: عبدالباقي حقاني", "original script: Ахмад Шишани",
 * "(Abu Du’a; Abu Duaa’) prominently known by this nom de guerre"). Matching needs one name per value, each in one
 * script, so these helpers cut such text apart. All scanning is linear in the text length (no backtracking
 * patterns), because the parsers are fuzzed with arbitrary text.
 */

const LATIN_LETTER = /\p{Script=Latin}/u;
const ANY_LETTER = /\p{L}/u;
const NON_LATIN_LETTER = /(?!\p{Script=Latin})\p{L}/u;

/** Collapses runs of white space (the UN XML wraps long values over several indented lines). */
export function collapseSpace(text: string): string {
  const trimmed = text.trim();
  // Most values have single spaces only: testing is cheaper than rebuilding the string (an OFAC import calls this
  // about half a million times).
  return /\s\s|[^\S ]/.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
}

/** True when the text contains a letter outside the Latin script (Arabic, Cyrillic...). */
export function hasNonLatinLetter(text: string): boolean {
  return NON_LATIN_LETTER.test(text);
}

type TokenScript = 'latin' | 'other' | 'none';

function tokenScript(token: string): TokenScript {
  if (LATIN_LETTER.test(token)) return 'latin';
  return ANY_LETTER.test(token) ? 'other' : 'none';
}

/**
 * Cuts text into runs of tokens written in one script: "Agha Jan Alizai اغا جان عالیزی" -> ["Agha Jan Alizai",
 * "اغا جان عالیزی"]. Tokens without letters (hyphens, digits) stay with the run they sit in.
 */
export function splitScriptRuns(text: string): { text: string; latin: boolean }[] {
  const runs: { tokens: string[]; script: TokenScript }[] = [];
  for (const token of collapseSpace(text).split(' ')) {
    if (token === '') continue;
    const script = tokenScript(token);
    const last = runs.at(-1);
    if (last !== undefined && (script === 'none' || last.script === script || last.script === 'none')) {
      last.tokens.push(token);
      if (last.script === 'none') last.script = script;
    } else runs.push({ tokens: [token], script });
  }
  return runs
    .filter((run) => run.script !== 'none')
    .map((run) => ({ text: run.tokens.join(' '), latin: run.script === 'latin' }));
}

/** Separates top-level text from parenthesised groups; unbalanced brackets are treated as separators. */
export function splitParentheses(text: string): { outside: string; groups: string[] } {
  let outside = '';
  const groups: string[] = [];
  let current = '';
  let depth = 0;
  for (const char of text) {
    if (char === '(' || char === '[') {
      if (depth === 0) outside += ' ';
      else current += ' ';
      depth += 1;
    } else if ((char === ')' || char === ']') && depth > 0) {
      depth -= 1;
      if (depth === 0) {
        groups.push(current);
        current = '';
        outside += ' ';
      } else current += ' ';
    } else if (char === ')' || char === ']') outside += ' ';
    else if (depth > 0) current += char;
    else outside += char;
  }
  if (current.trim() !== '') groups.push(current);
  return { outside, groups };
}

// Leading apostrophes stay: ‘ABD and 'Abd transliterate the letter ayn. A trailing full stop stays too ("Co.").
const LEADING_PUNCTUATION = new Set([...' ,;:-–—."“”«»']);
const TRAILING_PUNCTUATION = new Set([...' ,;:-–—"“”«»']);

/**
 * Words that mark a bracketed remark rather than a name: "(previously listed as)", "(false identity related to
 * ... passport number 434021161 ...)", "(KPE.018)". A bracketed group with one of them, or with a digit, is not a
 * name; names with digits ("KPA Unit 586") occur outside brackets only.
 */
const REMARK_WORDS =
  /\b(?:listed|born|passport|identity|identification|issued|expir\w*|date|nationality|confiscated|DOB|POB|DPOB|name|guerre|nickname|spelling|formerly|previously)\b/i;
/** A trailing birth remark inside a name value: "Mohammad Ishaq Akhund born in 1963", "..., born 1 Jan. 1953". */
const TRAILING_BIRTH_REMARK = /,?\s+(?:born|DOB|date of birth)\b.*$/i;

/** Trims punctuation from both ends with plain loops: an end-anchored regex would be quadratic on long runs. */
function cleanName(text: string): string {
  const name = collapseSpace(text);
  let start = 0;
  let end = name.length;
  while (start < end && LEADING_PUNCTUATION.has(name[start]!)) start += 1;
  while (end > start && TRAILING_PUNCTUATION.has(name[end - 1]!)) end -= 1;
  return name.slice(start, end);
}

/** Turns enumeration markers "a) ... b) ..." into ";" so that they are not read as closing brackets. */
function markEnumerations(text: string): string {
  return text.replace(/(^|\s)[a-h]\)(?=\s)/g, '$1;');
}

/**
 * The names held in one list value, each in a single script, in the order they appear, without duplicates.
 * A plain value ("Abu Bakar Bashir") comes back unchanged apart from white space.
 */
export function splitListedNames(text: string): string[] {
  const marked = markEnumerations(text);
  const { outside, groups } = splitParentheses(marked);
  const names: string[] = [];
  const seen = new Set<string>();
  // A single bracketed word before the name is how a list marks a title: "(Sheikh) Musa Hilal". After the name,
  // it is a spelling variant: "Lom-ali Butayev (Butaev)".
  const leadingWord = /^\s*\(\s*[^\s()]+\s*\)/.test(marked);
  const nameGroups = groups.filter((group, index) => !/\d/.test(group) && !REMARK_WORDS.test(group) && !(index === 0 && leadingWord));
  for (const segment of [outside, ...nameGroups]) {
    for (const rawPiece of segment.split(';')) {
      // Collapsed first: the pattern's \s+ must not backtrack over long runs of spaces.
      const piece = collapseSpace(rawPiece).replace(TRAILING_BIRTH_REMARK, '');
      if (/\d/.test(piece) && REMARK_WORDS.test(piece)) continue;
      for (const run of splitScriptRuns(piece)) {
        const name = cleanName(run.text);
        if (ANY_LETTER.test(name) && !seen.has(name)) {
          seen.add(name);
          names.push(name);
        }
      }
    }
  }
  return names;
}

/** A run of words is a list of names only if it reads like one: no digits, no "label:", short items. */
function looksLikeNameList(text: string): boolean {
  if (!text.includes(';') || /[\d:]/.test(text)) return false;
  return text.split(';').every((item) => {
    const words = collapseSpace(item).split(' ').filter((w) => w !== '');
    return words.length >= 1 && words.length <= 7;
  });
}

/**
 * Names found in a free-text alias NOTE: every run of original-script words (Arabic, Cyrillic...) is a name in
 * original script; Latin names are taken only from ";"-separated lists that read like names, since most Latin
 * notes are prose ("previously listed as", "born in 1976"): from a parenthesised group, or from the whole note
 * when the alias itself is in original script (the note then lists its transliterations).
 */
export function namesInNote(note: string, aliasIsOriginalScript: boolean): { originalScript: string[]; latin: string[] } {
  const originalScript: string[] = [];
  const latin: string[] = [];
  const seen = new Set<string>();
  const add = (list: string[], name: string): void => {
    const cleaned = cleanName(name);
    const key = `${list === latin ? 'l' : 'o'}:${cleaned}`;
    if (ANY_LETTER.test(cleaned) && !seen.has(key)) {
      seen.add(key);
      list.push(cleaned);
    }
  };
  for (const piece of markEnumerations(note).split(';')) {
    for (const run of splitScriptRuns(piece.replace(/[()[\]]/g, ' '))) if (!run.latin) add(originalScript, run.text);
  }
  const { outside, groups } = splitParentheses(note);
  for (const candidate of aliasIsOriginalScript ? [...groups, outside] : groups) {
    const latinOnly = splitScriptRuns(candidate)
      .filter((run) => run.latin)
      .map((run) => run.text)
      .join(' ');
    if (looksLikeNameList(latinOnly)) for (const item of latinOnly.split(';')) add(latin, item);
  }
  return { originalScript, latin };
}
