// The state of the page « Créer un fichier JSON depuis un tableur »: the form's choices (type,
// DSR, header given once, date of the file names), the table chosen, and the last build.
// The table readers and writers are loaded on demand (src/io/sheet*.ts import their libraries
// dynamically); building runs here, on the page.

import { RULE_SET_METAS } from '../../rules/catalog';
import { ruleSetFor } from '../../rules/index';
import type { RuleSet, RuleSetMeta } from '../../core/model';
import type { Dsr, RequestType } from '../../core/types';
import { buildFromTable, compactToday, unreadableTable, type BuildResult } from '../../sheet/build';
import { buildTemplate, templateFileName } from '../../sheet/template';
import { downloadBytes, downloadText } from '../../io/download';
import { readBytes } from '../../io/files';

/** `2024-01-15` (an <input type="date">) → `20240115`. */
export const compactOf = (iso: string) => iso.replaceAll('-', '');
/** `20240115` → `2024-01-15`. */
export const isoOf = (compact: string) => `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export class SheetState {
  type = $state<RequestType>('avance');
  #dsr = $state<Dsr>(RULE_SET_METAS.find((r) => r.type === 'avance')!.dsr);
  numeroAns = $state('');
  siret = $state('');
  /** `AAAA-MM-JJ`, as the date field holds it. */
  date = $state(isoOf(compactToday()));

  table = $state.raw<File | null>(null);
  /** What the table gave (null before any build). */
  result = $state.raw<BuildResult | null>(null);
  /** How the table was read (`CSV, encodage Windows-1252…`), and the reader's notes. */
  description = $state('');
  notes = $state.raw<readonly string[]>([]);
  busy = $state(false);
  /** A failure of ours (a library that did not load): said, never thrown at the page. */
  failure = $state('');

  readonly ruleSets: readonly RuleSetMeta[] = $derived(RULE_SET_METAS.filter((r) => r.type === this.type));

  get dsr(): Dsr {
    return this.ruleSets.some((r) => r.dsr === this.#dsr) ? this.#dsr : this.ruleSets[0]!.dsr;
  }
  set dsr(value: Dsr) {
    this.#dsr = value;
  }

  get ruleSet(): RuleSet {
    return ruleSetFor(this.type, this.dsr)!;
  }

  async downloadTemplate(format: 'csv' | 'xlsx'): Promise<void> {
    const template = buildTemplate(this.ruleSet);
    const name = templateFileName(this.ruleSet, format);
    try {
      if (format === 'csv') {
        const { templateCsv } = await import('../../io/sheet-csv');
        downloadText(name, await templateCsv(template), 'text/csv');
      } else {
        const { templateXlsx } = await import('../../io/sheet-xlsx');
        downloadBytes(name, await templateXlsx(template), XLSX_TYPE);
      }
      this.failure = '';
    } catch (e) {
      this.failure = `Le modèle n’a pas pu être préparé (${e instanceof Error ? e.message : String(e)}). Rechargez la page pour réessayer.`;
    }
  }

  /** A table chosen or dropped: the first file, built at once. */
  async takeTable(files: readonly File[]): Promise<void> {
    const file = files[0];
    if (!file) return;
    this.table = file;
    await this.build();
  }

  async build(): Promise<void> {
    const file = this.table;
    if (!file || this.busy) return;
    this.busy = true;
    this.failure = '';
    try {
      const { readTable } = await import('../../io/sheet');
      const read = await readTable(await readBytes(file));
      this.description = read.ok ? (read.table.description ?? '') : '';
      this.notes = read.ok ? (read.table.notes ?? []) : [];
      const date = compactOf(this.date) || compactToday();
      this.result = read.ok
        ? buildFromTable(read.table, this.ruleSet, { header: { numeroAns: this.numeroAns.trim(), siret: this.siret.trim() }, date })
        : unreadableTable(read.reason);
    } catch (e) {
      this.result = null;
      this.failure = `Le tableau n’a pas pu être traité (${e instanceof Error ? e.message : String(e)}).`;
    } finally {
      this.busy = false;
    }
  }

  downloadFile(index: number): void {
    const file = this.result?.files[index];
    if (file) downloadBytes(file.name, file.bytes);
  }

  /** Every file in one zip, `JSON-<numeroAns>-<AAAAMMJJ>.zip`. */
  async downloadZip(): Promise<void> {
    const files = this.result?.files ?? [];
    if (files.length === 0) return;
    const { zipSync } = await import('fflate');
    const zip = zipSync(Object.fromEntries(files.map((f) => [f.name, f.bytes])));
    downloadBytes(files[0]!.name.replace(/-\d{3}\.json$/, '.zip'), zip, 'application/zip');
  }
}
