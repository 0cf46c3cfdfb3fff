import { before, after, describe } from 'node:test';
import { sql } from 'kysely';
import { runStoreConformance } from '../../screening/test/store-conformance.js';
import { TEST_DIALECTS, openTestDatabase, type TestDatabase } from './helpers/databases.js';
import { DatabaseWatchlistStore } from '../src/repositories/watchlist-repository.js';

// screening's conformance suite, run against the database store on every dialect: each test gets an empty store.
for (const dialect of TEST_DIALECTS) {
  describe(`the database watchlist store (${dialect.name})`, { skip: dialect.skip }, () => {
    let handle: TestDatabase | undefined;
    before(async () => {
      handle = await openTestDatabase(dialect.name);
    });
    after(async () => {
      await handle?.cleanup();
    });
    runStoreConformance(`database store (${dialect.name})`, async (now) => {
      const db = handle!.database.db;
      const empty = async () => {
        await sql`delete from watchlist_entries`.execute(db);
        await sql`delete from watchlist_versions`.execute(db);
      };
      await empty();
      return { store: new DatabaseWatchlistStore(db, now), dispose: empty };
    });
  });
}
