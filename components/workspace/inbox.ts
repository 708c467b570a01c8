/**
 * Codes sent to the case while the Case section is not on screen (the shell mounts only the active
 * section): search pins arrive as `chartside:pin-code` window events (components/search) and wait
 * here until the workspace takes them. Accepted suggestions need no queue: the suggestion
 * decisions live in memory for the whole panel (components/suggest/accepted.ts).
 *
 * Also runs the start-of-panel purge of saved cases older than the configured number of days.
 * Deliberately light: it is called from the side panel's `main()` and must not pull Dexie, Zod or
 * the engine into the first chunk (the purge loads them after start-up).
 */

/** A code pinned from search. */
export interface PinnedCode {
  code: string;
  system: 'cm' | 'pcs' | 'hcpcs';
}

/** Name of the pin event (mirrors `PIN_EVENT` of components/search/section.tsx, not imported to stay light). */
const PIN_EVENT = 'chartside:pin-code';

const queue: PinnedCode[] = [];
const listeners = new Set<() => void>();

/** Takes (and clears) the queued pins. */
export function takePins(): PinnedCode[] {
  return queue.splice(0, queue.length);
}

/** Calls `l` when a pin arrives; returns an unsubscribe. */
export function onPin(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Outcome of the start-up purge, for the workspace to show. */
export let purgeOutcome: Promise<{ purged: number } | { error: string }> | undefined;

/**
 * Starts listening for pins and schedules the purge. Call once from the side panel's `main()`,
 * with the panel's database.
 */
export function startCaseInbox(openDb: () => Promise<import('../../platform/db').ChartsideDb>): void {
  window.addEventListener(PIN_EVENT, (event) => {
    const detail = (event as CustomEvent<unknown>).detail as Partial<PinnedCode> | undefined;
    if (!detail || typeof detail.code !== 'string' || !['cm', 'pcs', 'hcpcs'].includes(detail.system ?? '')) return;
    queue.push({ code: detail.code, system: detail.system! });
    for (const l of listeners) l();
  });
  purgeOutcome = (async () => {
    try {
      const [{ readSettings }, { purgeExpired }, db] = await Promise.all([
        import('../../platform/db'),
        import('../../platform/cases'),
        openDb(),
      ]);
      const { purgeCasesAfterDays } = await readSettings(db);
      return { purged: await purgeExpired(db, purgeCasesAfterDays) };
    } catch (error) {
      // Reported in the Case section, never swallowed.
      console.error('Chartside: purge of saved cases failed', error);
      return { error: error instanceof Error ? error.message : String(error) };
    }
  })();
}
