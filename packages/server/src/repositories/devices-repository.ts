/** Storage of lane devices and their API key hashes. */
import type { Kysely, Selectable } from 'kysely';
import type { DB, DevicesTable } from '../db/schema.js';
import { afterKeyset } from './keyset.js';

export type DeviceRow = Selectable<DevicesTable>;
export type DeviceWithPlace = DeviceRow & { post_code: string; lane_code: string };

export async function insertDevice(db: Kysely<DB>, row: DeviceRow): Promise<void> {
  await db.insertInto('devices').values(row).execute();
}

function withPlace(db: Kysely<DB>) {
  return db
    .selectFrom('devices')
    .innerJoin('posts', 'posts.id', 'devices.post_id')
    .innerJoin('lanes', 'lanes.id', 'devices.lane_id')
    .selectAll('devices')
    .select(['posts.code as post_code', 'lanes.code as lane_code']);
}

export async function findDeviceById(db: Kysely<DB>, id: string): Promise<DeviceWithPlace | undefined> {
  return withPlace(db).where('devices.id', '=', id).executeTakeFirst();
}

export async function findDeviceByKeyHash(db: Kysely<DB>, keyHash: string): Promise<DeviceWithPlace | undefined> {
  return withPlace(db).where('devices.key_hash', '=', keyHash).executeTakeFirst();
}

/**
 * A post's devices ordered by (registration time, id): all of them, or with `page` a keyset page of `limit + 1`
 * rows.
 */
export async function listDevicesOfPost(
  db: Kysely<DB>,
  postId: string,
  page?: { readonly limit: number; readonly after?: { readonly key: string | number; readonly id: string } | undefined },
): Promise<DeviceWithPlace[]> {
  let query = withPlace(db).where('devices.post_id', '=', postId);
  const after = page?.after;
  if (after) query = query.where((eb) => afterKeyset(eb, 'devices.created_at', 'devices.id', after));
  query = query.orderBy('devices.created_at').orderBy('devices.id');
  return (page ? query.limit(page.limit + 1) : query).execute();
}

/** Marks a device revoked; returns false when it was already revoked or does not exist. */
export async function revokeDevice(db: Kysely<DB>, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('devices')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function touchDevice(db: Kysely<DB>, id: string, at: string): Promise<void> {
  await db.updateTable('devices').set({ last_seen_at: at }).where('id', '=', id).execute();
}
