// The emitted SQL, run by DuckDB and by PostgreSQL (PGlite), finished in JavaScript, equals the
// in-process result: on the CDNOW file and on random ledgers (refunds, zero-value orders, ties at one
// instant, instants near local midnight in zones with DST). The tests are those of equality-suite.ts.
import { describe } from 'vitest';
import { readCdnow } from '../../example/cdnow.ts';
import { ledger } from '../../src/index.ts';
import { useEngines } from './engines.ts';
import { breakdownTests } from './breakdown-suite.ts';
import { equalityTests } from './equality-suite.ts';
import { eventsOf } from './ledgers.ts';

const cdnow = ledger(readCdnow());
const engineNamed = useEngines({ cdnow: eventsOf(cdnow) });

describe.each(['duckdb', 'postgres'] as const)('%s', (name) => {
  equalityTests(() => engineNamed(name), cdnow, { scale: 1 });
});

describe.each(['duckdb', 'postgres'] as const)('%s breakdowns', (name) => {
  breakdownTests(() => engineNamed(name), { scale: 1 });
});
