/**
 * The coded abstract from a suggestion result: which codes a coder would report (principal or
 * first-listed, secondary, procedures) and which are only documented.
 */
import type {
  AbstractEntry,
  CodedAbstract,
  PoaAssigner,
  PrincipalSelector,
  Setting,
  Suggestion,
  SuggestResult,
} from './types';
import { DISPLAY_THRESHOLD } from './types';
import type { TextAnalysis } from '../text';

/** Options of {@link buildAbstract}. */
export interface AbstractOptions {
  /** Principal selection (default: the first reportable diagnosis stands as principal). */
  selectPrincipal?: PrincipalSelector;
  /** POA assignment (default: none, `poa` left unset). */
  assignPoa?: PoaAssigner;
}

/** The abstract entry of a suggestion, quoting its best evidence. */
export function toAbstractEntry(s: Suggestion): AbstractEntry {
  const best = s.evidence[0];
  const c = best?.context;
  const assertion = !c
    ? 'affirmed'
    : c.negated
      ? 'negated'
      : c.family
        ? 'family'
        : c.hypothetical
          ? 'hypothetical'
          : c.historical
            ? 'historical'
            : c.uncertain
              ? 'uncertain'
              : 'affirmed';
  return {
    code: s.code,
    title: s.title,
    system: s.system,
    quote: best?.text ?? '',
    start: best?.start ?? 0,
    end: best?.end ?? 0,
    assertion,
    rules: [],
  };
}

/** Keeps the order: the first reportable diagnosis stands as principal. */
export const firstListedPrincipal: PrincipalSelector = ({ diagnoses }) => {
  const first = diagnoses[0];
  return {
    principal: first && {
      code: first.code,
      rule: 'first-listed',
      reason: 'first reportable diagnosis (no principal selection applied)',
      quote: first.evidence[0]?.text ?? '',
    },
  };
};

/**
 * Builds the abstract. Reportable today: the suggestions at or above the display threshold
 * ({@link DISPLAY_THRESHOLD}); the rest is "also documented".
 *
 * @example buildAbstract(suggester.suggest(text), text, analyzeText(text)).principal?.code // 'A41.51'
 */
export function buildAbstract(
  result: SuggestResult,
  text: string,
  analysis: TextAnalysis,
  options: AbstractOptions = {},
): CodedAbstract {
  const setting: Setting = result.setting;
  const shown = (s: Suggestion): boolean => s.score >= DISPLAY_THRESHOLD;
  const reportable = result.diagnoses.filter(shown);
  const input = { text, setting, analysis, diagnoses: reportable };
  const { principal, secondaryOrder = [] } = (options.selectPrincipal ?? firstListedPrincipal)(input);
  const poa = options.assignPoa?.(input);
  const entry = (s: Suggestion): AbstractEntry => {
    const e = toAbstractEntry(s);
    const p = poa?.get(s.code);
    return p ? { ...e, poa: p.poa, poaReason: p.reason } : e;
  };
  const rank = (code: string): number => {
    const i = secondaryOrder.indexOf(code);
    return i < 0 ? secondaryOrder.length : i;
  };
  const p = reportable.find((s) => s.code === principal?.code);
  const secondary = reportable.filter((s) => s !== p).sort((a, b) => rank(a.code) - rank(b.code));
  return {
    principal:
      p && principal
        ? { ...entry(p), rules: [{ rule: principal.rule, action: 'keep', reason: principal.reason }] }
        : undefined,
    secondary: secondary.map(entry),
    procedures: result.procedures.filter(shown).map(toAbstractEntry),
    alsoDocumented: [...result.diagnoses, ...result.procedures].filter((s) => !shown(s)).map(toAbstractEntry),
    suppressed: [],
  };
}
