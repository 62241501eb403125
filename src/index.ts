// Public API of retention-metrics. Exports only: no logic lives here.
export { Decimal } from 'decimal.js';
export {
  RetentionError,
  InvalidInputError,
  InvalidOptionError,
  isRetentionError,
  type InputField,
} from './errors.ts';
export type {
  CustomerId,
  DateInput,
  AmountInput,
  TransactionRecord,
  SkippedRecord,
  Ledger,
} from './input/types.ts';

// --- input (ledger) ---

// --- metrics ---

// --- calendar ---

// --- cohort ---

// --- segments ---

// --- models ---

// --- simulate ---
