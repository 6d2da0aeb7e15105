import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'csv-parse';
import { Dataset } from '../pipeline/dataset';

export type CsvDType = 'float32' | 'int32' | 'string';
export type CsvValue = number | string;

export interface CsvColumnConfig {
  /** How to read the column (default 'float32'). */
  dtype?: CsvDType;
  /** The value to use when a field is missing. */
  default?: CsvValue;
  /** A missing field without a default is an error (default false: NaN for float32, '' for string). */
  required?: boolean;
}

export interface CsvOptions {
  /** The first line holds the column names (default true). */
  header?: boolean;
  /** Column names; needed when header is false, and replaces the header's names when given. */
  columnNames?: string[];
  /** Per-column dtype, default and required flag, by column name. */
  columns?: Record<string, CsvColumnConfig>;
  /** Emit only the columns named in `columns` (and the label columns) (default false). */
  configuredColumnsOnly?: boolean;
  /** Field delimiter (default ','). */
  delimiter?: string;
  /** Label column(s): elements become `{ xs, ys }`. */
  labelColumn?: string | string[];
  /** `xs` as a number[] in column order instead of an object by name (numeric features only). */
  featuresAsArray?: boolean;
  /** Field values that count as missing, besides the empty field (default ['NA', 'NaN', '?']). */
  missingValues?: string[];
  /** Lines starting with this character are skipped. */
  comment?: string;
}

/** `{ column: value }`, or `{ xs, ys }` when a label column is set. */
export type CsvRecord = Record<string, CsvValue>;
export interface CsvLabeledRecord {
  xs: CsvRecord | number[];
  ys: CsvValue | CsvRecord;
}

interface ColumnPlan {
  name: string;
  index: number;
  dtype: CsvDType;
  default?: CsvValue;
  required: boolean;
}

function parseValue(raw: string, col: ColumnPlan, missing: Set<string>, where: string): CsvValue {
  const text = raw.trim();
  if (text === '' || missing.has(text)) {
    if (col.default !== undefined) return col.default;
    if (col.required) {
      throw new Error(`fromCsv: ${where}: column '${col.name}' is missing a value and is required; give it a default.`);
    }
    if (col.dtype === 'string') return '';
    if (col.dtype === 'int32') {
      throw new Error(
        `fromCsv: ${where}: int32 column '${col.name}' is missing a value and int32 has no NaN; ` +
          `give it a default (columns: { ${col.name}: { dtype: 'int32', default: 0 } }) or read it as float32.`,
      );
    }
    return NaN;
  }
  if (col.dtype === 'string') return raw;
  const value = Number(text);
  if (Number.isNaN(value)) {
    throw new Error(
      `fromCsv: ${where}: column '${col.name}' holds '${raw}', which is not a number; declare it as ` +
        `columns: { ${JSON.stringify(col.name)}: { dtype: 'string' } } or fix the file.`,
    );
  }
  if (col.dtype === 'int32' && !Number.isInteger(value)) {
    throw new Error(`fromCsv: ${where}: int32 column '${col.name}' holds '${raw}', which is not an integer.`);
  }
  return value;
}

/**
 * Streams a CSV file from disk, one element per record (memory: one record at a time).
 * Quoted fields, CRLF line ends, a BOM and blank lines are handled by csv-parse.
 */
export function fromCsv(file: string, options: CsvOptions & { labelColumn: string | string[] }): Dataset<CsvLabeledRecord>;
export function fromCsv(file: string, options?: CsvOptions): Dataset<CsvRecord>;
export function fromCsv(file: string, options: CsvOptions = {}): Dataset<CsvRecord | CsvLabeledRecord> {
  const header = options.header ?? true;
  const delimiter = options.delimiter ?? ',';
  const labels = options.labelColumn === undefined ? [] : [options.labelColumn].flat();
  const missing = new Set(options.missingValues ?? ['NA', 'NaN', '?']);
  const configs = options.columns ?? {};
  if (!header && options.columnNames === undefined) {
    throw new Error(`fromCsv: ${file}: header is false, so give the column names with columnNames: ['a', 'b', ...].`);
  }

  return new Dataset<CsvRecord | CsvLabeledRecord>(async function* records() {
    if (!fs.existsSync(file)) {
      throw new Error(`fromCsv: no such file: ${file} (resolved to ${path.resolve(file)}).`);
    }
    const parser = fs.createReadStream(file).pipe(
      parse({ delimiter, bom: true, skip_empty_lines: true, comment: options.comment, relax_column_count: false }),
    );
    let plan: ColumnPlan[] | null = null;
    let featurePlan: ColumnPlan[] = [];
    let labelPlan: ColumnPlan[] = [];
    let line = 0;
    const makePlan = (names: string[]): ColumnPlan[] => {
      for (const key of [...Object.keys(configs), ...labels]) {
        if (!names.includes(key)) {
          throw new Error(`fromCsv: ${file}: column '${key}' is configured but the file's columns are [${names.join(', ')}].`);
        }
      }
      const all = names
        .map((name, index) => ({
          name,
          index,
          dtype: configs[name]?.dtype ?? 'float32',
          default: configs[name]?.default,
          required: configs[name]?.required ?? false,
        }))
        .filter((c) => !options.configuredColumnsOnly || c.name in configs || labels.includes(c.name));
      labelPlan = labels.map((l) => all.find((c) => c.name === l)!);
      featurePlan = all.filter((c) => !labels.includes(c.name));
      if (options.featuresAsArray) {
        const text = featurePlan.find((c) => c.dtype === 'string');
        if (text) throw new Error(`fromCsv: ${file}: featuresAsArray needs numeric features, but '${text.name}' is a string column.`);
      }
      return all;
    };
    if (!header) plan = makePlan(options.columnNames!);
    try {
      for await (const fields of parser as AsyncIterable<string[]>) {
        line++;
        if (plan === null) {
          plan = makePlan(options.columnNames ?? fields.map((f) => f.trim()));
          continue;
        }
        const where = `${file} record ${header ? line - 1 : line}`;
        const read = (c: ColumnPlan): CsvValue => parseValue(fields[c.index], c, missing, where);
        if (labels.length === 0) {
          yield Object.fromEntries(plan.map((c) => [c.name, read(c)])) as CsvRecord;
          continue;
        }
        const xs = options.featuresAsArray
          ? featurePlan.map((c) => read(c) as number)
          : (Object.fromEntries(featurePlan.map((c) => [c.name, read(c)])) as CsvRecord);
        const ys = labelPlan.length === 1 ? read(labelPlan[0]) : (Object.fromEntries(labelPlan.map((c) => [c.name, read(c)])) as CsvRecord);
        yield { xs, ys };
      }
    } catch (error) {
      const e = error as Error & { code?: string };
      if (e.code !== undefined && e.code.startsWith('CSV_')) {
        throw new Error(`fromCsv: ${file}: ${e.message}. Check the delimiter (given '${delimiter}') and the quoting.`);
      }
      throw error;
    } finally {
      parser.destroy();
    }
  });
}
