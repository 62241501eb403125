// Test helper: run a call that must throw an InvalidOptionError, and return the error for assertions.
import { expect } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';

/** The InvalidOptionError thrown by `run` (the test fails if it throws anything else or nothing). */
export function optionError(run: () => unknown): InvalidOptionError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidOptionError);
    return error as InvalidOptionError;
  }
  throw new Error('expected an InvalidOptionError');
}
