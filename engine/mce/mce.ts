/**
 * The Medicare Code Editor v43.1: every edit of the component's list that the tables can fire
 * (mce-v431/README.md, "Edits (v43.1) and the lists they use"), each with the code it applies to,
 * plus the present-on-admission validation.
 *
 * Verified against CMS's MCE on every fixture claim (engine/mce/mce.golden.test.ts). Edits
 * whose lists are empty in v43.1, or whose exact conditions the README marks as not verified
 * (conditional non-coverage, length of stay), follow the README's description.
 *
 * @example
 * const mce = Mce.fromBundle(reader);
 * mce.edit({ pdx: 'Z4502', sdx: [], procedures: [], age: 60, sex: 'F', dischargeStatus: '01',
 *   dischargeDate: '2025-11-15' }).counts; // [['QUESTIONABLE_ADMISSION', 1]]
 */
import { BundleFormatError } from '../bundle/format';
import { readJson, type BundleReader } from '../bundle/reader';
import { normalizeCode } from '../codes/normalize';
import { normalizeDischargeStatus } from '../grouper/grouper';
import { CodeIndex } from '../grouper/tables';
import { MCE_BLOCK, MCE_PAYLOAD_VERSION, type McePayload } from './payload';
import type { EditTarget, MceClaim, MceEdit, MceResult, PoaFinding } from './types';
import { ChartsideError } from '../errors';

/** Raised for a claim the editor cannot read at all (no usable discharge date). */
export class ChartsideMceClaimError extends ChartsideError {
  override name = 'ChartsideMceClaimError';
}

/**
 * CMS deactivated the sex edits for discharges from this date (as CMS's MCE 43.1 answers on the
 * `mce_*_expected.tsv` oracle fixture claims): before it a code on the other sex's list is a
 * SEX_CONFLICT and an unknown sex is INVALID_SEX (CMS's MCE on the 2015-2024 fixture claims);
 * from it neither fires.
 */
const SEX_EDITS_OFF_FROM = 20241001;
const POA_VALUES = new Set(['Y', 'N', 'U', 'W', '1', '']);

/** Parses `YYYY-MM-DD` or `yyyyMMdd` to a yyyymmdd number (NaN when malformed). */
export function dateNumber(date: string): number {
  const d = date.trim().replaceAll('-', '');
  return /^\d{8}$/.test(d) ? Number(d) : NaN;
}

/**
 * True when a yyyymmdd number can be edited: month 01-12 and day 01-31, on or before the last
 * day the tables cover. CMS's MCE checks only those ranges: a day past the month's end
 * (20260231) is edited like any other date, and a date before the tables' history makes every
 * code INVALID_CODE rather than the date invalid (README-poa-hac.md, `exp_edit_type`).
 */
export function isEditableDate(yyyymmdd: number, lastDate: number): boolean {
  const month = Math.floor(yyyymmdd / 100) % 100;
  const day = yyyymmdd % 100;
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && yyyymmdd <= lastDate;
}

function days(yyyymmdd: number): number {
  const y = Math.floor(yyyymmdd / 10000);
  const m = Math.floor(yyyymmdd / 100) % 100;
  const d = yyyymmdd % 100;
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Sex notations (CMS / UB-04) -> M, F, U. */
const SEX_CODES: Record<string, string | undefined> = { M: 'M', '1': 'M', F: 'F', '2': 'F', U: 'U', '0': 'U' };

/** Attributes the edits read by name. */
const ATTR_NAMES = [
  'BILATERAL',
  'BIOPSY',
  'COV_Z006A',
  'COV_Z006B',
  'CSECT',
  'DELOUT',
  'ECODEPDX',
  'FEMALE',
  'LCOV',
  'LOS',
  'MALE',
  'MANIF',
  'MSP',
  'NCOV_A',
  'NCOV_B',
  'NCOV_B_KXP',
  'NCOV_B_PXP',
  'NCOV_D',
  'NCOV_E',
  'NCOV_F',
  'NCOV_G',
  'NONSPECIFIC',
  'QADM',
  'REQSDX',
  'UNACCEPTABLE',
  'UNSPECIFIED',
  'VAGDEL',
  'WRNGPROC',
] as const;
type AttrName = (typeof ATTR_NAMES)[number];

/** True when `attrs` (null = invalid code) holds attribute `id` (-1 = not in the tables). */
function hasId(attrs: readonly number[] | null, id: number): boolean {
  return attrs !== null && id >= 0 && attrs.includes(id);
}

class CodeTable {
  /** Distinct code -> position in {@link first} / {@link count} (rows of a code are consecutive). */
  private readonly index: CodeIndex;
  private readonly first: Int32Array;
  private readonly count: Int32Array;
  constructor(
    private readonly t: McePayload['dx'],
    private readonly sets: number[][],
    private readonly periods: [number, number][],
  ) {
    const pos = new Map<string, number>();
    const first: number[] = [];
    const count: number[] = [];
    t.codes.split(' ').forEach((c, i) => {
      const k = pos.get(c);
      if (k !== undefined) count[k]!++;
      else {
        pos.set(c, first.length);
        first.push(i);
        count.push(1);
      }
    });
    this.index = new CodeIndex([...pos.keys()], () => pos);
    this.first = Int32Array.from(first);
    this.count = Int32Array.from(count);
  }
  /** Attribute ids of the row valid on the date, or null when the code is invalid then. */
  lookup(code: string, date: number): number[] | null {
    const k = this.index.get(code);
    if (k < 0) return null;
    const i0 = this.first[k]!;
    const n = this.count[k]!;
    for (let i = i0; i < i0 + n; i++) {
      const [from, to] = this.periods[this.t.period[i]!]!;
      if (from <= date && date <= to) return this.sets[this.t.attrSet[i]!]!;
    }
    return null;
  }
}

/** The Medicare Code Editor over one loaded `mce-43.1` bundle. */
export class Mce {
  readonly version: string;
  readonly release: string;
  private readonly dx: CodeTable;
  private readonly pr: CodeTable;
  private readonly attr = new Map<string, number>();
  private readonly editInfo = new Map<string, { number: number; editType: string }>();
  /** POA-exempt codes (a code is exempt when its index is >= 0). */
  private readonly poaExempt: CodeIndex;
  /** Last discharge date the tables cover (yyyymmdd): the latest end of a validity period. */
  readonly lastDate: number;

  private constructor(
    readonly payload: McePayload,
    release: string,
  ) {
    this.version = payload.version;
    this.release = release;
    this.dx = new CodeTable(payload.dx, payload.attrSets, payload.periods);
    this.pr = new CodeTable(payload.pr, payload.attrSets, payload.periods);
    payload.attributes.forEach((a, i) => this.attr.set(a, i));
    for (const e of payload.edits) this.editInfo.set(e.edit, { number: e.number, editType: e.editType });
    this.poaExempt = new CodeIndex(payload.poaExempt, () => new Map(payload.poaExempt.map((c, i) => [c, i])));
    this.a = Object.fromEntries(ATTR_NAMES.map((name) => [name, this.attr.get(name) ?? -1])) as Record<
      AttrName,
      number
    >;
    this.ageRangeIds = payload.ageRanges.map((r) => this.attr.get(r.group.toUpperCase()) ?? -1);
    this.lastDate = payload.periods.reduce((max, [, to]) => Math.max(max, to), 0);
  }

  /** Loads the editor from an `mce-43.1` bundle. */
  static fromBundle(reader: BundleReader): Mce {
    const p = readJson<McePayload>(reader, MCE_BLOCK);
    if (p.payloadVersion !== MCE_PAYLOAD_VERSION) {
      throw new BundleFormatError(
        `bundle ${reader.header.id} has MCE payload version ${String(p.payloadVersion)}; this build reads ${MCE_PAYLOAD_VERSION}. Rebuild the code tables.`,
      );
    }
    return new Mce(p, reader.header.release);
  }

  /** Attribute ids of the attributes the edits read, resolved once (-1 = not in the tables). */
  private readonly a: Record<AttrName, number>;
  /** Attribute id of each age range's group (aligned with `payload.ageRanges`; -1 = none). */
  private readonly ageRangeIds: number[];

  /**
   * Runs every edit on a claim.
   *
   * @throws ChartsideMceClaimError when the discharge date is missing or malformed.
   */
  edit(claim: MceClaim): MceResult {
    const date = dateNumber(claim.dischargeDate ?? '');
    if (Number.isNaN(date))
      throw new ChartsideMceClaimError(`discharge date "${claim.dischargeDate}" is not a date (YYYY-MM-DD)`);
    // CMS's MCE runs no edit on a date it cannot edit (an impossible month or day, or after the
    // tables' last day): the claim's answer is INVALID_DISCHARGE_DATE.
    if (!isEditableDate(date, this.lastDate))
      return { version: this.version, editType: 'INVALID_DISCHARGE_DATE', edits: [], counts: [], poa: [] };
    const edits: MceEdit[] = [];
    const add = (edit: string, target: EditTarget, message: string) => {
      const info = this.editInfo.get(edit);
      if (!info) throw new BundleFormatError(`MCE table has no edit ${edit}`);
      edits.push({ edit, number: info.number, editType: info.editType, target, message });
    };
    const age = claim.age;
    const ageValid = Number.isInteger(age) && age >= 0 && age <= 124;
    const sexEditsActive = date < SEX_EDITS_OFF_FROM;
    const sexCode = SEX_CODES[claim.sex.trim().toUpperCase()];
    // While the sex edits were active an unknown sex was invalid too, and a male- or female-only
    // code conflicted with any sex but its own (CMS's MCE on the 2015-2024 fixture claims).
    const sex = sexEditsActive && sexCode === 'U' ? undefined : sexCode;
    const sexConflict = (attrs: readonly number[]) =>
      sexEditsActive && ((sex !== 'M' && hasId(attrs, this.a.MALE)) || (sex !== 'F' && hasId(attrs, this.a.FEMALE)));
    const status = normalizeDischargeStatus(claim.dischargeStatus ?? '');

    // Claim-level edits.
    if (!ageValid) add('INVALID_AGE', { kind: 'claim' }, `age ${String(age)} is not 0-124`);
    if (!sex) add('INVALID_SEX', { kind: 'claim' }, `sex "${claim.sex}" is not M, F or U`);
    if (!this.payload.dischargeStatus.some((s) => s.code === status && s.from <= date && date <= s.to)) {
      add(
        'INVALID_DISCHARGE_STATUS',
        { kind: 'claim' },
        `discharge status "${claim.dischargeStatus}" is not a valid UB-04 code on ${date}`,
      );
    }

    const pdx = normalizeCode(claim.pdx ?? '');
    const pdxAttrs = pdx ? this.dx.lookup(pdx, date) : null;
    const sdx = claim.sdx.map((s) => {
      const code = normalizeCode(s.code);
      return { code, poa: (s.poa ?? '').trim().toUpperCase(), attrs: this.dx.lookup(code, date) };
    });
    const allDx = [...(pdx ? [{ code: pdx, attrs: pdxAttrs }] : []), ...sdx];
    const procs = claim.procedures.map((raw) => {
      const code = normalizeCode(raw);
      return { code, attrs: this.pr.lookup(code, date) };
    });
    const ranges = this.payload.ageRanges;

    // Order of a code's edits as CMS's component lists them (fixture): for the principal the
    // unspecified edit comes after the age edit, for a secondary before it.
    const unspecified = (target: EditTarget & { code: string }, attrs: number[]) => {
      if (hasId(attrs, this.a.UNSPECIFIED))
        add('UNSPECIFIED', target, `${target.code} is unspecified (e.g. laterality); a more specific code is required`);
    };
    // Within one code CMS lists the age edit before the sex edit (edit numbers 3 and 2), and
    // compares an out-of-range age (-1, 999) with the group's range all the same.
    const generalDx = (target: EditTarget & { code: string }, attrs: number[]) => {
      if (Number.isInteger(age)) {
        for (let k = 0; k < ranges.length; k++) {
          const r = ranges[k]!;
          if (!(r.from <= date && date <= r.to)) continue;
          if (hasId(attrs, this.ageRangeIds[k]!) && (age < r.start || age > r.end)) {
            add(
              'AGE_CONFLICT',
              target,
              `${target.code} is a ${r.group.toLowerCase()} diagnosis (ages ${r.start}-${r.end}); patient is ${age}`,
            );
            break;
          }
        }
      }
      if (sexConflict(attrs)) add('SEX_CONFLICT', target, `${target.code} conflicts with sex ${claim.sex}`);
      if (hasId(attrs, this.a.MSP))
        add('MEDICARE_IS_SECONDARY_PAYER', target, `${target.code}: Medicare may be the secondary payer`);
      if (hasId(attrs, this.a.WRNGPROC))
        add('WRONG_PROCEDURE_PERFORMED', target, `${target.code} reports a wrong surgery`);
    };

    // Principal diagnosis (CMS reports a missing one as an invalid code).
    {
      const target = { kind: 'pdx' as const, index: 0, code: pdx };
      if (!pdx) add('INVALID_CODE', target, 'no principal diagnosis');
      else if (!pdxAttrs) add('INVALID_CODE', target, `${pdx} is not a valid ICD-10-CM code on ${date}`);
      else {
        if (hasId(pdxAttrs, this.a.QADM))
          add('QUESTIONABLE_ADMISSION', target, `${pdx} is a questionable reason for inpatient admission`);
        if (hasId(pdxAttrs, this.a.MANIF))
          add('MANIFESTATION_AS_PDX', target, `${pdx} is a manifestation code and cannot be principal`);
        if (hasId(pdxAttrs, this.a.NONSPECIFIC) && status !== '20')
          add('NONSPECIFIC_PDX', target, `${pdx} is a non-specific principal diagnosis`);
        if (hasId(pdxAttrs, this.a.ECODEPDX))
          add('E_CODE_AS_PDX', target, `${pdx} is an external-cause code and cannot be principal`);
        if (hasId(pdxAttrs, this.a.UNACCEPTABLE)) {
          if (!hasId(pdxAttrs, this.a.REQSDX))
            add('UNACCEPTABLE_PDX', target, `${pdx} is unacceptable as principal diagnosis`);
          else if (sdx.length === 0) add('REQUIRES_SDX', target, `${pdx} as principal requires a secondary diagnosis`);
        }
        generalDx(target, pdxAttrs);
        unspecified(target, pdxAttrs);
      }
    }
    // Secondary diagnoses.
    sdx.forEach((s, i) => {
      const target = { kind: 'sdx' as const, index: i, code: s.code };
      // The principal repeated, a missing one too (CMS compares the codes as given).
      const dup = s.code === pdx;
      if (!s.attrs) {
        add('INVALID_CODE', target, `${s.code} is not a valid ICD-10-CM code on ${date}`);
        if (dup) add('DUPLICATE_OF_PDX', target, `${s.code} repeats the principal diagnosis`);
        return;
      }
      if (dup) add('DUPLICATE_OF_PDX', target, `${s.code} repeats the principal diagnosis`);
      unspecified(target, s.attrs);
      generalDx(target, s.attrs);
    });

    // Procedures.
    const anyDx = (id: number) => allDx.some((d) => hasId(d.attrs, id));
    const anyProc = (id: number) => procs.some((p) => hasId(p.attrs, id));
    const los = claim.admissionDate ? days(date) - days(dateNumber(claim.admissionDate)) : NaN;
    procs.forEach((p, i) => {
      const target = { kind: 'procedure' as const, index: i, code: p.code };
      const a = p.attrs;
      if (!a) {
        add('INVALID_CODE', target, `${p.code} is not a valid ICD-10-PCS code on ${date}`);
        return;
      }
      if (sexConflict(a)) add('SEX_CONFLICT', target, `${p.code} conflicts with sex ${claim.sex}`);
      if (hasId(a, this.a.NONSPECIFIC)) add('NONSPECIFIC_OR', target, `${p.code} is a non-specific O.R. procedure`);
      if (hasId(a, this.a.BIOPSY)) add('OPEN_BIOPSY', target, `${p.code} is an open biopsy`);
      const nonCovered =
        hasId(a, this.a.NCOV_A) ||
        (hasId(a, this.a.NCOV_B_PXP) && !anyProc(this.a.NCOV_B_KXP) && !anyDx(this.a.NCOV_B)) ||
        // Stem-cell / bone-marrow transfusions: not covered with a listed leukaemia anywhere on the
        // claim, secondary too (CMS's MCE on the edge fixtures).
        (hasId(a, this.a.NCOV_D) && anyDx(this.a.NCOV_D)) ||
        (hasId(a, this.a.NCOV_E) && hasId(pdxAttrs, this.a.NCOV_E)) ||
        (hasId(a, this.a.NCOV_F) && ageValid && age > 60) ||
        (hasId(a, this.a.NCOV_G) && hasId(pdxAttrs, this.a.NCOV_G));
      if (nonCovered) add('NON_COVERED', target, `${p.code} is not covered by Medicare in this case`);
      if (hasId(a, this.a.BILATERAL)) add('BILATERAL', target, `${p.code}: bilateral procedure`);
      // A procedure that is not covered at all is not also of limited coverage (CMS's MCE: a pancreas
      // transplant without type 1 diabetes or a kidney transplant is NON_COVERED only).
      if (!nonCovered && (hasId(a, this.a.LCOV) || hasId(a, this.a.COV_Z006A) || hasId(a, this.a.COV_Z006B))) {
        add('LIMITED_COVERAGE', target, `${p.code} is covered only under limited circumstances`);
      }
      // The outcome of delivery must be a secondary diagnosis: a Z37 principal does not count
      // (it is unacceptable as principal; CMS's MCE still questions the delivery).
      if ((hasId(a, this.a.CSECT) || hasId(a, this.a.VAGDEL)) && !sdx.some((d) => hasId(d.attrs, this.a.DELOUT))) {
        add(
          'QUESTIONABLE_OBSTETRIC_ADMISSION',
          target,
          `${p.code} is a delivery without an outcome-of-delivery diagnosis`,
        );
      }
      if (hasId(a, this.a.LOS) && !Number.isNaN(los) && los < 4) {
        add('INCONSISTENT_WITH_LENGTH_OF_STAY', target, `${p.code} (ventilation > 96 hours) with a ${los}-day stay`);
      }
    });

    // POA validation.
    const poa: PoaFinding[] = [];
    const checkPoa = (code: string, index: number, value: string) => {
      if (!POA_VALUES.has(value)) {
        // Reported as a POA finding, not as an MCE edit: the component's INVALID_POA has no edit
        // type (mce_edits.tsv) and is not among the fixture's edit counts.
        poa.push({
          code,
          index,
          poa: value,
          kind: 'invalid-value',
          message: `${code}: POA "${value}" is not Y, N, U, W, 1 or blank`,
        });
      } else if (!claim.poaExemptHospital) {
        const exempt = this.poaExempt.get(code) >= 0;
        if (exempt && value !== '' && value !== '1') {
          poa.push({
            code,
            index,
            poa: value,
            kind: 'reported-on-exempt-code',
            message: `${code} is exempt from POA reporting: leave POA blank (or 1)`,
          });
        } else if (!exempt && (value === '' || value === '1')) {
          poa.push({
            code,
            index,
            poa: value,
            kind: 'missing',
            message: `${code} needs a POA indicator (Y, N, U or W)`,
          });
        }
      }
    };
    if (pdx && claim.pdxPoa !== undefined) checkPoa(pdx, 0, claim.pdxPoa.trim().toUpperCase());
    sdx.forEach((s, i) => checkPoa(s.code, i, s.poa));

    const countMap = new Map<string, number>();
    for (const e of edits) countMap.set(e.edit, (countMap.get(e.edit) ?? 0) + 1);
    const counts = [...countMap].sort((x, y) => this.editInfo.get(x[0])!.number - this.editInfo.get(y[0])!.number);
    const pre = edits.some((e) => e.editType === 'PREPAYMENT');
    const post = edits.some((e) => e.editType === 'POSTPAYMENT');
    return {
      version: this.version,
      editType: pre && post ? 'BOTH' : pre ? 'PREPAYMENT' : post ? 'POSTPAYMENT' : 'NONE',
      edits,
      counts,
      poa,
    };
  }
}
