/**
 * The message router, generic over a protocol map: each message type has one route that says
 * which senders may send it and how it is handled. Features declare their messages
 * (features/<feature>/protocol.ts) and their routes (features/<feature>/background/routes.ts);
 * app/background/registry.ts composes them. Nothing here knows a feature.
 */
import type { GetDataType, GetReturnType } from '@webext-core/messaging';
import type { SenderCheck, SenderInfo, SenderKind } from './sender';

/** Messages the background receives (`bg:*` go the other way, to tabs). */
export type IncomingOf<M> = Exclude<keyof M, `bg:${string}`> & string;

/** Who sent a message, after `checkSender` accepted it. */
export type AcceptedSender = Extract<SenderCheck, { ok: true }>;

// The protocol maps' members are method signatures, so the map types are used as plain objects.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyMap = Record<string, any>;

export interface Route<M extends AnyMap, K extends keyof M> {
  /** Which senders may send this message; anything else is refused before the handler runs. */
  from: readonly SenderKind[];
  handle(
    data: GetDataType<M[K]>,
    sender: AcceptedSender,
  ): Promise<GetReturnType<M[K]>> | GetReturnType<M[K]>;
}

/** One route for every incoming message of a protocol map (a feature's, or the whole union). */
export type RouteTable<M extends AnyMap> = { [K in IncomingOf<M>]: Route<M, K> };

/** Thrown by a route (or by the router) to refuse a message; the sender's promise rejects. */
export class MessageRefused extends Error {
  override name = 'MessageRefused';
}

/**
 * The service a feature's routes need, or a refusal saying it is missing: a background set up
 * without it (no `webNavigation`, a test that leaves it out) refuses the feature's messages with
 * `missing` as the reason instead of failing on `undefined`.
 */
export function requireService<T>(service: T | undefined, missing: string): () => T {
  return () => {
    if (service === undefined) throw new MessageRefused(missing);
    return service;
  };
}

/**
 * Runs one incoming message through its route: checks the sender first, then the handler.
 * Throws `MessageRefused` (delivered to the sender as a rejected promise) when not allowed.
 */
export async function dispatch<M extends AnyMap, K extends IncomingOf<M>>(
  routes: RouteTable<M>,
  type: K,
  data: GetDataType<M[K]>,
  sender: SenderCheck,
): Promise<GetReturnType<M[K]>> {
  const route = (routes as unknown as Partial<Record<string, Route<M, K>>>)[type];
  if (!route || !Object.hasOwn(routes, type)) {
    throw new MessageRefused(`unknown message: ${String(type)}`);
  }
  if (!sender.ok) throw new MessageRefused(sender.reason);
  if (!route.from.includes(sender.kind)) {
    throw new MessageRefused(`${String(type)} may not be sent from ${sender.kind}`);
  }
  return route.handle(data, sender);
}

export type { SenderInfo };
