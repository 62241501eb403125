/**
 * The model file the `forecast --save-model` flag writes and `score --model` reads: the library's saved
 * forms of the purchase model (BG/NBD, with its time unit) and of the spend model (Gamma-Gamma).
 *
 * ```json
 * { "format": "retention-metrics-models", "version": 1,
 *   "transactions": { "model": "bg-nbd", "params": { "r": 0.24, … }, "unit": "week" },
 *   "spend": { "model": "gamma-gamma", "params": { "p": 6.25, … } } }
 * ```
 *
 * A bare saved BG/NBD model (`{ "model": "bg-nbd", … }`, what `toJSON()` of a fit gives) is read too.
 *
 * @module
 */
import { type BgNbdModel, type GammaGammaModel, bgNbdModel, gammaGammaModel, isRetentionError } from '../index.ts';
import { CliDataError } from './errors.ts';

/** The tag of the model file. */
export const MODEL_FILE_FORMAT = 'retention-metrics-models';

/** The models read from a model file. */
export interface LoadedModels {
  readonly transactions: BgNbdModel;
  readonly spend: GammaGammaModel | null;
}

/**
 * The model file of fitted models.
 *
 * @param models - the purchase model and the spend model (or `null`), fitted or loaded
 * @returns the file's text (JSON, two-space indented, ending with a newline)
 * @example
 * ```ts
 * import { bgNbdModel } from '../index.ts';
 * import { modelFileText } from './model-file.ts';
 * const transactions = bgNbdModel({ model: 'bg-nbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, unit: 'week' });
 * JSON.parse(modelFileText({ transactions, spend: null })).transactions.unit; // => 'week'
 * ```
 */
export function modelFileText(models: LoadedModels): string {
  const file = { format: MODEL_FILE_FORMAT, version: 1, transactions: models.transactions.toJSON(), spend: models.spend === null ? null : models.spend.toJSON() };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a model file.
 *
 * @param text - the file's text
 * @param path - the file's name, for messages
 * @returns the purchase model and, when the file has one, the spend model
 * @throws {@link CliDataError} for text that is not JSON, not a model file, or holds parameters the
 *   library's loaders refuse
 * @example
 * ```ts
 * import { readModelFile } from './model-file.ts';
 * const text = JSON.stringify({ model: 'bg-nbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, unit: 'week' });
 * readModelFile(text, 'model.json').transactions.unit; // => 'week'
 * ```
 */
export function readModelFile(text: string, path: string): LoadedModels {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new CliDataError(`${path}: not JSON. Write a model file with "retention-metrics forecast orders.csv --save-model ${path}".`);
  }
  if (!isObject(parsed)) throw new CliDataError(`${path}: not a model file (expected a JSON object).`);
  const bare = parsed.model === 'bg-nbd';
  if (!bare && parsed.format !== MODEL_FILE_FORMAT) {
    throw new CliDataError(`${path}: not a model file (expected "format": "${MODEL_FILE_FORMAT}" or a saved BG/NBD model). Write one with "retention-metrics forecast orders.csv --save-model ${path}".`);
  }
  try {
    const transactions = bgNbdModel((bare ? parsed : parsed.transactions) as Parameters<typeof bgNbdModel>[0]);
    const spendInput = bare ? null : (parsed.spend ?? null);
    const spend = spendInput === null ? null : gammaGammaModel(spendInput as Parameters<typeof gammaGammaModel>[0]);
    return { transactions, spend };
  } catch (error) {
    if (isRetentionError(error)) throw new CliDataError(`${path}: ${error.message}`);
    throw error;
  }
}
