import { describe, expect, it } from 'vitest';
import { ReleaseFileError } from '../builder';
import { parseIndexTree } from './index-xml';

// Synthetic index in the official schema (terms invented for the test).
const INDEX = `<?xml version="1.0" encoding="utf-8"?>
<ICD10CM.index><version>2099</version><title>Index</title>
  <letter><title>F</title>
    <mainTerm><title>Failure, failed</title>
      <term level="1"><title>heart<nemod>(acute) (sudden)</nemod></title><code>I50.9</code>
        <term level="2"><title>systolic<nemod>(congestive)</nemod></title><code>I50.20</code>
          <term level="3"><title>acute on chronic</title><code>I50.23</code></term>
        </term>
        <term level="2"><title>congestive</title><see>Failure, heart, congestive</see></term>
      </term>
    </mainTerm>
    <mainTerm><title>Fever</title><seeAlso>condition</seeAlso>
      <term level="1"><title>with amyloid</title><code>E85.4</code><manif>I43</manif></term>
    </mainTerm>
  </letter>
</ICD10CM.index>`;

const DRUG = `<ICD10CM.index><version>2099</version>
  <indexHeading><head col="1">Substance</head><head col="2">Accidental</head><head col="3">Self-harm</head></indexHeading>
  <letter><title>P</title>
    <mainTerm><title>Penicillin<nemod>(any)</nemod></title><cell col="2">T36.0X1</cell><cell col="3">--</cell></mainTerm>
  </letter></ICD10CM.index>`;

describe('index parser', () => {
  it('flattens nested terms with parents, nonessential modifiers, codes, manifestation codes and cross references', () => {
    const t = parseIndexTree(INDEX, 'index.xml');
    expect(t.version).toBe('2099');
    expect(t.rows.map((r) => [r.title, r.nemod, r.parent, r.code, r.manif, r.see, r.seeAlso])).toEqual([
      ['Failure, failed', '', -1, '', '', '', ''],
      ['heart', '(acute) (sudden)', 0, 'I50.9', '', '', ''],
      ['systolic', '(congestive)', 1, 'I50.20', '', '', ''],
      ['acute on chronic', '', 2, 'I50.23', '', '', ''],
      ['congestive', '', 1, '', '', 'Failure, heart, congestive', ''],
      ['Fever', '', -1, '', '', '', 'condition'],
      ['with amyloid', '', 5, 'E85.4', 'I43', '', ''],
    ]);
  });

  it('reads table headings and cells', () => {
    const t = parseIndexTree(DRUG, 'drug.xml');
    expect(t.heads).toEqual(['Substance', 'Accidental', 'Self-harm']);
    expect(t.rows[0]).toMatchObject({ title: 'Penicillin', nemod: '(any)', cells: ['T36.0X1', '--'] });
  });

  it('refuses a truncated file whole, with file and line', () => {
    const cut = INDEX.slice(0, INDEX.indexOf('<mainTerm><title>Fever'));
    expect(() => parseIndexTree(cut, 'icd10cm_index_2099.xml')).toThrowError(ReleaseFileError);
    expect(() => parseIndexTree(cut, 'icd10cm_index_2099.xml')).toThrow(/^icd10cm_index_2099.xml:\d+: malformed XML/);
    expect(() => parseIndexTree('<ICD10CM.tabular/>', 'tab.xml')).toThrow(/wrong file/);
  });
});
