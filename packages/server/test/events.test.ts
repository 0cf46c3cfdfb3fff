/**
 * GET /api/events over a real listening server, read as a browser's EventSource would: the session cookie, the
 * text/event-stream framing, heartbeats, and what each role and post receives.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { describeEachDialect } from './helpers/databases.js';
import { bearer, buildTestApp, createPost, createUser, type TestApp } from './helpers/app.js';
import { fingerCaptures } from './helpers/fingers.js';
import { setupLane, type LaneFixture } from './helpers/lane.js';

interface SseEvent {
  readonly type: string;
  readonly data: Record<string, unknown>;
}

/** An open event stream: its status, its frames as they arrive, and the heartbeats (comment lines) seen. */
interface Stream {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly body: () => string;
  readonly events: SseEvent[];
  heartbeats: number;
  ended: boolean;
  next(type: string, timeoutMs?: number): Promise<SseEvent>;
  close(): void;
}

function openStream(base: string, path: string, headers: Record<string, string>): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { headers: { accept: 'text/event-stream', ...headers } });
    req.on('error', reject);
    req.on('response', (res: IncomingMessage) => {
      let buffer = '';
      let raw = '';
      let consumed = 0;
      const stream: Stream = {
        status: res.statusCode ?? 0,
        contentType: res.headers['content-type'],
        body: () => raw,
        events: [],
        heartbeats: 0,
        ended: false,
        async next(type, timeoutMs = 5000) {
          const deadline = Date.now() + timeoutMs;
          for (;;) {
            const index = stream.events.findIndex((e, i) => i >= consumed && e.type === type);
            if (index >= 0) {
              consumed = index + 1;
              return stream.events[index]!;
            }
            if (Date.now() > deadline) throw new Error(`no ${type} event within ${timeoutMs} ms; got ${JSON.stringify(stream.events.slice(consumed))}`);
            await sleep(20);
          }
        },
        close: () => req.destroy(),
      };
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        raw += chunk;
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (frame.startsWith(':')) {
            stream.heartbeats++;
            continue;
          }
          const type = /^event: (.+)$/m.exec(frame)?.[1];
          const data = /^data: (.+)$/m.exec(frame)?.[1];
          if (type && data) stream.events.push({ type, data: JSON.parse(data) as Record<string, unknown> });
        }
      });
      res.on('end', () => (stream.ended = true));
      res.on('close', () => (stream.ended = true));
      resolve(stream);
    });
    req.end();
  });
}

const cookie = (token: string) => ({ cookie: `sarhad_session=${token}` });

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

describeEachDialect('live events over server-sent events', (context) => {
  let t: TestApp;
  let lane: LaneFixture;
  let base: string;
  let auditor: string;
  let supervisorCmn: string;
  let key = 0;
  const streams: Stream[] = [];
  const open = async (path: string, headers: Record<string, string>) => {
    const stream = await openStream(base, path, headers);
    streams.push(stream);
    return stream;
  };
  const submit = async (post = 'TKM', token = lane.officer) => {
    const response = await fetch(`${base}/api/crossings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(token) },
      body: JSON.stringify({ post, lane: 'E01', direction: 'in', idempotencyKey: `events-${++key}`, document: { type: 'passport', number: `Q${1000000 + key}` } }),
    });
    assert.equal(response.status, 201);
    return ((await response.json()) as { crossing: { id: string; recommendation: string } }).crossing;
  };

  before(async () => {
    t = buildTestApp(context.database, { SARHAD_EVENT_HEARTBEAT_SECONDS: '1', SARHAD_EVENT_STREAMS_PER_USER: '2' });
    lane = await setupLane(t, context.database);
    await createPost(t, lane.admin, { code: 'CMN', name: 'Chaman', lanes: ['E01'] });
    auditor = (await createUser(t, lane.admin, { username: 'auditor.hq', roles: ['auditor'], allPosts: true })).token;
    supervisorCmn = (await createUser(t, lane.admin, { username: 'super.cmn', roles: ['supervisor', 'officer'], posts: ['CMN'] })).token;
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(async () => {
    for (const s of streams) s.close();
    await t.app.close();
  });

  test('a supervisor\'s stream opens with the session cookie, says ready, and carries crossings submitted and decided at the post', async () => {
    const stream = await open('/api/events?post=TKM', cookie(lane.supervisor));
    assert.equal(stream.status, 200);
    assert.match(stream.contentType ?? '', /^text\/event-stream/);
    assert.deepEqual((await stream.next('ready')).data, { post: 'TKM', types: ['crossing.submitted', 'crossing.decided', 'adjudication.opened', 'adjudication.resolved'] });

    const crossing = await submit();
    const submitted = await stream.next('crossing.submitted');
    assert.deepEqual(Object.keys(submitted.data).sort(), ['at', 'crossingId', 'lane', 'post', 'recommendation', 'status', 'type']);
    assert.deepEqual([submitted.data.crossingId, submitted.data.post, submitted.data.lane, submitted.data.recommendation], [crossing.id, 'TKM', 'E01', crossing.recommendation]);
    assert.ok(!stream.body().includes(`Q${1000000 + key}`), 'no document number on the stream');

    const decided = await fetch(`${base}/api/crossings/${crossing.id}/decision`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(lane.officer) },
      body: JSON.stringify({ decision: 'refer_secondary', reason: 'passport not registered' }),
    });
    assert.equal(decided.status, 200);
    const event = await stream.next('crossing.decided');
    assert.deepEqual([event.data.crossingId, event.data.kind, event.data.statusBefore, event.data.statusAfter], [crossing.id, 'officer', 'awaiting_decision', 'in_secondary']);
    stream.close();
  });

  test('events of another post never reach the stream, and an officer receives crossings but not adjudication cases', async () => {
    const supervisor = await open('/api/events?post=TKM', cookie(lane.supervisor));
    const officer = await open('/api/events?post=TKM', cookie(lane.officer));
    assert.deepEqual((await officer.next('ready')).data.types, ['crossing.submitted', 'crossing.decided']);
    await supervisor.next('ready');

    await submit('CMN', supervisorCmn);
    // A possible duplicate enrolment at TKM opens a case: the same synthetic person enrolled twice.
    const enrol = (name: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/enrolments',
        headers: bearer(lane.officer),
        payload: { post: 'TKM', traveller: { surnameLatin: name, givenNamesLatin: 'Wali', birthDate: '1980', sex: 'M', nationality: 'AFG' }, fingers: fingerCaptures(821, [1, 2, 6, 7], name === 'Khan' ? 1 : 2) },
      });
    assert.equal((await enrol('Khan')).statusCode, 201);
    const held = await enrol('Khaan');
    assert.equal(held.statusCode, 202, held.body);
    const caseId = (held.json() as { case: { id: string } }).case.id;
    assert.equal((await supervisor.next('adjudication.opened')).data.caseId, caseId);

    const mine = await submit('TKM');
    assert.equal((await officer.next('crossing.submitted')).data.crossingId, mine.id);
    assert.equal((await supervisor.next('crossing.submitted')).data.crossingId, mine.id);
    assert.deepEqual(officer.events.map((e) => e.type), ['ready', 'crossing.submitted'], 'the officer heard neither Chaman nor the case');
    assert.ok(!supervisor.events.some((e) => e.data.post === 'CMN'));
    officer.close();
    supervisor.close();
  });

  test('refuses what it must: no session, a role that receives nothing, a post not granted', async () => {
    const anonymous = await open('/api/events?post=TKM', {});
    assert.equal(anonymous.status, 401);
    await until(() => anonymous.ended, 'the 401 body');
    assert.match(anonymous.body(), /AUTH_REQUIRED/);
    const audit = await open('/api/events?post=TKM', cookie(auditor));
    assert.equal(audit.status, 403);
    await until(() => audit.ended, 'the 403 body');
    assert.match(audit.body(), /FORBIDDEN_ROLE/);
    const elsewhere = await open('/api/events?post=TKM', cookie(supervisorCmn));
    assert.equal(elsewhere.status, 403);
    await until(() => elsewhere.ended, 'the 403 body');
    assert.match(elsewhere.body(), /FORBIDDEN_POST/);
  });

  test('a user holds at most the configured number of streams; closing one frees its place', async () => {
    const first = await open('/api/events?post=TKM', cookie(lane.officer));
    const second = await open('/api/events?post=TKM', cookie(lane.officer));
    await first.next('ready');
    await second.next('ready');
    const third = await open('/api/events?post=TKM', cookie(lane.officer));
    assert.equal(third.status, 429);
    await until(() => third.ended, 'the 429 body');
    assert.match(third.body(), /EVENT_STREAMS_EXCEEDED/);

    first.close();
    // The server notices the disconnect and forgets the stream.
    let fourth: Stream | undefined;
    await until(async () => {
      const attempt = await open('/api/events?post=TKM', cookie(lane.officer));
      if (attempt.status === 200) fourth = attempt;
      else attempt.close();
      return attempt.status === 200;
    }, 'a place freed by the closed stream');
    await fourth!.next('ready');
    second.close();
    fourth!.close();
  });

  test('heartbeats keep an idle stream alive, and the stream ends once the session is signed out', async () => {
    const token = (
      (await (await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'super.tkm', password: 'correct horse battery staple' }) })).json()) as {
        token: string;
      }
    ).token;
    const stream = await open('/api/events?post=TKM', cookie(token));
    await stream.next('ready');
    await until(() => stream.heartbeats >= 1, 'a heartbeat', 3000);
    const logout = await fetch(`${base}/api/auth/logout`, { method: 'POST', headers: bearer(token) });
    assert.equal(logout.status, 204);
    assert.deepEqual((await stream.next('end', 3000)).data, { reason: 'session_ended' });
    await until(() => stream.ended, 'the stream to close', 3000);
  });
});
