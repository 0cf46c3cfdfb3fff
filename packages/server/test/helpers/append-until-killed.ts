/**
 * Child process for the durability test: opens the SQLite file given as argv[2] and appends audit entries for
 * ever, printing each sequence number on stdout once its transaction has committed (acknowledged), until killed.
 */
import { openDatabase } from '../../src/db/database.js';
import { systemClock } from '../../src/clock.js';
import { appendAudit } from '../../src/services/audit-service.js';

const file = process.argv[2];
if (!file) throw new Error('usage: append-until-killed.ts <sqlite file>');
const database = await openDatabase({ kind: 'sqlite', file }, { mustExist: true });
for (let i = 0; ; i++) {
  const entry = await appendAudit(database.db, systemClock, { actor: 'system', action: 'test.durability', details: { i } });
  process.stdout.write(`${entry.seq}\n`);
}
