/**
 * The coder's decisions on suggestions for the chart on screen, and the accepted codes as a case
 * abstract: the one place the shell, the case workspace and the DRG panel read them from
 * (`subscribeAccepted`). Kept in memory; the case workspace decides what is saved.
 */
import type { PrincipalDecision, Suggestion } from '../../engine/suggest';
import type { Decision } from './suggest-panel';

/**
 * Accepted codes in acceptance order. The diagnosis that leads is the best ranked principal
 * candidate of the chart's abstract among the accepted ones (Official Guidelines Section II/IV, as
 * the sequencing stage ranked them), else the first accepted possible principal, else the first.
 */
export interface AcceptedAbstract {
  diagnoses: { code: string; title: string; principal: boolean }[];
  procedures: { code: string; title: string }[];
  /** The chart's ranked principal candidates (best first), each with its guideline and reason. */
  principalCandidates: { code: string; rule: string; reason: string }[];
}

type Listener = (a: AcceptedAbstract) => void;

/** Decisions of one chart (keyed by snapshot url). */
export class SuggestionDecisions {
  private readonly decisions = new Map<string, Decision>();
  private readonly accepted = new Map<string, Suggestion>();
  private readonly listeners = new Set<Listener>();
  private ranked: readonly PrincipalDecision[] = [];

  /** Current decisions by suggestion id. */
  get map(): ReadonlyMap<string, Decision> {
    return this.decisions;
  }

  decide(s: Suggestion, d: Decision | undefined): void {
    if (d) this.decisions.set(s.id, d);
    else this.decisions.delete(s.id);
    if (d === 'accepted') this.accepted.set(s.id, s);
    else this.accepted.delete(s.id);
    const a = this.abstract();
    for (const l of this.listeners) l(a);
  }

  /** The ranked principal candidates of the chart now shown (from its abstract); notifies listeners. */
  rank(ranked: readonly PrincipalDecision[]): void {
    this.ranked = ranked;
    const a = this.abstract();
    for (const l of this.listeners) l(a);
  }

  /** The accepted codes as an abstract. */
  abstract(): AcceptedAbstract {
    const list = [...this.accepted.values()];
    const dx = list.filter((s) => s.system === 'cm');
    const ranked = this.ranked.map((r) => dx.find((s) => s.code === r.code)).find((s) => s !== undefined);
    const principal = ranked ?? dx.find((s) => s.flags.includes('possible-principal')) ?? dx[0];
    return {
      diagnoses: [...(principal ? [principal] : []), ...dx.filter((s) => s !== principal)].map((s) => ({
        code: s.code,
        title: s.title,
        principal: s === principal,
      })),
      procedures: list.filter((s) => s.system === 'pcs').map((s) => ({ code: s.code, title: s.title })),
      principalCandidates: this.ranked.map(({ code, rule, reason }) => ({ code, rule, reason })),
    };
  }

  /** Calls `l` on every change; returns an unsubscribe. */
  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}

/** The side panel's decisions (one panel per window). */
export const sidePanelDecisions = new SuggestionDecisions();

/** Subscribe to the accepted codes of the side panel (case workspace, DRG panel). */
export function subscribeAccepted(l: Listener): () => void {
  return sidePanelDecisions.subscribe(l);
}
