/**
 * Where the journeys run: the server and setup token from scripts/run-e2e.mjs, the screenshot folder, the browser,
 * and the first administrator every journey shares (created through the browser by the first journey, or through
 * the API when a journey runs on its own).
 */
import { join, resolve } from 'node:path';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the journeys with \`npm run test:e2e\` (scripts/run-e2e.mjs)`);
  return value;
}

export const BASE_URL = required('SARHAD_E2E_URL');
export const SETUP_TOKEN = process.env.SARHAD_E2E_SETUP_TOKEN ?? '';
export const SCREENSHOTS = process.env.SARHAD_E2E_SCREENSHOTS ?? join(resolve(import.meta.dirname, '../../../..'), 'screenshots');
export const CHROMIUM = process.env.SARHAD_CHROMIUM ?? '/usr/bin/chromium';

export const ADMIN = Object.freeze({ username: 'admin', displayName: 'Farah Qureshi', password: 'e2e-admin-passphrase-1' });
/** The password given to every account the journeys create. */
export const PASSWORD = 'e2e-user-passphrase-1';
