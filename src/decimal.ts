// The `Decimal` class the library's money values are instances of (decimal.js), re-exported from its own
// module so that a bundle that does not use it can leave decimal.js out.
export { Decimal } from 'decimal.js';
