/**
 * Records every network request made by every target of a browser (pages, the extension's service
 * worker, dedicated and shared workers, iframes, the side panel page), through the DevTools
 * protocol. The privacy test uses it to prove that no chart content leaves the device.
 *
 * How: a browser-level CDP session auto-attaches to every target, existing and future
 * (`Target.setAutoAttach` with `waitForDebuggerOnStart`), and recursively to their children
 * (workers, out-of-process iframes). Each new target is held paused until `Network.enable` has been
 * sent on its session, so even a request made by the first line of a worker is seen. Puppeteer's
 * own sessions are separate and unaffected.
 */
import type { Browser, CDPSession, Protocol } from 'puppeteer-core';

/** One request, as the browser announced it. */
export interface RecordedRequest {
  /** Full URL (data: URLs are cut to 100 characters). */
  url: string;
  method: string;
  /** CDP resource type (Document, Script, Fetch, XHR, Ping, WebSocket, Other, ...). */
  resourceType: string;
  /** Type of the target that made it: page, service_worker, worker, shared_worker, iframe, ... */
  targetType: string;
  /** URL of that target when the request was made (e.g. chrome-extension://<id>/sidepanel.html). */
  targetUrl: string;
  /** URL of the document (or worker script) that made it, as CDP reports it. */
  documentUrl: string;
  /** Request body as sent, when the browser reports one. */
  postData?: string;
  /** Wall time (ms since epoch) at which it was recorded. */
  at: number;
}

/** A target the recorder attached to (to check the recording covered what it should). */
export interface RecordedTarget {
  type: string;
  /** Its current URL (a new page starts as about:blank, then navigates). */
  url: string;
  /** Every URL it has had, in order. */
  urls: string[];
}

/** A live recording: `requests` and `targets` grow until {@link NetworkRecording.stop}. */
export interface NetworkRecording {
  readonly requests: RecordedRequest[];
  readonly targets: RecordedTarget[];
  /** Requests whose URL is not below one of `allowedPrefixes` (e.g. the fixture origin). */
  outside(allowedPrefixes: readonly string[]): RecordedRequest[];
  /** Resolves with the first request (already recorded or to come) matching `predicate`. */
  waitFor(predicate: (request: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  stop(): Promise<void>;
}

const AUTO_ATTACH: Protocol.Target.SetAutoAttachRequest = {
  autoAttach: true,
  waitForDebuggerOnStart: true,
  flatten: true,
  // Everything except the browser itself, tab wrappers (their page is attached instead) and
  // Chrome's own WebUI (omnibox popup and the like: chrome:// resources, not a Chartside context).
  filter: [
    { type: 'browser', exclude: true },
    { type: 'tab', exclude: true },
    { type: 'browser_ui', exclude: true },
    {},
  ],
};

/**
 * Starts recording. Call it right after launch, before the extension is installed or any page is
 * opened, to see everything from the first request on ({@link launchWithExtension} does this when
 * asked with `recordNetwork: true`).
 *
 * @example
 * const recording = await recordNetwork(browser);
 * // ... drive a session ...
 * expect(recording.outside([server.origin, `chrome-extension://${id}/`])).toEqual([]);
 */
export async function recordNetwork(browser: Browser): Promise<NetworkRecording> {
  const requests: RecordedRequest[] = [];
  const targets: RecordedTarget[] = [];
  const sessions: CDPSession[] = [];
  // Target info by session id. Puppeteer emits `sessionattached` for a child session just before
  // it delivers the parent's `Target.attachedToTarget` event (which carries the info), so the info
  // is looked up when a request arrives, never when the session appears.
  const infoBySession = new Map<string, RecordedTarget>();
  const infoByTarget = new Map<string, RecordedTarget>();

  const waiters = new Set<(request: RecordedRequest) => void>();

  const record = (session: CDPSession, request: Omit<RecordedRequest, 'targetType' | 'targetUrl' | 'at'>): void => {
    const target = infoBySession.get(session.id()) ?? { type: 'unknown', url: '' };
    const recorded = { ...request, targetType: target.type, targetUrl: target.url, at: Date.now() };
    requests.push(recorded);
    for (const waiter of waiters) waiter(recorded);
  };

  const waitFor = (predicate: (request: RecordedRequest) => boolean, timeoutMs = 30_000): Promise<RecordedRequest> => {
    const seen = requests.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolveWait, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no matching request recorded within ${timeoutMs} ms (${requests.length} recorded)`));
      }, timeoutMs);
      const check = (request: RecordedRequest): void => {
        if (!predicate(request)) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolveWait(request);
      };
      waiters.add(check);
    });
  };

  const listen = (session: CDPSession): void => {
    sessions.push(session);
    session.on('Target.attachedToTarget', (event: Protocol.Target.AttachedToTargetEvent) => {
      const { type, url, targetId } = event.targetInfo;
      // One record per target, shared by every session attached to it.
      const known = infoByTarget.get(targetId);
      const target = known ?? { type, url, urls: [url] };
      if (!known) {
        infoByTarget.set(targetId, target);
        targets.push(target);
      }
      infoBySession.set(event.sessionId, target);
    });
    session.on('sessionattached', (child: CDPSession) => attach(child));
  };

  // Runs synchronously when Chrome announces the attachment. The three commands are queued on the
  // connection in order, so Network.enable reaches the target before it is resumed.
  function attach(session: CDPSession): void {
    listen(session);
    session.on('Network.requestWillBeSent', (event: Protocol.Network.RequestWillBeSentEvent) => {
      const { url, method, postData } = event.request;
      record(session, {
        url: url.startsWith('data:') ? url.slice(0, 100) : url,
        documentUrl: event.documentURL,
        method,
        resourceType: event.type ?? 'Other',
        ...(postData === undefined ? {} : { postData }),
      });
    });
    session.on('Network.webSocketCreated', (event: Protocol.Network.WebSocketCreatedEvent) => {
      record(session, { url: event.url, documentUrl: '', method: 'GET', resourceType: 'WebSocket' });
    });
    // A target without a Network domain (a worklet, say) answers with an error: harmless here,
    // and the target must be resumed either way.
    void Promise.all([
      session.send('Network.enable').catch(() => undefined),
      session.send('Target.setAutoAttach', AUTO_ATTACH).catch(() => undefined),
      session.send('Runtime.runIfWaitingForDebugger').catch(() => undefined),
    ]);
  }

  const root = await browser.target().createCDPSession();
  listen(root);
  // Keeps `targetUrl` current as pages navigate (a new page starts as about:blank).
  root.on('Target.targetInfoChanged', ({ targetInfo }: Protocol.Target.TargetInfoChangedEvent) => {
    const target = infoByTarget.get(targetInfo.targetId);
    if (!target || target.url === targetInfo.url) return;
    target.url = targetInfo.url;
    target.urls.push(targetInfo.url);
  });
  await root.send('Target.setDiscoverTargets', { discover: true });
  await root.send('Target.setAutoAttach', AUTO_ATTACH);

  return {
    requests,
    targets,
    outside: (allowed) => requests.filter((r) => !allowed.some((prefix) => r.url.startsWith(prefix))),
    waitFor,
    stop: async () => {
      await root
        .send('Target.setAutoAttach', { autoAttach: false, waitForDebuggerOnStart: false })
        .catch(() => undefined);
      for (const session of sessions.reverse()) await session.detach().catch(() => undefined);
    },
  };
}
