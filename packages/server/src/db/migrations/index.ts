/**
 * Every migration, in order. Listed statically (not read from the directory) so they work the same under tsx,
 * in tests and in any bundle. Names sort in the order they must run; never rename or edit a shipped migration.
 */
import type { Migration } from 'kysely';
import * as m0001 from './0001-audit-log.js';
import * as m0002 from './0002-posts-lanes-devices.js';
import * as m0003 from './0003-accounts.js';
import * as m0004 from './0004-travellers-documents.js';
import * as m0005 from './0005-fingerprints.js';
import * as m0006 from './0006-adjudication.js';
import * as m0007 from './0007-watchlists.js';
import * as m0008 from './0008-crossings.js';
import * as m0009 from './0009-crossing-decisions.js';
import * as m0010 from './0010-audit-anchor.js';
import * as m0011 from './0011-password-change-required.js';
import * as m0012 from './0012-abis.js';
import * as m0013 from './0013-watchlist-suppressions.js';
import * as m0014 from './0014-retention-settings.js';
import * as m0015 from './0015-demo.js';

export const MIGRATIONS: Readonly<Record<string, Migration>> = Object.freeze({
  '0001-audit-log': m0001,
  '0002-posts-lanes-devices': m0002,
  '0003-accounts': m0003,
  '0004-travellers-documents': m0004,
  '0005-fingerprints': m0005,
  '0006-adjudication': m0006,
  '0007-watchlists': m0007,
  '0008-crossings': m0008,
  '0009-crossing-decisions': m0009,
  '0010-audit-anchor': m0010,
  '0011-password-change-required': m0011,
  '0012-abis': m0012,
  '0013-watchlist-suppressions': m0013,
  '0014-retention-settings': m0014,
  '0015-demo': m0015,
});
