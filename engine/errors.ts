/**
 * The one base class of Chartside's own errors.
 *
 * Every error Chartside raises on purpose (a malformed bundle, an unknown code, a usage mistake, a
 * vault that is locked) extends {@link ChartsideError} and sets a `name` starting with `Chartside`.
 * Callers rely on it at two boundaries:
 * - the CLI prints a Chartside error as a plain message (the user can act on it) and anything else
 *   as an internal error with its stack (a bug to report);
 * - across the worker boundary Comlink keeps an error's `name` and `message` but not its prototype,
 *   so {@link isChartsideError} tests the name, which survives the trip.
 *
 * @example
 * class ChartsideWidgetError extends ChartsideError {
 *   override name = 'ChartsideWidgetError';
 * }
 */
export class ChartsideError extends Error {
  override name = 'ChartsideError';
}

/** True for a {@link ChartsideError}, also one that crossed the worker boundary (by its name). */
export function isChartsideError(error: unknown): error is Error {
  return error instanceof ChartsideError || (error instanceof Error && error.name.startsWith('Chartside'));
}
