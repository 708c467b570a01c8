/**
 * Parses one MS-DRG version folder (`msdrg/FY2026/tables/v430/` or `v431/`) into the compact
 * {@link GrouperPayload}. Column layouts are those documented in the folder's README.md.
 */
import { ReleaseFileError, type ReleaseSource } from '../builder';
import {
  GROUPER_PAYLOAD_VERSION,
  type FormulaRow,
  type GrouperPayload,
  type SeverityLevel,
} from '../../engine/grouper/payload';
import { NameInterner, SetTable } from './interner';
import { list, parseTsv } from './tsv';

/** File names of a version folder, in the order they are read. */
export const GROUPER_TABLE_FILES = [
  'attribute_names.tsv',
  'base_drgs.tsv',
  'cc_exclusion_groups.tsv',
  'drg_formulas.tsv',
  'drgs.tsv',
  'dx_attributes.tsv',
  'hac_formulas.tsv',
  'mdcs.tsv',
  'pr_attributes.tsv',
  'pr_clusters.tsv',
] as const;

const CODE = /^[A-Z0-9]{3,7}$/;
const SEVERITY: Record<string, SeverityLevel> = { NCC: 0, CC: 1, MCC: 2 };
const MED_SURG: Record<string, FormulaRow['medSurg']> = { SURGICAL: 'S', MEDICAL: 'M', NA: 'N' };

/** Everything of a version except pricer data, POA-exempt codes and discharge statuses. */
export type GrouperTables = Omit<GrouperPayload, 'weights' | 'appendixA' | 'poaExempt' | 'dischargeStatuses'>;

/**
 * Reads and checks the ten tables of one version folder.
 *
 * @param dir folder below the source root, e.g. `msdrg/FY2026/tables/v431`
 * @throws ReleaseFileError for any malformed file (file and line named).
 */
export function parseGrouperTables(source: ReleaseSource, dir: string, version: string): GrouperTables {
  const read = (name: string) => source.read(`${dir}/${name}`);

  const attrNames = parseTsv(read('attribute_names.tsv'), ['attribute', 'defined_in']);
  const attrName = attrNames.col('attribute');
  const declared = new Set<string>();
  for (const row of attrNames.rows) {
    const a = attrName(row);
    if (!/^[A-Za-z0-9_]+$/.test(a)) attrNames.fail(row, `bad attribute name "${a}"`);
    declared.add(a);
  }

  // Diagnoses.
  const dxT = parseTsv(read('dx_attributes.tsv'), [
    'code',
    'valid',
    'mdc',
    'sex_mdc',
    'severity',
    'pdx_excl_groups',
    'attributes',
    'category_attributes',
    'hac_attributes',
    'hac_numbers',
    'clinical_significance',
  ]);
  const prT = parseTsv(read('pr_attributes.tsv'), ['code', 'or_flag', 'attributes', 'cluster_ids', 'hac_attributes']);
  const clT = parseTsv(read('pr_clusters.tsv'), [
    'cluster_id',
    'suppression_mdcs',
    'choice_count',
    'choices',
    'attributes',
  ]);

  // Intern every attribute name used anywhere (plus the declared ones), sorted.
  const used = new Set(declared);
  const dxAttrs = [dxT.col('attributes'), dxT.col('category_attributes'), dxT.col('hac_attributes')];
  for (const row of dxT.rows) for (const get of dxAttrs) for (const a of list(get(row))) used.add(a);
  const prAttrs = [prT.col('attributes'), prT.col('hac_attributes')];
  for (const row of prT.rows) for (const get of prAttrs) for (const a of list(get(row))) used.add(a);
  const clAttr = clT.col('attributes');
  for (const row of clT.rows) for (const a of list(clAttr(row))) used.add(a);
  for (const a of used) {
    if (!declared.has(a))
      throw new ReleaseFileError(`${dir}/attribute_names.tsv`, undefined, `attribute "${a}" is used but not declared`);
  }
  const names = new NameInterner(used);
  const attrSets = new SetTable();

  // Exclusion groups: ids are 1..n; we keep them by index in id order.
  const exT = parseTsv(read('cc_exclusion_groups.tsv'), ['group_id', 'code_count', 'excluded_sdx_codes']);
  const groupId = exT.int('group_id');
  const groupCount = exT.int('code_count');
  const groupCodes = exT.col('excluded_sdx_codes');
  const groupIndex = new Map<number, number>();
  const groupLists: string[][] = [];
  for (const row of exT.rows) {
    const id = groupId(row);
    if (groupIndex.has(id)) exT.fail(row, `duplicate group ${id}`);
    const codes = list(groupCodes(row));
    if (codes.length !== groupCount(row))
      exT.fail(row, `code_count ${groupCount(row)} but ${codes.length} codes listed`);
    groupIndex.set(id, groupLists.length);
    groupLists.push(codes);
  }

  const dxCode = dxT.col('code');
  const dxValid = dxT.col('valid');
  const dxMdc = dxT.int('mdc');
  const dxSexMdc = dxT.col('sex_mdc');
  const dxSev = dxT.col('severity');
  const dxExcl = dxT.col('pdx_excl_groups');
  const dxHacNums = dxT.col('hac_numbers');
  const exclSets = new SetTable();
  const dx: GrouperPayload['dx'] = {
    codes: '',
    mdc: [],
    sexMdc: [],
    severity: [],
    attrSet: [],
    exclSet: [],
    hacMask: [],
  };
  const dxCodes: string[] = [];
  let previous = '';
  for (const row of dxT.rows) {
    const code = dxCode(row);
    if (!CODE.test(code)) dxT.fail(row, `bad ICD-10-CM code "${code}"`);
    if (code <= previous) dxT.fail(row, `code ${code} out of order or duplicated`);
    previous = code;
    if (dxValid(row) !== '1') dxT.fail(row, `valid must be 1, got "${dxValid(row)}"`);
    const severity = SEVERITY[dxSev(row)] ?? dxT.fail(row, `unknown severity "${dxSev(row)}"`);
    let sexMdc = 0;
    const sexCell = dxSexMdc(row);
    if (sexCell !== '') {
      const m = /^M:(\d+) F:(\d+)$/.exec(sexCell) ?? dxT.fail(row, `bad sex_mdc "${sexCell}"`);
      sexMdc = Number(m[1]) * 100 + Number(m[2]);
    }
    const groups = list(dxExcl(row)).map((g) => {
      const i = /^\d+$/.test(g) ? groupIndex.get(Number(g)) : undefined;
      return i ?? dxT.fail(row, `unknown exclusion group "${g}"`);
    });
    let hacMask = 0;
    for (const n of list(dxHacNums(row))) {
      const k = Number(n);
      if (!Number.isInteger(k) || k < 1 || k > 31) dxT.fail(row, `bad HAC number "${n}"`);
      hacMask |= 1 << (k - 1);
    }
    dxCodes.push(code);
    dx.mdc.push(dxMdc(row));
    dx.sexMdc.push(sexMdc);
    dx.severity.push(severity);
    dx.attrSet.push(attrSets.add(dxAttrs.flatMap((get) => list(get(row))).map((a) => names.id(a))));
    dx.exclSet.push(exclSets.add(groups));
    dx.hacMask.push(hacMask);
  }
  dx.codes = dxCodes.join(' ');
  const dxIndex = new Map(dxCodes.map((c, i) => [c, i]));
  const exclGroups = groupLists.map((codes, gi) =>
    codes
      .map((c) => {
        const i = dxIndex.get(c);
        if (i === undefined) {
          throw new ReleaseFileError(
            `${dir}/cc_exclusion_groups.tsv`,
            gi + 2,
            `excluded code ${c} is not in dx_attributes.tsv`,
          );
        }
        return i;
      })
      .sort((a, b) => a - b),
  );

  // Procedures and clusters.
  const prCode = prT.col('code');
  const prOr = prT.col('or_flag');
  const prClusters = prT.col('cluster_ids');
  const prCodes: string[] = [];
  const pr: GrouperPayload['pr'] = { codes: '', nor: '', attrSet: [], clusters: [] };
  const nor: string[] = [];
  const prClusterIds: string[][] = [];
  previous = '';
  for (const row of prT.rows) {
    const code = prCode(row);
    if (!/^[A-Z0-9]{7}$/.test(code)) prT.fail(row, `bad ICD-10-PCS code "${code}"`);
    if (code <= previous) prT.fail(row, `code ${code} out of order or duplicated`);
    previous = code;
    const flag = prOr(row);
    if (flag !== 'OR' && flag !== 'NOR') prT.fail(row, `or_flag must be OR or NOR, got "${flag}"`);
    prCodes.push(code);
    nor.push(flag === 'NOR' ? '1' : '0');
    pr.attrSet.push(attrSets.add(prAttrs.flatMap((get) => list(get(row))).map((a) => names.id(a))));
    prClusterIds.push(list(prClusters(row)));
  }
  pr.codes = prCodes.join(' ');
  pr.nor = nor.join('');
  const prIndex = new Map(prCodes.map((c, i) => [c, i]));

  const clId = clT.col('cluster_id');
  const clSupp = clT.col('suppression_mdcs');
  const clCount = clT.int('choice_count');
  const clChoices = clT.col('choices');
  const clusters: GrouperPayload['clusters'] = [];
  const clusterIndex = new Map<string, number>();
  const clusterRows = new Map<string, string>();
  for (const row of clT.rows) {
    const id = clId(row);
    if (!/^Z@\d+$/.test(id)) clT.fail(row, `bad cluster id "${id}"`);
    const again = clusterIndex.get(id);
    if (again !== undefined) {
      // The official dump repeats a few cluster rows verbatim (e.g. Z@1626 three times in v43.0);
      // an exact repeat adds nothing, a differing one is a damaged file.
      if (clusterRows.get(id) !== row.cells.join('\t')) clT.fail(row, `cluster ${id} defined twice, differently`);
      continue;
    }
    clusterRows.set(id, row.cells.join('\t'));
    const slots = list(clChoices(row)).map((choice, k) => {
      const m = /^(\d+)=([A-Z0-9,]+)$/.exec(choice);
      if (!m || Number(m[1]) !== k + 1) return clT.fail(row, `bad choice "${choice}"`);
      return m[2]!
        .split(',')
        .map((c) => prIndex.get(c) ?? clT.fail(row, `cluster member ${c} is not in pr_attributes.tsv`));
    });
    if (slots.length !== clCount(row)) clT.fail(row, `choice_count ${clCount(row)} but ${slots.length} slots`);
    const suppressionMdcs = list(clSupp(row)).map((m) => {
      if (!/^\d+$/.test(m)) clT.fail(row, `bad MDC "${m}"`);
      return Number(m);
    });
    clusterIndex.set(id, clusters.length);
    clusters.push({ id, suppressionMdcs, slots, attrSet: attrSets.add(list(clAttr(row)).map((a) => names.id(a))) });
  }
  pr.clusters = prClusterIds.map((ids, i) =>
    ids.map((id) => {
      const c = clusterIndex.get(id);
      if (c === undefined) {
        throw new ReleaseFileError(`${dir}/pr_attributes.tsv`, i + 2, `unknown cluster ${id}`);
      }
      return c;
    }),
  );

  // Formulas.
  const fT = parseTsv(read('drg_formulas.tsv'), [
    'mdc',
    'seq',
    'rank',
    'drg',
    'base_drg',
    'med_surg',
    'reroute_mdc',
    'formula_collection',
    'drg_severity',
    'severity_suppression_operands',
    'formula',
  ]);
  const fMdc = fT.int('mdc');
  const fSeq = fT.int('seq');
  const fDrg = fT.int('drg');
  const fBase = fT.int('base_drg');
  const fMs = fT.col('med_surg');
  const fReroute = fT.int('reroute_mdc');
  const fSupp = fT.col('severity_suppression_operands');
  const fFormula = fT.col('formula');
  const formulas: FormulaRow[] = [];
  for (const row of fT.rows) {
    const medSurg = MED_SURG[fMs(row)] ?? fT.fail(row, `bad med_surg "${fMs(row)}"`);
    const formula = fFormula(row);
    if (formula.trim() === '') fT.fail(row, 'empty formula');
    if (!/^[A-Za-z0-9_:&|~() ]+$/.test(formula)) fT.fail(row, `formula has unexpected characters: ${formula}`);
    formulas.push({
      mdc: fMdc(row),
      seq: fSeq(row),
      drg: fDrg(row),
      baseDrg: fBase(row),
      medSurg,
      rerouteMdc: fReroute(row),
      suppress: list(fSupp(row)).map((a) => {
        if (!names.has(a)) fT.fail(row, `unknown suppression operand "${a}"`);
        return names.id(a);
      }),
      formula,
    });
  }
  formulas.sort((a, b) => a.mdc - b.mdc || a.seq - b.seq);
  for (let i = 1; i < formulas.length; i++) {
    const a = formulas[i - 1]!;
    const b = formulas[i]!;
    if (a.mdc === b.mdc && a.seq === b.seq) {
      throw new ReleaseFileError(`${dir}/drg_formulas.tsv`, undefined, `MDC ${a.mdc} has seq ${a.seq} twice`);
    }
  }

  const dT = parseTsv(read('drgs.tsv'), ['drg', 'mdcs', 'med_surg', 'title']);
  const dDrg = dT.int('drg');
  const dMdcs = dT.col('mdcs');
  const dMs = dT.col('med_surg');
  const dTitle = dT.col('title');
  const drgs = dT.rows.map((row) => {
    if (!['SURGICAL', 'MEDICAL', 'NA'].includes(dMs(row))) dT.fail(row, `bad med_surg "${dMs(row)}"`);
    return { drg: dDrg(row), mdcs: list(dMdcs(row)).map(Number), medSurg: dMs(row), title: dTitle(row) };
  });
  const known = new Set(drgs.map((d) => d.drg));
  for (const f of formulas) {
    for (const d of [f.drg, f.baseDrg]) {
      if (d !== 0 && !known.has(d))
        throw new ReleaseFileError(`${dir}/drg_formulas.tsv`, undefined, `DRG ${d} is not in drgs.tsv`);
    }
  }

  const bT = parseTsv(read('base_drgs.tsv'), ['base_drg', 'title']);
  const bDrg = bT.int('base_drg');
  const bTitle = bT.col('title');
  const baseDrgs = bT.rows.map((row) => ({ drg: bDrg(row), title: bTitle(row) }));

  const mT = parseTsv(read('mdcs.tsv'), ['mdc', 'title', 'has_formulas']);
  const mMdc = mT.int('mdc');
  const mTitle = mT.col('title');
  const mdcs = mT.rows.map((row) => ({ mdc: mMdc(row), title: mTitle(row) }));

  const hT = parseTsv(read('hac_formulas.tsv'), ['hac_number', 'hac_title', 'formula_collection', 'formula']);
  const hNum = hT.int('hac_number');
  const hTitle = hT.col('hac_title');
  const hFormula = hT.col('formula');
  const hacFormulas = hT.rows.map((row) => ({ hac: hNum(row), title: hTitle(row), formula: hFormula(row) }));

  return {
    payloadVersion: GROUPER_PAYLOAD_VERSION,
    version,
    attributes: names.names,
    attrSets: attrSets.sets,
    dx,
    exclSets: exclSets.sets,
    exclGroups,
    pr,
    clusters,
    formulas,
    drgs,
    baseDrgs,
    mdcs,
    hacFormulas,
  };
}
