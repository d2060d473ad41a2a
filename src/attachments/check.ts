// The two-way check of the attachments: what the JSON names against what the zips hold.
//   - expected by the JSON but in no zip → missing (P001);
//   - in a zip but named by no request → unexpected (P002);
//   - present but faulty → one fault per reason, with its code (P003…P018).
// Each zip is read by its central directory and the first bytes of each entry only (zip.ts):
// never whole, never inflated beyond those bytes. Pure: the caller hands blobs (a browser File,
// Node's fs.openAsBlob) and gets the report the CLI and the app print.

import type { AttachmentLimits } from '../core/model';
import type {
  AttachmentFault,
  AttachmentsReport,
  ExpectedDocument,
  ExtraFile,
  FaultyAttachment,
  MissingAttachment,
  UnexpectedAttachment,
  ZipSummary,
} from '../core/report';
import type { FindingArgs } from '../core/types';
import type { Code } from '../messages/codes';
import { CONTENT_LABELS, limitFr, message, sizeFr, type ContentKind } from '../messages/fr';
import type { ExpectedAttachment } from './expected';
import { extensionOf as formatExtension } from './limits';
import { HEAD_BYTES, matchesExtension, sniff } from './magic';
import { baseName, charLength, extensionOf, nameKey, unsafeReason } from './names';
import { MAX_ENTRIES, readEntryHead, readZipDirectory, verifyEntry, ZipError, type BlobLike, type ZipEntry } from './zip';

export interface ZipInput {
  /** How the zip is named to the user (a file name, or the path given on the command line). */
  readonly name: string;
  readonly blob: BlobLike;
}

export interface CheckOptions {
  /** Called as the entries are examined: `done` of `total` files, every zip together. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Stops the check between two entries (the promise rejects with the signal's reason). */
  readonly signal?: AbortSignal;
  /** Entries read at once (default 8): reads overlap, the blob's reader works in parallel. */
  readonly concurrency?: number;
  /**
   * «Vérification complète» (`--pj-complet`): every readable entry is inflated whole, as a stream
   * (zip.ts `verifyEntry`), and its size and CRC compared with the directory's. Default false:
   * the directory and the first bytes of each entry only (the report says so).
   */
  readonly complete?: boolean;
}

/** Declared uncompressed ÷ compressed beyond this, for a file over the size limit, is a bomb. */
export const BOMB_RATIO = 100;

/** Compression methods by number, for P018's message (APPNOTE 4.4.5). */
const METHODS: Readonly<Record<number, string>> = {
  1: 'Shrink',
  6: 'Implode',
  9: 'Deflate64',
  12: 'BZip2',
  14: 'LZMA',
  18: 'IBM TERSE',
  19: 'LZ77',
  20: 'Zstandard',
  93: 'Zstandard',
  94: 'MP3',
  95: 'XZ',
  96: 'JPEG',
  97: 'WavPack',
  98: 'PPMd',
};

/** One file entry of a zip, as it goes through the checks. */
interface FileRecord {
  readonly zip: ZipInput;
  readonly entry: ZipEntry;
  readonly base: string;
  readonly key: string;
  readonly extension: string;
  readonly faults: AttachmentFault[];
  /** The requests' attachments it satisfies (several requests may name one file). */
  matched: readonly ExpectedAttachment[];
  /** A later entry with a name already seen: of which expected attachments, if any. */
  duplicateOf: readonly ExpectedAttachment[] | null;
  /** Checked as an attachment (size, format, name, content): it is expected, or the JSON is unknown. */
  quality: boolean;
  /** Its content cannot be read (encrypted, unknown method, bomb): no head is read. */
  unreadable: boolean;
}

interface ZipState {
  readonly zip: ZipInput;
  readonly faults: AttachmentFault[];
  /** Faults of folder entries (`../` in a folder's name). */
  readonly folderFaults: { name: string; fault: AttachmentFault }[];
  files: number;
}

const fault = (code: Code, args: FindingArgs): AttachmentFault => ({ code, message: message(code, args) });

/**
 * Checks the zips against the attachments the JSON names (`expected`; null when the JSON could
 * not be read: then only the zips' own faults are reported, nothing is missing or unexpected).
 * Rejects only on an I/O failure of a blob (or an abort): every fault of the archives is in the report.
 */
export async function checkAttachments(
  zips: readonly ZipInput[],
  expected: readonly ExpectedAttachment[] | null,
  limits: AttachmentLimits,
  options: CheckOptions = {},
): Promise<AttachmentsReport> {
  const accepted = limits.formats.map(formatExtension);
  const formatsText = accepted.map((e) => `.${e}`).join(', ');
  const expectedByKey = new Map<string, ExpectedAttachment[]>();
  // Built once, in linear time (issue 15: 80 000 items naming one file made it quadratic).
  for (const e of expected ?? []) {
    const key = nameKey(e.nomFichier);
    const same = expectedByKey.get(key);
    if (same !== undefined) same.push(e);
    else expectedByKey.set(key, [e]);
  }

  // 1. Each zip's directory.
  const states: ZipState[] = [];
  const records: FileRecord[] = [];
  const seen = new Map<string, FileRecord>();
  for (const zip of zips) {
    options.signal?.throwIfAborted();
    const state: ZipState = { zip, faults: [], folderFaults: [], files: 0 };
    states.push(state);
    const where = zip.name;
    if (zip.blob.size > limits.maxZipBytes)
      state.faults.push(fault('P004', { where, count: zip.blob.size, expected: limitFr(limits.maxZipBytes) }));
    let entries: ZipEntry[];
    try {
      const directory = await readZipDirectory(zip.blob);
      entries = directory.entries;
      // The directory is read by its size; an end record that counts otherwise (a 16-bit count
      // wrapped past 65 535, or a lie) hides entries from tools that trust it.
      if (directory.declaredCount !== entries.length) {
        state.faults.push(
          fault('P015', {
            where,
            reason: 'entry-count',
            other: `${directory.declaredCount} annoncée(s), ${entries.length} dans le répertoire central`,
          }),
        );
      }
    } catch (e) {
      if (!(e instanceof ZipError)) throw e;
      state.faults.push(archiveFault(e, where));
      continue;
    }

    const overlapping = overlaps(entries);
    for (const entry of entries) {
      const unsafe = unsafeReason(entry.name);
      if (entry.directory) {
        if (unsafe) state.folderFaults.push({ name: entry.name, fault: fault('P010', { found: entry.name, where, reason: unsafe }) });
        continue;
      }
      state.files++;
      const base = baseName(entry.name);
      const key = nameKey(base);
      const record: FileRecord = {
        zip,
        entry,
        base,
        key,
        extension: extensionOf(base),
        faults: [],
        matched: [],
        duplicateOf: null,
        quality: false,
        unreadable: false,
      };
      records.push(record);
      const first = seen.get(key);
      if (first) record.duplicateOf = expectedByKey.get(key) ?? [];
      else {
        seen.set(key, record);
        record.matched = expectedByKey.get(key) ?? [];
      }
      record.quality = expected === null || record.matched.length > 0 || (record.duplicateOf?.length ?? 0) > 0;

      // What the directory alone tells.
      const args: FindingArgs = { found: entry.name, where };
      const add = (code: Code, more: FindingArgs = {}) => record.faults.push(fault(code, { ...args, ...more }));
      if (unsafe) add('P010', { reason: unsafe });
      if (!entry.utf8) add('P013');
      if (first)
        add('P011', { other: first.zip === zip ? `plus haut dans ce zip (${q(first.entry.name)})` : `dans le zip ${q(first.zip.name)}` });
      if (record.extension === 'zip') add('P012');
      if (entry.encrypted) {
        add('P009');
        record.unreadable = true;
      } else if (entry.method !== 0 && entry.method !== 8) {
        add('P018', { other: METHODS[entry.method] ? `${METHODS[entry.method]}, méthode ${entry.method}` : `méthode ${entry.method}` });
        record.unreadable = true;
      }
      const ratio = entry.size / Math.max(1, entry.compressedSize);
      const bomb = entry.size > limits.maxFileBytes && ratio >= BOMB_RATIO;
      if (bomb)
        add('P014', {
          reason: 'ratio',
          other: `${sizeFr(entry.size)} annoncés pour ${sizeFr(entry.compressedSize)} compressés, soit ${Math.round(ratio)} pour 1`,
        });
      else if (overlapping.has(entry)) add('P014', { reason: 'overlap' });
      if (bomb || overlapping.has(entry)) record.unreadable = true;
      if (record.quality) {
        const length = charLength(base);
        if (length > limits.nameMax) add('P007', { count: length, expected: String(limits.nameMax) });
        if (record.extension !== 'zip' && !accepted.includes(record.extension)) {
          add('P005', {
            expected: formatsText,
            ...(record.extension === 'jpeg' && accepted.includes('jpg') ? { hint: 'renommez-le en .jpg' } : {}),
          });
        }
        if (!bomb && entry.size > limits.maxFileBytes) add('P003', { count: entry.size, expected: limitFr(limits.maxFileBytes) });
        const named = (record.matched[0] ?? record.duplicateOf?.[0])?.namingExpected;
        if (named !== undefined) add('P006', { expected: named });
      }
    }
    if (state.files === 0 && state.faults.every((f) => f.code !== 'P016')) state.faults.push(fault('P017', { where }));
  }

  // 2. The first bytes of each readable file, a few at a time.
  const jobs = records.filter((r) => !r.unreadable && r.extension !== 'zip');
  const total = jobs.length;
  let done = 0;
  options.onProgress?.(0, total);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      options.signal?.throwIfAborted();
      const record = jobs[next++]!;
      await examineHead(record, accepted);
      if (options.complete && !record.faults.some((f) => f.code === 'P014' || f.code === 'P015')) await verifyWhole(record, options.signal);
      done++;
      options.onProgress?.(done, total);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 8, jobs.length) }, worker));

  return assemble(states, records, expected, options.complete === true);
}

/** «Vérification complète» of one file: a fault when its data is not what the directory declares. */
async function verifyWhole(record: FileRecord, signal?: AbortSignal): Promise<void> {
  try {
    await verifyEntry(record.zip.blob, record.entry, signal);
  } catch (e) {
    if (!(e instanceof ZipError)) throw e;
    const args: FindingArgs = { found: record.entry.name, where: record.zip.name, ...(e.reason ? { reason: e.reason } : {}) };
    record.faults.push(fault(e.kind === 'bomb' ? 'P014' : 'P015', args));
  }
}

const q = (s: string) => `« ${s} »`;

/** A fault of the archive as a whole, from the reader's error. */
function archiveFault(e: ZipError, where: string): AttachmentFault {
  switch (e.kind) {
    case 'not-zip':
      return fault('P016', { where, other: CONTENT_LABELS[(e.detail ?? 'unknown') as ContentKind] ?? CONTENT_LABELS.unknown });
    case 'bomb': {
      const n = Number(e.detail);
      const other =
        e.reason === 'too-many-entries' && e.detail?.endsWith('+')
          ? `plus de ${MAX_ENTRIES} entrées dans le répertoire central`
          : !Number.isFinite(n)
            ? undefined
            : e.reason === 'too-many-entries'
              ? `${n} entrées annoncées`
              : `${sizeFr(n)} annoncés`;
      return fault('P014', { where, ...(e.reason ? { reason: e.reason } : {}), ...(other ? { other } : {}) });
    }
    default:
      return fault('P015', { where, ...(e.reason ? { reason: e.reason } : {}) });
  }
}

/**
 * Entries whose data overlaps an earlier entry's (the "overlapping files" zip bomb: many names
 * for one compressed stream). By local offsets and the directory's sizes only.
 */
function overlaps(entries: readonly ZipEntry[]): Set<ZipEntry> {
  const out = new Set<ZipEntry>();
  const sorted = entries.filter((e) => !e.directory || e.compressedSize > 0).sort((a, b) => a.localOffset - b.localOffset);
  let reach = -1;
  for (const e of sorted) {
    if (e.localOffset < reach) out.add(e);
    // The local header is at least 30 bytes and the name; its extra field is not known here.
    reach = Math.max(reach, e.localOffset + 30 + e.rawName.length + e.compressedSize);
  }
  return out;
}

async function examineHead(record: FileRecord, accepted: readonly string[]): Promise<void> {
  const { entry, zip } = record;
  const args: FindingArgs = { found: entry.name, where: zip.name };
  let head: Uint8Array;
  try {
    head = await readEntryHead(zip.blob, entry, HEAD_BYTES);
  } catch (e) {
    if (!(e instanceof ZipError)) throw e;
    if (e.kind === 'bomb') record.faults.push(fault('P014', { ...args, ...(e.reason ? { reason: e.reason } : {}) }));
    else record.faults.push(fault('P015', { ...args, ...(e.reason ? { reason: e.reason } : {}) }));
    return;
  }
  const kind = sniff(head);
  if (kind === 'zip') {
    record.faults.push(fault('P012', args));
    return;
  }
  if (record.quality && accepted.includes(record.extension) && !matchesExtension(head, record.extension)) {
    record.faults.push(fault('P008', { ...args, expected: `.${record.extension}`, other: CONTENT_LABELS[kind] }));
  }
}

/** The expected name an unexpected file most likely meant: same name but for case, or `.jpeg` for `.jpg`. */
function hintFor(base: string, missing: ReadonlyMap<string, string>): string | undefined {
  return missing.get(looseKey(base));
}
const looseKey = (name: string) =>
  nameKey(name)
    .toLowerCase()
    .replace(/\.jpeg$/, '.jpg');

function assemble(
  states: readonly ZipState[],
  records: readonly FileRecord[],
  expected: readonly ExpectedAttachment[] | null,
  complete: boolean,
): AttachmentsReport {
  const byExpected = new Map<ExpectedAttachment, FileRecord>();
  for (const r of records) for (const e of r.matched) byExpected.set(e, r);

  const documents: ExpectedDocument[] | null =
    expected === null
      ? null
      : expected.map((e) => {
          const r = byExpected.get(e);
          return {
            numLigne: e.numLigne,
            numeroEditeur: e.numeroEditeur,
            typeFichier: e.typeFichier,
            formatFichier: e.formatFichier,
            nomFichier: e.nomFichier,
            status: r === undefined ? 'missing' : r.faults.length > 0 ? 'faulty' : 'present',
            zip: r?.zip.name ?? null,
            entry: r?.entry.name ?? null,
            size: r?.entry.size ?? null,
            faults: r?.faults ?? [],
          };
        });

  const missing: MissingAttachment[] = (expected ?? [])
    .filter((e) => !byExpected.has(e))
    .map((e) => ({
      numLigne: e.numLigne,
      numeroEditeur: e.numeroEditeur,
      typeFichier: e.typeFichier,
      nomFichier: e.nomFichier,
      code: 'P001' as const,
      message: message('P001', { found: e.nomFichier, ...(e.numLigne !== null ? { where: `numLigne ${e.numLigne}` } : {}) }),
    }));
  const missingByLooseKey = new Map<string, string>();
  for (const m of missing) if (!missingByLooseKey.has(looseKey(m.nomFichier))) missingByLooseKey.set(looseKey(m.nomFichier), m.nomFichier);

  // Unexpected: named by no request (a second copy of an expected file is a duplicate, not unexpected).
  const isUnexpected = (r: FileRecord) => expected !== null && r.matched.length === 0 && (r.duplicateOf?.length ?? 0) === 0;
  const unexpected: UnexpectedAttachment[] = [];
  const extra: ExtraFile[] = [];
  for (const r of records) {
    if (!isUnexpected(r)) continue;
    const hint = hintFor(r.base, missingByLooseKey);
    unexpected.push({
      zip: r.zip.name,
      name: r.entry.name,
      code: 'P002',
      message: message('P002', { found: r.entry.name, where: r.zip.name, ...(hint !== undefined ? { hint } : {}) }),
    });
    extra.push({ zip: r.zip.name, name: r.entry.name, size: r.entry.size, ...(hint !== undefined ? { hint } : {}), faults: r.faults });
  }

  const faulty: FaultyAttachment[] = [];
  const zipSummaries: ZipSummary[] = [];
  for (const state of states) {
    const zip = state.zip.name;
    for (const f of state.faults) faulty.push({ zip, name: null, code: f.code, message: f.message });
    for (const { name, fault: f } of state.folderFaults) faulty.push({ zip, name, code: f.code, message: f.message });
    for (const r of records) {
      if (r.zip !== state.zip) continue;
      const request = r.matched[0] ?? r.duplicateOf?.[0];
      for (const f of r.faults) {
        faulty.push({
          zip,
          name: r.entry.name,
          ...(request ? { numLigne: request.numLigne, numeroEditeur: request.numeroEditeur } : {}),
          code: f.code,
          message: f.message,
        });
      }
    }
    // Duplicates and files of an unknown JSON are listed nowhere else: the zip's summary keeps
    // every fault that no «Documents attendus» line or unexpected file shows.
    const shown = new Set<FileRecord>([...byExpected.values(), ...records.filter(isUnexpected)]);
    const others = records.filter((r) => r.zip === state.zip && !shown.has(r)).flatMap((r) => r.faults);
    zipSummaries.push({
      name: zip,
      size: state.zip.blob.size,
      files: state.files,
      faults: [...state.faults, ...state.folderFaults.map((x) => x.fault), ...others],
    });
  }

  return { missing, unexpected, faulty, detail: { zips: zipSummaries, documents, extra, complete } };
}
