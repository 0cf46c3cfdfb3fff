/**
 * Words that say what kind of organisation a name belongs to, or join its parts, rather than which one it is:
 * "Rahkar Company" and "Rahkar Industries" are the same entity, and "Al Kawthar Co." is "Al Kawthar Company".
 * Screening engines strip such words before comparing entity names (OpenSanctions' organisation-type
 * normalisation does the same). They are dropped from names unless nothing else is left.
 */

const STOP_WORDS: ReadonlySet<string> = new Set([
  // Function words of English, French and Spanish names of organisations.
  'the', 'of', 'and', 'for', 'in', 'on', 'et', 'du', 'des', 'la', 'le', 'les', 'y', 'del',
  // Legal forms and generic organisation nouns.
  'co', 'company', 'companies', 'ltd', 'limited', 'inc', 'incorporated', 'corp', 'corporation', 'llc', 'plc', 'gmbh',
  'sa', 'sarl', 'ag', 'bv', 'jsc', 'ojsc', 'pjsc', 'establishment', 'est', 'trading', 'enterprise', 'enterprises',
  'firm', 'shop', 'office', 'agency', 'organization', 'organisation', 'foundation', 'association', 'society',
  'group', 'groupe', 'grupo', 'network',
  // Latin transliterations of the Arabic-script company and office words below (Persian sherkat, Arabic sharika).
  'sherkat', 'shirkat', 'sharikat', 'sharika', 'maktab',
  // Arabic script: "and" (Arabic و, Pashto او), Pashto "of" (د), and the company, office and "limited" words of
  // Afghan and Arab hawala names (folded: Persian yeh and kaf as Arabic).
  'شركة', 'شركت', 'مكتب', 'كمپني', 'كمپنى', 'و', 'او', 'د', 'لمتد', 'لميتد', 'لميتيد',
  // Network and group (شبكة, Persian شبکه folded; مجموعة).
  'شبكة', 'شبكه', 'مجموعة',
]);

/** True when the folded token is an organisation-form or function word. */
export function isStopWord(foldedToken: string): boolean {
  return STOP_WORDS.has(foldedToken);
}
