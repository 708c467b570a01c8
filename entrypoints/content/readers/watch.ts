/**
 * Re-reads the chart when the page changes: one MutationObserver per document and open shadow
 * root reached by the read (lazily rendered sections, note switches in the frame), debounced with
 * a maximum wait: a page that never stops changing (a clock, a spinner: every EHR has one) still
 * gets read at least every `maxWaitMs`, so a note switch is not starved by the clock.
 */
export interface ChartWatcher {
  /** Observe (again) everything reachable now: call after each read. */
  refresh(): void;
  stop(): void;
}

/** Timing of {@link watchChart}, in ms. */
export interface WatchTiming {
  /** Quiet time after the last change before a read (default 400). */
  debounceMs: number;
  /** Longest time from the first unread change to the read, however busy the page (default 1000). */
  maxWaitMs: number;
}

export const DEFAULT_WATCH_TIMING: WatchTiming = { debounceMs: 400, maxWaitMs: 1000 };

/**
 * Calls `onChange` once the page (or its same-origin frames and open shadow roots) has been quiet
 * for `debounceMs` after a change, and at the latest `maxWaitMs` after the first change not yet
 * reported (lodash's `debounce` with `maxWait`).
 *
 * @example watchChart(document, () => void read(), { debounceMs: 400, maxWaitMs: 1000 })
 */
export function watchChart(
  doc: Document,
  onChange: () => void,
  timing: WatchTiming = DEFAULT_WATCH_TIMING,
): ChartWatcher {
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the first change not yet reported happened (`undefined`: none pending). */
  let pendingSince: number | undefined;
  const observers: MutationObserver[] = [];
  const run = (): void => {
    timer = undefined;
    pendingSince = undefined;
    onChange();
  };
  const fire = (): void => {
    const now = Date.now();
    pendingSince ??= now;
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, Math.max(0, Math.min(timing.debounceMs, pendingSince + timing.maxWaitMs - now)));
  };
  const observe = (root: Node): void => {
    const view = (root.ownerDocument ?? (root as Document)).defaultView;
    if (!view) return;
    const o = new view.MutationObserver((records) => {
      // Our own highlight layer is not a page change.
      if (
        records.every((r) =>
          [...r.addedNodes, ...r.removedNodes].every((n) => (n as Element).tagName === 'CHARTSIDE-HIGHLIGHT'),
        )
      )
        return;
      fire();
    });
    o.observe(root, { subtree: true, childList: true, characterData: true });
    observers.push(o);
  };
  const roots = (): Node[] => {
    const out: Node[] = [doc];
    // Frames and shadow roots, found breadth-first with a bound (hostile pages).
    const queue: ParentNode[] = [doc];
    let seen = 0;
    while (queue.length > 0 && seen < 5000) {
      const p = queue.shift()!;
      for (let el = p.firstElementChild; el; el = el.nextElementSibling) {
        seen++;
        if (el.shadowRoot) {
          out.push(el.shadowRoot);
          queue.push(el.shadowRoot);
        }
        if (el.tagName === 'IFRAME') {
          try {
            const d = (el as HTMLIFrameElement).contentDocument;
            if (d) {
              out.push(d);
              queue.push(d);
            }
          } catch {
            // other origin: not ours to read
          }
        }
        queue.push(el);
      }
    }
    return out;
  };
  const watcher: ChartWatcher = {
    refresh() {
      for (const o of observers) o.disconnect();
      observers.length = 0;
      for (const r of roots()) observe(r);
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      pendingSince = undefined;
      for (const o of observers) o.disconnect();
      observers.length = 0;
    },
  };
  watcher.refresh();
  return watcher;
}
