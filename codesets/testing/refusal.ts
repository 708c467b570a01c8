/** Catching the refusal of a release file in tests. */
import { ReleaseFileError } from '../builder';

/**
 * Runs `fn` and returns the {@link ReleaseFileError} it throws; anything else thrown is re-thrown,
 * and nothing thrown fails the test.
 */
export function refusal(fn: () => unknown): ReleaseFileError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ReleaseFileError) return e;
    throw e;
  }
  throw new Error('expected a ReleaseFileError, nothing was thrown');
}
