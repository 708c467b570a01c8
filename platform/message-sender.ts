/**
 * Who may talk to a receiver. `runtime.onMessage` already only delivers messages from this
 * extension's own contexts, but "this extension" includes a content script running inside a web
 * page, which that page can drive. So each receiver says which of its own contexts may send to it
 * and checks the sender before it parses the message (with Zod, {@link parseIfChartside}).
 */
import { parseIfChartside, type Message, type MessageType } from './messages';

/** The parts of `runtime.MessageSender` the checks read (Chrome and Firefox both set them). */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/** Which context a message comes from: an extension page (side panel, options) or the chart reader. */
export type SenderKind = 'extension-page' | 'content-script';

/** This extension's identity as the receiver sees it (`runtime.id`, `runtime.getURL('')`). */
export interface Self {
  id: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  origin: string;
}

/**
 * Classifies a sender of this extension by the URL the browser reports for it (a page cannot set
 * it): one of our own pages (side panel, options; also when opened in a tab), or the chart reader
 * in a tab's top frame (it never runs in subframes). Anything else is `undefined`.
 */
export function senderKind(sender: SenderInfo, self: Self): SenderKind | undefined {
  if (sender.id !== self.id) return undefined;
  const url = sender.url ?? '';
  if (url.startsWith(self.origin)) return 'extension-page';
  if (sender.tab === undefined || !/^https?:\/\//.test(url)) return undefined;
  if (sender.frameId !== undefined && sender.frameId !== 0) return undefined;
  return 'content-script';
}

/** Which sender each message type may come from (the `<from>` of its name). */
export function expectedSender(type: MessageType): SenderKind | 'background' {
  if (type.startsWith('content-to-')) return 'content-script';
  if (type.startsWith('background-to-')) return 'background';
  return 'extension-page';
}

/**
 * The message if it is a Chartside message of one of `accepted` types, sent by the context its
 * name says; `undefined` for anything else (another library's message, a wrong sender, a bad
 * shape), which the receiver ignores. Rejections are logged, never acted on.
 */
export function receive<T extends MessageType>(
  raw: unknown,
  sender: SenderInfo,
  self: Self,
  accepted: readonly T[],
): Extract<Message, { type: T }> | undefined {
  let message: Message | undefined;
  try {
    message = parseIfChartside(raw);
  } catch (error) {
    console.warn('Chartside: ignored an invalid message', String(error));
    return undefined;
  }
  if (!message || !(accepted as readonly string[]).includes(message.type)) return undefined;
  const from = expectedSender(message.type);
  // The background is a service worker/event page of our origin without a tab: an extension page.
  const kind = senderKind(sender, self);
  if (kind !== (from === 'background' ? 'extension-page' : from)) {
    console.warn(`Chartside: ignored ${message.type} from an unexpected sender`, sender.url);
    return undefined;
  }
  return message as Extract<Message, { type: T }>;
}
