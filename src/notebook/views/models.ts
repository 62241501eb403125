/**
 * The display of fitted (or given) models: the parameters with their standard errors, the fit's
 * information, and the model's charts.
 *
 * @module
 * @internal
 */
import { formatCount, formatNumber } from '../format.ts';
import { type Section, numberCell, textCell } from '../section.ts';

/** What every model of the library has: its tag and parameters; a fit adds the {@link FitInfo} fields. */
export interface ModelLike {
  readonly model: string;
  readonly params: object;
  readonly logLikelihood?: number;
  readonly converged?: boolean;
  readonly iterations?: number;
  readonly standardErrors?: object;
  /** Gamma-Gamma fits: the x–zbar correlation and the customers used. */
  readonly correlation?: number;
  readonly customers?: number;
}

const MODEL_NAMES: Readonly<Record<string, string>> = {
  'bg-nbd': 'BG/NBD',
  'pareto-nbd': 'Pareto/NBD',
  'gamma-gamma': 'Gamma-Gamma',
  sbg: 'Shifted beta-geometric',
  'bg-bb': 'BG/BB',
};

/**
 * @internal Whether a value is one of the library's models (a tag and numeric parameters).
 *
 * @param value - anything
 * @returns `true` for a model or a fit
 */
export function isModelLike(value: unknown): value is ModelLike {
  if (value === null || typeof value !== 'object') return false;
  const { model, params } = value as { model?: unknown; params?: unknown };
  return typeof model === 'string' && model in MODEL_NAMES && params !== null && typeof params === 'object';
}

function numberOf(record: object | undefined, key: string): number | null {
  const v: unknown = record === undefined ? undefined : (record as Record<string, unknown>)[key];
  return typeof v === 'number' ? v : null;
}

/**
 * @internal The sections of a model.
 *
 * @param model - a model or a fit
 * @param charts - the model's charts (SVG markup), shown after the tables
 * @returns the parameters (estimate, standard error), then the fit's information when it is a fit
 */
export function modelSections(model: ModelLike, charts: readonly string[] = []): Section[] {
  const name = MODEL_NAMES[model.model] ?? model.model;
  const fitted = model.logLikelihood !== undefined;
  const params = Object.keys(model.params).map((key) => [
    textCell(key),
    numberCell(formatNumber(numberOf(model.params, key))),
    ...(fitted ? [numberCell(formatNumber(numberOf(model.standardErrors, key)))] : []),
  ]);
  const sections: Section[] = [
    { title: `${name} parameters`, columns: ['Parameter', 'Estimate', ...(fitted ? ['Standard error'] : [])], rows: params, charts: [] },
  ];
  if (fitted) {
    const info: [string, string][] = [
      ['Log-likelihood', formatNumber(model.logLikelihood ?? null)],
      ['Converged', model.converged === true ? 'yes' : 'no'],
      ['Iterations', formatNumber(model.iterations ?? null)],
      ...(model.customers === undefined ? [] : [['Customers fitted', formatCount(model.customers)] as [string, string]]),
      ...(model.correlation === undefined ? [] : [['Correlation of frequency and spend', formatNumber(model.correlation)] as [string, string]]),
    ];
    sections.push({ title: 'Fit', columns: ['Measure', 'Value'], rows: info.map(([k, v]) => [textCell(k), numberCell(v)]), charts: [] });
  }
  // The charts go under the last table.
  const last = sections.length - 1;
  sections[last] = { ...sections[last], charts };
  return sections;
}
