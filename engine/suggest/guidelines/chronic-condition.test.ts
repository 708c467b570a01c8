// Which conditions the Tabular reading holds standing (chronic): titles quoted from the FY2026 Tabular List.
import { describe, expect, it } from 'vitest';
import { analyzeChart } from '../../text';
import { chronicCondition } from './chronic-condition';
import type { GuidelineContext } from './types';

type Detail = { long: string; ancestors?: { dotted: string; long: string }[]; section?: { id: string; desc: string } };

const TABULAR: Record<string, Detail> = {
  'I25.10': {
    long: 'Atherosclerotic heart disease of native coronary artery without angina pectoris',
    ancestors: [
      { dotted: 'I25', long: 'Chronic ischemic heart disease' },
      { dotted: 'I25.1', long: 'Atherosclerotic heart disease of native coronary artery' },
    ],
    section: { id: 'I20-I25', desc: 'Ischemic heart diseases (I20-I25)' },
  },
  'J43.9': {
    long: 'Emphysema, unspecified',
    ancestors: [{ dotted: 'J43', long: 'Emphysema' }],
    section: { id: 'J40-J4A', desc: 'Chronic lower respiratory diseases (J40-J4A)' },
  },
  'K86.1': {
    long: 'Other chronic pancreatitis',
    ancestors: [{ dotted: 'K86', long: 'Other diseases of pancreas' }],
    section: { id: 'K80-K87', desc: 'Disorders of gallbladder, biliary tract and pancreas (K80-K87)' },
  },
  'K85.90': {
    long: 'Acute pancreatitis without necrosis or infection, unspecified',
    ancestors: [
      { dotted: 'K85', long: 'Acute pancreatitis' },
      { dotted: 'K85.9', long: 'Acute pancreatitis, unspecified' },
    ],
    section: { id: 'K80-K87', desc: 'Disorders of gallbladder, biliary tract and pancreas (K80-K87)' },
  },
  'L97.909': {
    long: 'Non-pressure chronic ulcer of unspecified part of unspecified lower leg with unspecified severity',
    ancestors: [{ dotted: 'L97', long: 'Non-pressure chronic ulcer of lower limb, not elsewhere classified' }],
  },
  'N39.0': {
    long: 'Urinary tract infection, site not specified',
    ancestors: [{ dotted: 'N39', long: 'Other disorders of urinary system' }],
  },
};

const text = 'ASSESSMENT:\nNone.\n';
const ctx: GuidelineContext = {
  text,
  chart: analyzeChart(text, { setting: 'inpatient' }),
  setting: 'inpatient',
  tables: { cm: { get: (code: string) => (TABULAR[code] ? { ...TABULAR[code], notes: [] } : undefined) } },
};

describe('chronicCondition', () => {
  it('reads a block titled chronic (J40-J4A above J43.9)', () => {
    expect(chronicCondition('J43.9', ctx)).toEqual({
      title: 'J40-J4A "Chronic lower respiratory diseases (J40-J4A)"',
      source: 'tabular-title',
    });
  });
  it('reads a chronic systemic category (I25 above I25.10)', () => {
    expect(chronicCondition('I25.10', ctx)).toEqual({
      title: 'I25 "Chronic ischemic heart disease"',
      source: 'chronic-systemic',
    });
  });
  it("reads the code's own Tabular title", () => {
    expect(chronicCondition('K86.1', ctx)).toEqual({
      title: 'K86.1 "Other chronic pancreatitis"',
      source: 'tabular-title',
    });
  });
  it('reads a chronic systemic category without a chronic title (hypertension)', () => {
    expect(chronicCondition('I10', ctx)?.source).toBe('chronic-systemic');
  });
  it('does not hold an acute condition chronic, nor one whose path says acute', () => {
    expect(chronicCondition('K85.90', ctx)).toBeUndefined();
  });
  it('does not hold a skin ulcer, an infection, an injury or a status code chronic', () => {
    for (const code of ['L97.909', 'N39.0', 'S72.002A', 'Z95.1'])
      expect(chronicCondition(code, ctx), code).toBeUndefined();
  });
  it('gives nothing for a code the table does not know', () => {
    expect(chronicCondition('K99.9', ctx)).toBeUndefined();
  });
});
