import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aliasKey, evaluateScreening, queryKeys } from '../src/eval/screening-eval.js';
import { parseAliasPairs, parseNegatives } from '../src/eval/test-sets.js';
import { percentile } from '../src/eval/percentile.js';
import { isScreeningError } from '../src/errors.js';
import { FIXTURE } from './screen-fixture.js';

const PAIRS = `kind,ref,list_type,nationality,query,quality,category,category_vs_any_other_name,expected_primary,ambiguous,ntokens
individual,TAi.144,Taliban,Afghanistan,Serajuddin Haqani,Good,spelling_variant,spelling_variant,SIRAJUDDIN JALLALOUDINE HAQQANI,False,2
individual,QDi.156,Al-Qaida,Yemen,عبد المجيد عزيز الزنداني,original_script,cross_script:ARABIC,cross_script,ABD-AL-MAJID AZIZ AL-ZINDANI,False,4
individual,TAi.144,Taliban,Afghanistan,Khalifa,Low,disjoint_name,disjoint_name,SIRAJUDDIN JALLALOUDINE HAQQANI,False,1
individual,XXi.999,Taliban,,Nobody Listed,Good,spelling_variant,spelling_variant,NOBODY,False,2
`;

const NEGATIVES = `full_name,first_name,middle_name,last_name,gender,date_of_birth,place_of_birth,nationality
Patricia Lucas Wheeler,Patricia,Lucas,Wheeler,female,2002-07-14,Dar es Salaam,Ethiopia
Isabella Joaquin Torres,Isabella,Joaquin,Torres,female,1961-01-08,Córdoba,Chile
Siraj Haqqani,Siraj,,Haqqani,male,2001-01-01,Kabul,Chile
Ethan Anvi Bahri,Ethan,Anvi,Bahri,male,1948-05-23,Thimphu,Bhutan
`;

test('the test-set readers take columns by name, keep the record kind and drop the script suffix of cross_script categories', () => {
  const pairs = parseAliasPairs(PAIRS);
  assert.equal(pairs.length, 4);
  assert.deepEqual(pairs[1], { ref: 'QDi.156', query: 'عبد المجيد عزيز الزنداني', category: 'cross_script', nationalities: ['Yemen'], kind: 'individual' });
  // Without a kind column a pair has no kind (it is screened against every entry); an unknown kind is an error.
  assert.deepEqual(parseAliasPairs('ref,query,category,nationality\nA,B,spelling_variant,\n')[0], { ref: 'A', query: 'B', category: 'spelling_variant', nationalities: [] });
  assert.throws(
    () => parseAliasPairs('kind,ref,query,category,nationality\nvessel,A,B,spelling_variant,\n'),
    (e) => isScreeningError(e, 'SCREENING_PARSE_CSV') && /vessel/.test(e.message),
  );
  const negatives = parseNegatives(NEGATIVES);
  assert.deepEqual(negatives[0], { name: 'Patricia Lucas Wheeler', dateOfBirth: '2002-07-14', nationality: 'Ethiopia' });
  assert.throws(() => parseAliasPairs('ref,query\nA,B\n'), (e) => isScreeningError(e, 'SCREENING_PARSE_CSV'));
});

test('the fair protocol leaves out the queried alias, in any script part, and nothing else', () => {
  assert.equal(aliasKey('ABD-AL-MAJID  Al-Zindani'), 'abd al majid al zindani');
  assert.deepEqual([...queryKeys('Agha Jan Alizai اغا جان عالیزی')], ['agha jan alizai اغا جان عالیزی', 'agha jan alizai', 'اغا جان عالیزی']);
  // Cyrillic is not transliterated here: the original-script name is not the Latin primary name.
  assert.ok(!queryKeys('Умаров Доку').has(aliasKey('UMAROV DOKU')));
});

test('evaluation arithmetic on a tiny list: recall per category, false alerts, threshold and latency', () => {
  let clock = 0;
  const result = evaluateScreening(FIXTURE, parseAliasPairs(PAIRS), parseNegatives(NEGATIVES), {
    falseAlertRate: 0.25,
    // Each timed screen() call reads the clock twice, so it takes exactly 1 ms on this clock.
    now: () => (clock += 1),
  });
  // One of four negatives may alert: "Siraj Haqqani" (a listed alias) is the one, so the threshold sits just
  // above the second-best negative and the realised name-only rate is exactly 1/4.
  assert.equal(result.falseAlertRate, 0.25);
  assert.equal(result.negatives, 4);
  // The pair whose record is not in the list is skipped, not counted as a miss.
  assert.equal(result.skippedPairs, 1);
  assert.deepEqual(result.counts, { spelling_variant: 1, cross_script: 1, disjoint_name: 1 });
  // Serajuddin Haqani is found through the other names once its own alias is left out; the Arabic original
  // script through the Latin names; Khalifa is a weak alias sharing nothing with the good names: not findable.
  assert.deepEqual(result.recall, { cross_script: 1, disjoint_name: 0, spelling_variant: 1 });
  // The negatives' "Siraj Haqqani" (Chilean, born 2001) is an exact listed alias: date of birth and nationality
  // lower its score but do not veto it (listed dates are often wrong), so it still alerts.
  assert.equal(result.falseAlertRateWithDob, 0.25);
  assert.deepEqual(result.recallWithDob, { cross_script: 1, disjoint_name: 0, spelling_variant: 1 });
  assert.deepEqual(result.latencyMs, { p50: 1, p99: 1 });
  assert.ok(result.threshold > 0 && result.threshold <= 1);
  // The error-analysis lists: the one pair missed (Khalifa, whose record alerts on nothing) and the one negative
  // alerting (Siraj Haqqani, on its listed alias, with the agreeing token pairs).
  assert.deepEqual(
    result.misses.map((m) => [m.category, m.ref, m.query]),
    [['disjoint_name', 'TAi.144', 'Khalifa']],
  );
  assert.ok(result.misses[0]!.score < result.threshold);
  assert.equal(result.falseAlerts.length, 1);
  assert.equal(result.falseAlerts[0]!.name, 'Siraj Haqqani');
  assert.equal(result.falseAlerts[0]!.entryId, 'TAi.144');
  assert.ok(result.falseAlerts[0]!.score >= result.threshold && result.falseAlerts[0]!.pairs.length === 2, JSON.stringify(result.falseAlerts));
});

test('percentiles use the nearest rank', () => {
  assert.equal(percentile([5, 1, 3, 2, 4], 50), 3);
  assert.equal(percentile([5, 1, 3, 2, 4], 99), 5);
  assert.equal(percentile(Array.from({ length: 100 }, (_, i) => i + 1), 99), 99);
  assert.equal(percentile([], 50), 0);
});
