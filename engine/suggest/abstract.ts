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
export const firstListedPrincipal: PrincipalSelector = ({ diagnoses }) => [...diagnoses];

/**
 * Builds the abstract. Reportable today: the suggestions at or above the display threshold
 * ({@link DISPLAY_THRESHOLD}); the rest is "also documented".
 *
 * @example buildAbstract(suggester.suggest(text), text).principal?.code // 'A41.51'
 */
export function buildAbstract(result: SuggestResult, text: string, options: AbstractOptions = {}): CodedAbstract {
  const setting: Setting = result.setting;
  const shown = (s: Suggestion): boolean => s.score >= DISPLAY_THRESHOLD;
  const dx = result.diagnoses.filter(shown).map(toAbstractEntry);
  const ordered = (options.selectPrincipal ?? firstListedPrincipal)({ text, setting, diagnoses: dx });
  const withPoa = options.assignPoa ? options.assignPoa({ text, setting, diagnoses: ordered }) : ordered;
  return {
    principal: withPoa[0],
    secondary: withPoa.slice(1),
    procedures: result.procedures.filter(shown).map(toAbstractEntry),
    alsoDocumented: [...result.diagnoses, ...result.procedures].filter((s) => !shown(s)).map(toAbstractEntry),
    suppressed: [],
  };
}
