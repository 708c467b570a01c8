import { describe, expect, it } from 'vitest';
import { snapshotFromText } from '../../engine/chart/snapshot';
import { ChartSources } from './chart-source';

const page = (text: string, reader = 'generic') => ({
  ...snapshotFromText(text, reader),
  url: 'http://ehr.example/chart',
});

describe('ChartSources', () => {
  it('keeps only the bound tab’s reads: a background tab cannot change the source', () => {
    const s = new ChartSources();
    s.bind(1);
    expect(s.pageRead(1, { state: 'read', snapshot: page('Chart A') })).toBe(true);
    expect(s.pageRead(2, { state: 'read', snapshot: page('Chart B') })).toBe(false);
    expect(s.view().source?.snapshot.text).toBe('Chart A');
  });

  it('switching tabs switches the source and says where it came from; switching back restores it', () => {
    const s = new ChartSources();
    s.bind(1);
    s.pageRead(1, { state: 'read', snapshot: page('Chart A') });
    expect(s.bind(2)).toBe(true);
    expect(s.view()).toMatchObject({ tabId: 2, source: undefined, switchedFrom: 1 });
    s.pageRead(2, { state: 'read', snapshot: page('Chart B') });
    s.bind(1);
    expect(s.view().source?.snapshot.text).toBe('Chart A');
    expect(s.bind(1)).toBe(false);
  });

  it('a pasted note is the one source until the user goes back to the page; a page re-read is flagged, not used', () => {
    const s = new ChartSources();
    s.bind(1);
    s.pageRead(1, { state: 'read', snapshot: page('Chart A') });
    s.paste(snapshotFromText('Pasted note'));
    expect(s.view().source).toMatchObject({ kind: 'paste', snapshot: { text: 'Pasted note' } });
    s.pageRead(1, { state: 'read', snapshot: page('Chart A, changed') });
    expect(s.view()).toMatchObject({ source: { kind: 'paste' }, pageNewer: true });
    s.usePage();
    expect(s.view()).toMatchObject({
      source: { kind: 'page', snapshot: { text: 'Chart A, changed' } },
      pageNewer: false,
    });
  });

  it('a selection snapshot is the source until the page is read again (it is a piece of the page)', () => {
    const s = new ChartSources();
    s.bind(1);
    s.pageRead(1, { state: 'read', snapshot: page('Selected words', 'selection') });
    expect(s.view().source?.kind).toBe('selection');
    s.pageRead(1, { state: 'read', snapshot: page('Chart A, edited') });
    expect(s.view()).toMatchObject({
      source: { kind: 'page', snapshot: { text: 'Chart A, edited' } },
      pageNewer: false,
    });
  });

  it('leaving a tab with nothing read is not announced as a case switch', () => {
    const s = new ChartSources();
    s.bind(1);
    s.bind(2);
    expect(s.view().switchedFrom).toBeUndefined();
  });

  it('a note pasted before the first tab answer belongs to the first tab', () => {
    const s = new ChartSources();
    s.paste(snapshotFromText('Early paste'));
    expect(s.view().source?.kind).toBe('paste');
    s.bind(5);
    expect(s.view()).toMatchObject({ tabId: 5, source: { kind: 'paste' }, switchedFrom: undefined });
  });

  it('a navigation of the bound tab drops its last read (never the previous patient)', () => {
    const s = new ChartSources();
    s.bind(1);
    s.pageRead(1, { state: 'read', snapshot: page('Chart A') });
    s.pageGone(1);
    expect(s.view().source).toBeUndefined();
  });

  it('a read failure is kept as the page state, with no source', () => {
    const s = new ChartSources();
    s.bind(1);
    s.pageRead(1, { state: 'failed', url: 'http://ehr.example/x', reason: 'boom' });
    expect(s.view()).toMatchObject({ page: { state: 'failed' }, source: undefined });
  });
});
