/**
 * Lane devices (capture stations, kiosks) and their API keys. A key is shown once, at creation; only its SHA-256
 * is stored. A device key authenticates as that device, bound to one post and lane.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import * as devicesRepo from '../repositories/devices-repository.js';
import * as postsRepo from '../repositories/posts-repository.js';
import { ServerError } from '../errors.js';
import { actorOf, type DevicePrincipal, type UserPrincipal } from '../domain/principal.js';
import { hashSecret, newSecret } from '../domain/secrets.js';
import { appendAudit } from './audit-service.js';
import { canAccessPost, requirePermission } from './access.js';
import { LaneCode, getPostRow } from './posts-service.js';
import { nowIso, type ServiceContext } from './context.js';
import { cursorOfKind, mapPage, pageOf, type Page, type PageQuery } from './pagination.js';

export const NewDevice = z.object({
  lane: LaneCode,
  name: z.string().trim().min(1).max(200),
});
export type NewDevice = z.infer<typeof NewDevice>;

export interface Device {
  readonly id: string;
  readonly name: string;
  readonly post: string;
  readonly lane: string;
  /** The key's first characters, to tell keys apart; never the key. */
  readonly keyPrefix: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
  readonly lastSeenAt: string | null;
}

/** Characters of the key kept in clear to identify it. */
const KEY_PREFIX_LENGTH = 16; // 'sarhad_dk_' + 6 random characters
/** Do not write `last_seen_at` more often than this per device. */
const LAST_SEEN_RESOLUTION_MS = 60_000; // 1 min

function toDevice(row: devicesRepo.DeviceWithPlace): Device {
  return {
    id: row.id,
    name: row.name,
    post: row.post_code,
    lane: row.lane_code,
    keyPrefix: row.key_prefix,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    lastSeenAt: row.last_seen_at,
  };
}

/** Registers a device on a lane and returns it with its API key, which is never shown again. */
export async function createDevice(
  ctx: ServiceContext,
  user: UserPrincipal,
  postCode: string,
  input: NewDevice,
): Promise<{ device: Device; apiKey: string }> {
  requirePermission(user, 'devices.manage');
  const post = await getPostRow(ctx, user, postCode);
  const lane = await postsRepo.findLane(ctx.db, post.id, input.lane);
  if (!lane) throw new ServerError('LANE_NOT_FOUND', `post ${post.code} has no lane ${input.lane}`);
  const apiKey = newSecret('device');
  const row: devicesRepo.DeviceRow = {
    id: randomUUID(),
    post_id: post.id,
    lane_id: lane.id,
    name: input.name,
    key_hash: hashSecret(apiKey),
    key_prefix: apiKey.slice(0, KEY_PREFIX_LENGTH),
    created_at: nowIso(ctx),
    revoked_at: null,
    last_seen_at: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await devicesRepo.insertDevice(trx, row);
    await appendAudit(trx, ctx.clock, {
      actor: actorOf(user),
      action: 'device.created',
      subject: `device:${row.id}`,
      post: post.code,
      details: { name: row.name, lane: lane.code, keyPrefix: row.key_prefix },
    });
  });
  return { device: toDevice({ ...row, post_code: post.code, lane_code: lane.code }), apiKey };
}

/** A page of the devices of a post the administrator is granted, in registration order. */
export async function listDevices(ctx: ServiceContext, user: UserPrincipal, postCode: string, query: PageQuery): Promise<Page<Device>> {
  requirePermission(user, 'devices.manage');
  const post = await getPostRow(ctx, user, postCode);
  const after = cursorOfKind(query.cursor, 'string');
  const rows = await devicesRepo.listDevicesOfPost(ctx.db, post.id, { limit: query.limit, after });
  return mapPage(pageOf(rows, query.limit, (d) => ({ key: d.created_at, id: d.id })), (devices) => devices.map(toDevice));
}

/** Revokes a device's key at once; revoking twice is harmless. */
export async function revokeDevice(ctx: ServiceContext, user: UserPrincipal, deviceId: string): Promise<Device> {
  requirePermission(user, 'devices.manage');
  const row = await devicesRepo.findDeviceById(ctx.db, deviceId);
  if (!row || !canAccessPost(user, row.post_id)) {
    throw new ServerError('DEVICE_NOT_FOUND', `no device ${deviceId}`);
  }
  const at = nowIso(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await devicesRepo.revokeDevice(trx, row.id, at))) return;
    await appendAudit(trx, ctx.clock, {
      actor: actorOf(user),
      action: 'device.revoked',
      subject: `device:${row.id}`,
      post: row.post_code,
      details: { name: row.name, keyPrefix: row.key_prefix },
    });
  });
  return toDevice((await devicesRepo.findDeviceById(ctx.db, row.id))!);
}

/** Resolves a device API key, or AUTH_REQUIRED when it is unknown or revoked. */
export async function authenticateDevice(ctx: ServiceContext, apiKey: string): Promise<DevicePrincipal> {
  const row = await devicesRepo.findDeviceByKeyHash(ctx.db, hashSecret(apiKey));
  if (!row || row.revoked_at !== null) throw new ServerError('AUTH_REQUIRED', 'unknown or revoked device key');
  const now = ctx.clock.now();
  if (!row.last_seen_at || now.getTime() - Date.parse(row.last_seen_at) >= LAST_SEEN_RESOLUTION_MS) {
    await devicesRepo.touchDevice(ctx.db, row.id, now.toISOString());
  }
  return {
    kind: 'device',
    deviceId: row.id,
    postId: row.post_id,
    postCode: row.post_code,
    laneId: row.lane_id,
    laneCode: row.lane_code,
  };
}
