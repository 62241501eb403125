// The single-report commands and their --csv tables, on a small file; forecast --save-model on CDNOW
// and score reading its customers on standard input.
import { beforeAll, describe, expect, test } from 'vitest';
import { run } from '../../src/cli/run.ts';
import { CDNOW, type RunResult, memoryIo, runCli, tempDir, writeTemp } from './memory-io.ts';

let small: string;

beforeAll(() => {
  const dir = tempDir();
  small = writeTemp(
    dir,
    'orders.csv',
    [
      'order_id,customer_id,created_at,total',
      '1,a,2024-01-05,20.00',
      '2,a,2024-02-10,30.00',
      '3,b,2024-01-20,15.00',
      '4,c,2024-02-02,50.00',
      '5,c,2024-03-15,10.00',
      '5,c,2024-03-15,5.00',
    ].join('\n'),
  );
});

describe('single reports with --csv', () => {
  test('rfm prints the segments and writes one row per customer', async () => {
    const r = await runCli(['rfm', small, '--as-of', '2024-03-31', '--csv', 'rfm.csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('RFM segments');
    const lines = r.written.get('rfm.csv')?.trimEnd().split('\n') ?? [];
    expect(lines[0]).toBe('customer_id,last_order,recency_days,frequency,monetary,r,f,m,segment');
    expect(lines).toHaveLength(4);
    expect(lines.find((l) => l.startsWith('c,'))).toMatch(/^c,2024-03-15,16,2,65\.00,/);
  });

  test('cohorts writes one row per cohort and month, rates as ratios', async () => {
    const r = await runCli(['cohorts', small, '--as-of', '2024-03-31', '--csv', 'cohorts.csv']);
    expect(r.code).toBe(0);
    const csv = r.written.get('cohorts.csv') ?? '';
    expect(csv.split('\n')[0]).toBe('cohort,cohort_size,offset,customers,rate,complete,net_revenue,cumulative_revenue_per_customer');
    expect(csv).toContain('2024-01,2,1,1,0.5,true,30.00,32.50');
  });

  test('dormancy writes each customer\'s days since the last order', async () => {
    const r = await runCli(['dormancy', small, '--as-of', '2024-06-30', '--csv', 'dormancy.csv']);
    expect(r.code).toBe(0);
    expect(r.written.get('dormancy.csv')).toContain('b,2024-01-20,162,1,,atRisk,15.00');
  });

  test('the order-id column is guessed and lines sharing an order id are one order', async () => {
    const r = await runCli(['dormancy', small, '--csv', 'dormancy.csv']);
    expect(r.stderr).toContain('order id = order_id');
    expect(r.stdout).toMatch(/^orders\.csv: 6 records, 3 customers; as of 2024-03-15 \(UTC\), by month$/m);
    expect(r.written.get('dormancy.csv')).toMatch(/^c,2024-03-15,0,2,/m);
  });

  test('--as-of leaves later orders out of the headline numbers', async () => {
    const r = await runCli(['report', small, '--as-of', '2024-01-31']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^orders +2$/m);
    expect(r.stdout).toMatch(/^last order +2024-01-20$/m);
  });

  test('--time-zone moves the default as-of day to the local day of the last order', async () => {
    const dir = tempDir();
    const path = writeTemp(dir, 'late.csv', 'customer_id,created_at,total\na,2024-03-15T23:30:00Z,5.00\n');
    const r = await runCli(['dormancy', path, '--time-zone', 'Europe/Berlin']);
    expect(r.stdout).toContain('as of 2024-03-16 (Europe/Berlin)');
  });
});

describe('too little data for the models', () => {
  test('report still exits 0 and says why there are no predictions', async () => {
    const r = await runCli(['report', small, '--html', 'small.html']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(no predictions: the purchase model could not be fitted on this data — BG/NBD: ');
    expect(r.written.get('small.html')).toContain('<section id="clv">');
  });

  test('forecast, which is nothing but the models, exits 1 with the fit\'s reason', async () => {
    const r = await runCli(['forecast', small]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: BG\/NBD: /m);
  });
});

describe('forecast and score on CDNOW', () => {
  let forecast: RunResult;

  beforeAll(async () => {
    forecast = await runCli(['forecast', CDNOW, '--top', '3', '--csv', 'forecast.csv', '--save-model', 'model.json']);
  }, 120_000);

  test('forecast prints the models and the top customers', () => {
    expect(forecast.code).toBe(0);
    expect(forecast.stdout).toContain('BG/NBD (purchase days per week)');
    expect(forecast.stdout).toContain('Top 3 customers by expected purchase days in the next 52 weeks');
    expect(forecast.stdout).toMatch(/^14048 /m);
  });

  test('forecast writes every customer and a model file in the library\'s saved form', () => {
    const csv = forecast.written.get('forecast.csv') ?? '';
    expect(csv.trimEnd().split('\n')).toHaveLength(23_571);
    const model = JSON.parse(forecast.written.get('model.json') ?? 'null') as { format: string; transactions: { model: string; unit: string }; spend: { model: string } };
    expect(model.format).toBe('retention-metrics-models');
    expect(model.transactions).toMatchObject({ model: 'bg-nbd', unit: 'week' });
    expect(model.spend.model).toBe('gamma-gamma');
  });

  test('score reads the forecast\'s customers on standard input and gives the same predictions', async () => {
    const csv = forecast.written.get('forecast.csv') ?? '';
    const lines = csv.split('\n');
    const io = memoryIo(lines.slice(0, 4).join('\n'));
    io.written.set('model.json', forecast.written.get('model.json') ?? '');
    expect(await run(['score', '--model', 'model.json'], io)).toBe(0);
    const scores = io.out().trimEnd().split('\n');
    expect(scores[0]).toBe('customer_id,p_alive,expected_purchase_days,expected_spend,expected_value');
    const [id, , , , , pAlive, days] = (lines[2] ?? '').split(',');
    const [scoredId, scoredPAlive, scoredDays] = (scores[2] ?? '').split(',');
    expect(scoredId).toBe(id);
    expect(Number(scoredPAlive)).toBeCloseTo(Number(pAlive), 12);
    expect(Number(scoredDays)).toBeCloseTo(Number(days), 12);
  });

  test('clv prints the historical and predictive value and writes both per customer', async () => {
    const r = await runCli(['clv', CDNOW, '--margin', '0.3', '--csv', 'clv.csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^historical: net revenue to date, total +2,500,315\.63$/m);
    expect(r.stdout).toContain('predicted: CLV, next 52 weeks, total');
    expect(r.stdout).toContain('margin 30.0%');
    const lines = r.written.get('clv.csv')?.trimEnd().split('\n') ?? [];
    expect(lines[0]).toBe('customer_id,orders,gross_revenue,net_revenue,expected_purchase_days,predicted_clv');
    expect(lines).toHaveLength(23_571);
  }, 120_000);
});
