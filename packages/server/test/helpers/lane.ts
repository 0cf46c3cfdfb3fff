/** A post with a lane, an officer, an enrolled traveller with a passport: what crossing tests start from. */
import assert from 'node:assert/strict';
import type { Database } from '../../src/db/database.js';
import { bearer, createPost, createUser, setupAdmin, type TestApp } from './app.js';
import { fingerCaptures } from './fingers.js';
import { td3, type PassportFields } from './mrz.js';

export interface LaneFixture {
  readonly admin: string;
  readonly officer: string;
  readonly supervisor: string;
  readonly deviceKey: string;
}

/** Post TKM (Asia/Karachi) with lane E01 and a device key for it, an officer and a supervisor there. */
export async function setupLane(t: TestApp, database: Database): Promise<LaneFixture> {
  const admin = (await setupAdmin(t, database)).token;
  await createPost(t, admin, { code: 'TKM', name: 'Torkham', lanes: ['E01'] });
  const officer = (await createUser(t, admin, { username: 'officer.tkm', roles: ['officer'], posts: ['TKM'] })).token;
  const supervisor = (await createUser(t, admin, { username: 'super.tkm', roles: ['supervisor'], posts: ['TKM'] })).token;
  const device = await t.app.inject({ method: 'POST', url: '/api/posts/TKM/devices', headers: bearer(admin), payload: { lane: 'E01', name: 'Counter 1 reader' } });
  assert.equal(device.statusCode, 201, device.body);
  return { admin, officer, supervisor, deviceKey: (device.json() as { apiKey: string }).apiKey };
}

/** Enrols synthetic person `person` (fingers 1, 2, 6, 7) and gives them a passport; returns the traveller id. */
export async function enrolWithPassport(
  t: TestApp,
  token: string,
  person: number,
  traveller: { surnameLatin: string; givenNamesLatin: string; birthDate: string; sex: 'F' | 'M'; nationality: string },
  passport: PassportFields,
): Promise<string> {
  const enrolled = await t.app.inject({
    method: 'POST',
    url: '/api/enrolments',
    headers: bearer(token),
    payload: { post: 'TKM', traveller, fingers: fingerCaptures(person, [1, 2, 6, 7]) },
  });
  assert.equal(enrolled.statusCode, 201, enrolled.body);
  const id = (enrolled.json() as { travellerId: string }).travellerId;
  const added = await t.app.inject({
    method: 'POST',
    url: `/api/travellers/${id}/documents`,
    headers: bearer(token),
    payload: { post: 'TKM', document: { type: 'passport', mrz: td3(passport).join('\n') } },
  });
  assert.equal(added.statusCode, 201, added.body);
  return id;
}
