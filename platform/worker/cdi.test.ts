import { describe, expect, it } from 'vitest';
import { cdiMethods } from './cdi';
import type { EngineContext } from './context';

describe('engine worker: cdi', () => {
  it('analyses a panel snapshot (sections) and returns structured-cloneable plain data', async () => {
    // The CDI area reads no code tables: the context is not touched.
    const api = cdiMethods(undefined as unknown as EngineContext);
    const result = await api.cdi({
      sections: [
        { heading: 'Labs', text: 'Na 126 on 11/20, 124 on 11/21.' },
        { heading: 'Assessment and Plan', text: 'Fluid restriction 1.2 L.' },
      ],
    });
    const clone = structuredClone(result);
    expect(clone).toEqual(result);
    const opp = result.opportunities.find((o) => o.opportunity.topic === 'hyponatremia');
    // Strongest first: the lowest sodium leads (the CDI engine orders indicators by strength).
    expect(opp?.opportunity.indicators.map((i) => i.text)).toEqual(['124', 'Na 126', 'Fluid restriction']);
    expect(opp?.compliance).toEqual([]);
  });
});
