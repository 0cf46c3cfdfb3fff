/**
 * English messages of the traveller search by fingerprint and the movement timeline (spread into the reference
 * catalogue, messages-en.ts). Kept in their own module so these strings are reviewed, and translated, together.
 */
export const searchEn = {
  'travellers.byFingerprint': 'By fingerprint',
  'fpsearch.intro': 'Choose a file for each finger you have: a minutiae template (ISO/IEC 19794-2 or ANSI/INCITS 378) or an image at 500 dpi. The whole register is searched; the search is recorded in the audit log, the fingerprints are not.',
  'fpsearch.needFinger': 'Choose at least one fingerprint file first.',
  'fpsearch.candidates': 'Fingerprint candidates',
  'fpsearch.none': 'No enrolled traveller matches these fingerprints.',
  'fpsearch.countOne': '1 candidate, best first.',
  'fpsearch.count': '{count} candidates, best first.',
  'fpsearch.rank': 'Rank',
  'fpsearch.score': 'Score',
  'fpsearch.band': 'Match',
  'fpsearch.band.strong': 'Strong: a lane would identify',
  'fpsearch.band.possible': 'Possible: compare before acting',
  'fpsearch.perFinger': 'Per finger',
  'fpsearch.fingerScore': '{finger}: {score}',
  'fpsearch.thresholds': 'Strong from {identification}, possible from {verification}.',
  'timeline.label': 'Crossings, oldest first',
  'timeline.crossing': '{direction} at {post}',
  'timeline.stay': 'Stayed in {country} {days} days',
  'timeline.stayOpen': 'In {country} since {date}: {days} days so far',
  'timeline.permitted': 'permitted by {basis}',
  'timeline.overstay': 'Overstayed by {days} days',
} as const;
