import { describe, expect, it } from 'vitest';
import { noteLines } from './suggestion-notes';

describe('noteLines', () => {
  it('folds a use-additional-code note whose codes the chart does not document, and says "code" once', () => {
    expect(noteLines(['Use additional code (N30): code to identify infectious agent (B95-B97)'])).toEqual([
      { text: 'Use additional code to identify infectious agent (B95-B97) (from N30)', undocumented: true },
    ]);
  });
  it('shows the note attached to a documented code, and every other note', () => {
    expect(
      noteLines([
        'Use additional code per E11.65 (E11): code to identify control using insulin (Z79.4)',
        'N30 completed to N30.00 from the Tabular',
      ]),
    ).toEqual([
      {
        text: 'Use additional code to identify control using insulin (Z79.4) (asked by E11.65, E11)',
        undocumented: false,
      },
      { text: 'N30 completed to N30.00 from the Tabular', undocumented: false },
    ]);
  });
});
