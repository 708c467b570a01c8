import { describe, expect, it } from 'vitest';
import { refuseChartSender } from './chart-sender';

const ours = 'abcdefghijklmnop';
const from = (tab: number, frameId = 0, id = ours) => ({ id, tab: { id: tab, windowId: 1 }, frameId });

describe('refuseChartSender', () => {
  it('accepts the top frame of the bound tab', () => {
    expect(refuseChartSender(from(7), ours, 7)).toBeUndefined();
  });
  it('refuses a background tab, a sub-frame, another extension, a sender without tab', () => {
    expect(refuseChartSender(from(8), ours, 7)).toMatch(/tab 8, not the tab on screen \(7\)/);
    expect(refuseChartSender(from(7, 3), ours, 7)).toMatch(/frame 3/);
    expect(refuseChartSender(from(7, 0, 'someoneelse'), ours, 7)).toMatch(/another extension/);
    expect(refuseChartSender({ id: ours }, ours, 7)).toMatch(/not sent from a tab/);
    expect(refuseChartSender(undefined, ours, 7)).toBe('no sender');
  });
  it('refuses everything before the panel knows its tab', () => {
    expect(refuseChartSender(from(7), ours, undefined)).toMatch(/not bound/);
  });
});
