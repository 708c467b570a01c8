/**
 * Re-reads the chart when the page changes: one MutationObserver per document and open shadow
 * root reached by the read (lazily rendered sections, note switches in the frame), debounced.
 */
export interface ChartWatcher {
  /** Observe (again) everything reachable now: call after each read. */
  refresh(): void;
  stop(): void;
}

/**
 * Calls `onChange` at most once per `debounceMs` after the page (or its same-origin frames and
 * open shadow roots) changed.
 */
export function watchChart(doc: Document, onChange: () => void, debounceMs = 600): ChartWatcher {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observers: MutationObserver[] = [];
  const fire = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
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
      for (const o of observers) o.disconnect();
      observers.length = 0;
    },
  };
  watcher.refresh();
  return watcher;
}
