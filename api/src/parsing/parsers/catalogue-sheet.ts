import { isZipArchive } from '../archive-inspection.js';
import { UnreadableFileError } from '../errors.js';
import { defineParser } from '../parser.js';
import { readCsvTable } from '../tables/csv-table.js';
import type { Table } from '../tables/table.js';
import { readXlsxTable } from '../tables/xlsx-table.js';

/** A catalogue file (CSV, or the first worksheet of an XLSX) as one table. */
export default defineParser<{ format: 'csv' | 'xlsx' }, Table>({
  async parse(file, { options, limits, progress }) {
    if (file.length === 0) throw new UnreadableFileError('the file is empty');
    if (options.format === 'xlsx' && !isZipArchive(file)) throw new UnreadableFileError('not an XLSX file (not a ZIP archive)');
    const table = options.format === 'xlsx' ? await readXlsxTable(file, limits, progress) : await readCsvTable(file, limits, progress);
    if (!table) throw new UnreadableFileError('the file is empty');
    return table;
  },
});
