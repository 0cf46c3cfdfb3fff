/**
 * Domain events inside one server process: services publish what happened (a crossing submitted or decided, an
 * adjudication case opened or resolved) after the transaction that recorded it commits, and listeners (the
 * server-sent event streams of GET /api/events) pass them on. Services know nothing of HTTP; the bus knows nothing
 * of who listens.
 *
 * Events carry ids, codes and statuses only, never names, document numbers or scores: a page that needs more
 * refetches it through the audited API, so an event stream never shows personal data the role could not read
 * otherwise, and nothing personal sits in a browser's event buffer. The bus is per process, like the fingerprint
 * gallery: one server process serves one database (DATABASE.md).
 */
import type { Logger } from 'pino';
import { grants } from '../domain/roles.js';
import type { UserPrincipal } from '../domain/principal.js';
import type { CrossingStatus, DecisionKind } from '../domain/crossing-status.js';
import type { Recommendation } from '../domain/recommendation.js';
import { ServerError } from '../errors.js';
import { canAccessPost } from './access.js';
import { getPostRow } from './posts-service.js';
import type { ServiceContext } from './context.js';

/** Every event type, in the order a crossing or case meets them. */
export const DOMAIN_EVENT_TYPES = ['crossing.submitted', 'crossing.decided', 'adjudication.opened', 'adjudication.resolved'] as const;
export type DomainEventType = (typeof DOMAIN_EVENT_TYPES)[number];

interface EventBase {
  /** The post where it happened: its id (for scoping) and code (for the client). */
  readonly postId: string;
  readonly post: string;
  /** When it was recorded (the service's clock, ISO 8601 UTC). */
  readonly at: string;
}

export interface CrossingSubmittedEvent extends EventBase {
  readonly type: 'crossing.submitted';
  readonly crossingId: string;
  readonly lane: string;
  readonly recommendation: Recommendation;
  readonly status: CrossingStatus;
}

export interface CrossingDecidedEvent extends EventBase {
  readonly type: 'crossing.decided';
  readonly crossingId: string;
  readonly lane: string;
  readonly kind: DecisionKind;
  readonly statusBefore: CrossingStatus;
  readonly statusAfter: CrossingStatus;
}

export interface AdjudicationOpenedEvent extends EventBase {
  readonly type: 'adjudication.opened';
  readonly caseId: string;
}

export interface AdjudicationResolvedEvent extends EventBase {
  readonly type: 'adjudication.resolved';
  readonly caseId: string;
}

export type DomainEvent = CrossingSubmittedEvent | CrossingDecidedEvent | AdjudicationOpenedEvent | AdjudicationResolvedEvent;

export type EventListener = (event: DomainEvent) => void;

/** Publishes events to whoever subscribed in this process. */
export class EventBus {
  readonly #listeners = new Set<EventListener>();
  readonly #logger: Pick<Logger, 'error'> | undefined;

  constructor(logger?: Pick<Logger, 'error'>) {
    this.#logger = logger;
  }

  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /**
   * Hands the event to every listener, synchronously. A failing listener is logged and skipped: what was recorded
   * stays recorded, and the other listeners still hear of it.
   */
  publish(event: DomainEvent): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(event);
      } catch (error) {
        this.#logger?.error({ err: error, event: event.type }, 'event listener failed');
      }
    }
  }

  /** Listeners subscribed now (open streams, in practice). */
  get listenerCount(): number {
    return this.#listeners.size;
  }
}

/** The events a user may receive at all: crossing events with a crossing role, case events as an adjudicator. */
export function eventTypesFor(user: UserPrincipal): DomainEventType[] {
  const types: DomainEventType[] = [];
  if (grants(user.roles, 'crossings.process')) types.push('crossing.submitted', 'crossing.decided');
  if (grants(user.roles, 'adjudication.resolve')) types.push('adjudication.opened', 'adjudication.resolved');
  return types;
}

/** True when `user` may receive `event`: a type their roles allow, at a post they are granted. */
export function mayReceive(user: UserPrincipal, event: DomainEvent): boolean {
  return canAccessPost(user, event.postId) && eventTypesFor(user).includes(event.type);
}

/** What one event stream carries: the post it watches and the event types the user's roles receive. */
export interface EventStreamScope {
  readonly postId: string;
  readonly post: string;
  readonly types: readonly DomainEventType[];
}

/**
 * Checks that `user` may watch `postCode` (granted the post, and a role that receives some event there) and returns
 * what the stream will carry. FORBIDDEN_ROLE for roles that receive nothing (an auditor), FORBIDDEN_POST /
 * POST_NOT_FOUND for a post not granted.
 */
export async function eventStreamScope(ctx: ServiceContext, user: UserPrincipal, postCode: string): Promise<EventStreamScope> {
  const types = eventTypesFor(user);
  if (types.length === 0) throw new ServerError('FORBIDDEN_ROLE', `${user.username} has no role that receives crossing or adjudication events`);
  const post = await getPostRow(ctx, user, postCode);
  return { postId: post.id, post: post.code, types };
}

/** The event as sent to a client: without the internal post id. */
export function publicEvent(event: DomainEvent): Omit<DomainEvent, 'postId'> {
  const { postId: _postId, ...rest } = event;
  return rest;
}
