import { describe, expect, it } from 'vitest';
import { resolveAbbreviations, resolveSense } from './abbreviations';
import { analyzeText } from './index';
import { ABBREVIATION_SENSES } from './data/abbreviation-senses';

const read = (text: string) => resolveAbbreviations(text, analyzeText(text));

describe('the sense inventory', () => {
  it.each(ABBREVIATION_SENSES.map((e) => [e.forms[0]!, e] as const))('%s never defaults to a diagnosis', (_, e) => {
    if (e.default !== null) {
      const sense = e.senses.find((s) => s.sense === e.default);
      expect(sense, `default ${e.default} is one of the senses`).toBeDefined();
      expect(sense!.codable).toBe(false);
    }
    expect(e.sources.length).toBeGreaterThan(0);
  });

  // Every cue of every sense fires on its own (a synthetic sentence with only that cue), and the
  // bare abbreviation with a neutral sentence does not pick a diagnosis.
  const cases = ABBREVIATION_SENSES.flatMap((e) =>
    e.senses.flatMap((s) => s.cues.map((cue) => [e.forms[0]!, cue, s.sense, e] as const)),
  );
  it.each(cases)('%s with cue "%s" reads %s', (form, cue, sense, entry) => {
    const text = `Noted ${cue} and ${form} today`;
    const at = text.lastIndexOf(form);
    const r = resolveSense(entry, text, { start: at, end: at + form.length });
    // A cue shared by two senses is a tie and decides nothing.
    const shared = entry.senses.filter((s) => s.cues.includes(cue)).length > 1;
    if (!shared) expect(r.sense).toBe(sense);
  });
  it.each(ABBREVIATION_SENSES.map((e) => [e.forms[0]!, e] as const))(
    '%s without a cue is not a diagnosis',
    (form, e) => {
      const text = `Seen again, ${form} noted.`;
      const r = resolveSense(e, text, { start: 12, end: 12 + form.length });
      expect(r.codable).toBe(false);
    },
  );
});

describe('resolveAbbreviations', () => {
  it('reads RA after a saturation as room air, and with methotrexate as rheumatoid arthritis', () => {
    expect(read('SpO2 96% on RA.')[0]).toMatchObject({ text: 'RA', sense: 'room air', codable: false });
    expect(read('RA on methotrexate, stable joints.')[0]).toMatchObject({
      sense: 'rheumatoid arthritis',
      codable: true,
    });
  });
  it('reads ED as the department unless a cue names the condition', () => {
    expect(read('She presented to the ED with cough.')[0]!.sense).toBe('emergency department');
    expect(read('ED, started on sildenafil.')[0]!.sense).toBe('erectile dysfunction');
  });
  it('leaves initials such as "discussed with MM" unresolved', () => {
    expect(read('Plan discussed with MM and family.')[0]).toMatchObject({ sense: null, codable: false });
  });
  it('finds p.r.n. as one abbreviation and ignores the title Ms.', () => {
    const r = read('Ms. Doe takes acetaminophen p.r.n. for pain.');
    expect(r.map((x) => x.text)).toEqual(['p.r.n.']);
    expect(r[0]!.sense).toBe('as needed');
  });
  it('uses the section heading as a cue', () => {
    const text = 'PHYSICAL EXAMINATION:\nPE unremarkable.';
    expect(read(text)[0]!.sense).toBe('physical examination');
  });
});
