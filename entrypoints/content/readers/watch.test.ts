// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchChart } from './watch';

afterEach(() => vi.useRealTimers());

describe('watchChart', () => {
  it('reads after a quiet debounce, and at the latest after the maximum wait on a page that never stops changing', async () => {
    vi.useFakeTimers();
    const clock = document.createElement('span');
    document.body.appendChild(clock);
    const reads: number[] = [];
    const start = Date.now();
    const watcher = watchChart(document, () => reads.push(Date.now() - start), { debounceMs: 400, maxWaitMs: 1000 });
    // A clock ticking every 200 ms: the debounce alone would never fire.
    for (let t = 0; t < 2100; t += 200) {
      clock.textContent = String(t);
      await vi.advanceTimersByTimeAsync(200);
    }
    watcher.stop();
    expect(reads.length).toBeGreaterThanOrEqual(2);
    expect(reads[0]).toBeLessThanOrEqual(1000 + 200);
    for (let i = 1; i < reads.length; i++) expect(reads[i]! - reads[i - 1]!).toBeLessThanOrEqual(1000 + 200);
  });

  it('reads once after a burst followed by quiet, not once per change', async () => {
    vi.useFakeTimers();
    const note = document.createElement('p');
    document.body.appendChild(note);
    let reads = 0;
    const watcher = watchChart(document, () => reads++, { debounceMs: 400, maxWaitMs: 1000 });
    for (let i = 0; i < 5; i++) {
      note.textContent = `line ${i}`;
      await vi.advanceTimersByTimeAsync(50);
    }
    await vi.advanceTimersByTimeAsync(2000);
    watcher.stop();
    expect(reads).toBe(1);
  });
});
