/**
 * Every message between the content script, the background service worker and the side panel:
 * ONE discriminated union on `type`, each name saying its direction (`<from>-to-<to>:<what>`).
 * Every receiver parses with {@link parseMessage} before acting: a page can post anything into a
 * content script's world, so a message is a trust boundary.
 *
 * Chart text only ever travels content script -> side panel, inside the extension; it is never
 * sent to a server (there is no server) and never persisted unless the user saves a case.
 */
import { z } from 'zod';

/**
 * The chart snapshot schema is owned by the chart reader (engine/chart/snapshot.ts):
 * the content script, the side panel and the worker share it.
 */
import { chartSnapshotSchema, MAX_SNAPSHOT_CHARS, type ChartSnapshot } from '../engine/chart/snapshot';
import { ChartsideError } from '../engine/errors';
export { chartSnapshotSchema, MAX_SNAPSHOT_CHARS, type ChartSnapshot };

export const messageSchema = z.discriminatedUnion('type', [
  /** The content script read the chart (on load, on change, or when asked). */
  z.object({
    type: z.literal('content-to-panel:chart-snapshot'),
    tabId: z.number().int().optional(),
    snapshot: chartSnapshotSchema,
  }),
  /** The content script could not read the chart; the message says why (shown, never hidden). */
  z.object({
    type: z.literal('content-to-panel:read-failed'),
    url: z.string().max(2048),
    reason: z.string().max(2000),
  }),
  /** The side panel asks the content script of a tab to read the chart now. */
  z.object({ type: z.literal('panel-to-content:request-snapshot') }),
  /** The side panel asks for the user's text selection as a snapshot (reader `selection`). */
  z.object({ type: z.literal('panel-to-content:request-selection') }),
  /** Highlight and scroll to a span of the last snapshot's text (evidence of a suggestion). */
  z.object({
    type: z.literal('panel-to-content:highlight'),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    capturedAt: z.string().max(40),
  }),
  /** Remove every highlight. */
  z.object({ type: z.literal('panel-to-content:clear-highlight') }),
  /** The content script could not highlight (the page changed since the read); shown to the user. */
  z.object({ type: z.literal('content-to-panel:highlight-failed'), reason: z.string().max(2000) }),
  /** The side panel asks the background which origins the chart reader is registered for. */
  z.object({ type: z.literal('panel-to-background:get-reader-origins') }),
  /** The background's answer, also broadcast when the user grants or revokes an origin. */
  z.object({ type: z.literal('background-to-panel:reader-origins'), origins: z.array(z.string().max(2048)).max(1000) }),
]);
export type Message = z.infer<typeof messageSchema>;
export type MessageType = Message['type'];
export type MessageOf<T extends MessageType> = Extract<Message, { type: T }>;

/** Error for a message that does not match {@link messageSchema}. */
export class InvalidMessageError extends ChartsideError {
  override name = 'ChartsideInvalidMessageError';
}

/** Parses an incoming message; throws {@link InvalidMessageError} naming the problem. */
export function parseMessage(raw: unknown): Message {
  const parsed = messageSchema.safeParse(raw);
  if (!parsed.success) throw new InvalidMessageError(`rejected message: ${parsed.error.message}`);
  return parsed.data;
}

/** Like {@link parseMessage} but returns `undefined` for messages not meant for Chartside at all. */
export function parseIfChartside(raw: unknown): Message | undefined {
  const type = (raw as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !/^(content|panel|background)-to-/.test(type)) return undefined;
  return parseMessage(raw);
}
