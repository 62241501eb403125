import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { cohortHeatmap } from '../../src/charts/cohort-heatmap.ts';
import { Cohort } from '../../src/cohort/builder.ts';

const table = Cohort.from([{ customerId: 'a', date: '2024-01-03', amount: 10 }]).asOf('2024-02-01T00:00:00Z').table();

describe('the document charts are drawn in', () => {
  afterEach(() => {
    delete (globalThis as { document?: unknown }).document;
  });

  test('a page’s document, where there is one, is used and left as it was', () => {
    const page = parseHTML('<!doctype html><html><body><p>page</p></body></html>').document;
    const create = vi.spyOn(page, 'createElementNS');
    (globalThis as { document?: unknown }).document = page;
    const markup = cohortHeatmap(table);
    expect(create).toHaveBeenCalled();
    expect(page.body.innerHTML).toBe('<p>page</p>');
    delete (globalThis as { document?: unknown }).document;
    expect(cohortHeatmap(table)).toBe(markup);
  });
});
