import { describe, expect, it } from 'vitest';
import { ReleaseFileError } from '../builder';
import { parseTabular } from './tabular';

// Synthetic Tabular List in the official schema (codes and notes invented for the test).
const XML = `<?xml version="1.0" encoding="utf-8"?>
<ICD10CM.tabular>
  <version>2099</version>
  <introduction><introSection type="title"><title>Intro</title></introSection></introduction>
  <chapter>
    <name>19</name>
    <desc>Injury (S00-T88)</desc>
    <useAdditionalCode><note>code to identify any retained foreign body (Z18.-)</note></useAdditionalCode>
    <sectionIndex><sectionRef first="S70" last="S79" id="S70-S79">Hip</sectionRef></sectionIndex>
    <section id="S70-S79">
      <desc>Injuries to the hip and thigh (S70-S79)</desc>
      <excludes2><note>frostbite (T33-T34)</note></excludes2>
      <diag>
        <name>S72</name>
        <desc>Fracture of femur</desc>
        <notes><note>A fracture not indicated as open or closed should be coded to closed</note></notes>
        <sevenChrNote><note>The appropriate 7th character is to be added</note></sevenChrNote>
        <sevenChrDef>
          <extension char="A">initial encounter for closed fracture</extension>
          <extension char="S">sequela</extension>
        </sevenChrDef>
        <diag>
          <name>S72.0</name>
          <desc>Fracture of head and neck of femur</desc>
          <excludes1><note>traumatic amputation (S78.-)</note><note>physeal fracture (S79.0-)</note></excludes1>
          <inclusionTerm><note>Fracture of hip NOS</note></inclusionTerm>
        </diag>
      </diag>
    </section>
  </chapter>
</ICD10CM.tabular>
`;

describe('Tabular List parser', () => {
  it('reads chapters, sections, nested codes and every note kind with its owner', () => {
    const t = parseTabular(XML, 'tab.xml');
    expect(t.version).toBe('2099');
    expect(t.chapters).toEqual([
      { name: '19', desc: 'Injury (S00-T88)', notes: [[5, 'code to identify any retained foreign body (Z18.-)']] },
    ]);
    expect(t.sections).toEqual([
      {
        id: 'S70-S79',
        desc: 'Injuries to the hip and thigh (S70-S79)',
        first: 'S70',
        last: 'S79',
        chapter: 0,
        notes: [[3, 'frostbite (T33-T34)']],
      },
    ]);
    expect(t.diags.map((d) => d.code)).toEqual(['S72', 'S720']);
    expect(t.diags[0]!.notes).toEqual([[7, 'A fracture not indicated as open or closed should be coded to closed']]);
    expect(t.diags[0]!.seventh).toEqual({
      note: ['The appropriate 7th character is to be added'],
      chars: [
        ['A', 'initial encounter for closed fracture'],
        ['S', 'sequela'],
      ],
    });
    expect(t.diags[1]!.notes).toEqual([
      [2, 'traumatic amputation (S78.-)'],
      [2, 'physeal fracture (S79.0-)'],
      [1, 'Fracture of hip NOS'],
    ]);
    expect(t.diags[1]!.section).toBe(0);
  });

  it('reads the visual impairment table into one note per category', () => {
    const xml = XML.replace(
      '<inclusionTerm><note>Fracture of hip NOS</note></inclusionTerm>',
      `<inclusionTerm><note>Fracture of hip NOS</note></inclusionTerm>
          <visualImpairment>
            <visCategory><heading>Category</heading><visRange><heading>Acuity</heading>
              <visMax><heading>Max less than:</heading></visMax><visMin><heading>Min at least:</heading></visMin></visRange></visCategory>
            <visCategory><value>1</value>
              <visRange><visMax><value>6/18</value></visMax><visMin><value>6/60</value></visMin></visRange>
              <visRange><visMax><value>20/70</value></visMax><visMin><value>20/200</value></visMin></visRange></visCategory>
            <visCategory><value>9</value><visRange><visMax><value>Undetermined</value></visMax></visRange></visCategory>
          </visualImpairment>`,
    );
    expect(parseTabular(xml, 'tab.xml').diags[1]!.notes.slice(-2)).toEqual([
      [7, 'Category 1 (Acuity): Max less than: 6/18; 20/70. Min at least: 6/60; 20/200'],
      [7, 'Category 9 (Acuity): Max less than: Undetermined'],
    ]);
  });

  it('refuses a truncated file with the file name and line', () => {
    const cut = XML.slice(0, XML.indexOf('<diag>', XML.indexOf('<name>S72</name>')) + 6);
    let err: unknown;
    try {
      parseTabular(cut, 'icd10cm_tabular_2099.xml');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ReleaseFileError);
    expect((err as ReleaseFileError).file).toBe('icd10cm_tabular_2099.xml');
    expect((err as ReleaseFileError).line).toBeGreaterThan(20);
    expect((err as ReleaseFileError).message).toMatch(/malformed XML/);
  });

  it('refuses markup errors and the wrong file', () => {
    expect(() => parseTabular(XML.replace('</desc>', '</dexc>'), 't.xml')).toThrow(/t.xml:\d+: malformed XML/);
    expect(() => parseTabular('<ICD10CM.index><version>2099</version></ICD10CM.index>', 'index.xml')).toThrow(
      /index.xml:1: root element <ICD10CM.index>, expected <ICD10CM.tabular>/,
    );
    expect(() => parseTabular('<ICD10CM.tabular><version>1</version></ICD10CM.tabular>', 'empty.xml')).toThrow(
      /no codes/,
    );
  });
});
