// Test helpers: run a call that must throw a given typed error, and return the error for assertions.
import { expect } from 'vitest';
import { InvalidInputError, InvalidOptionError } from '../../src/errors.ts';

/** The error of class `type` thrown by `run` (the test fails if it throws anything else or nothing). */
function thrown<E extends Error>(type: new (...args: never[]) => E, run: () => unknown): E {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(type);
    return error as E;
  }
  throw new Error(`expected ${type.name}`);
}

/** The InvalidOptionError thrown by `run`. */
export function optionError(run: () => unknown): InvalidOptionError {
  return thrown(InvalidOptionError, run);
}

/** The InvalidInputError thrown by `run`. */
export function inputError(run: () => unknown): InvalidInputError {
  return thrown(InvalidInputError, run);
}
