// Loyalty tiers from the emitted SQL, run by DuckDB and by PostgreSQL (PGlite), finished in
// JavaScript, equal `loyaltyTiers` in process: the tests of tier-suite.ts.
import { describe } from 'vitest';
import { readCdnow } from '../../example/cdnow.ts';
import { ledger } from '../../src/index.ts';
import { useEngines } from './engines.ts';
import { eventsOf } from './ledgers.ts';
import { tierTests } from './tier-suite.ts';

/** CDNOW with its ids as text, as the engines' tables hold them, its calendar in New York. */
const cdnow = ledger(
  readCdnow().map((r) => ({ ...r, customerId: String(r.customerId) })),
  { timeZone: 'America/New_York' },
);
const engineNamed = useEngines({ cdnow: eventsOf(cdnow) });

describe.each(['duckdb', 'postgres'] as const)('%s', (name) => {
  tierTests(() => engineNamed(name), cdnow, { scale: 1 });
});
