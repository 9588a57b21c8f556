import yauzl from 'yauzl';
import type { ParseLimits } from './limits.js';
import { formatBytes, formatCount } from './limits.js';

/**
 * Inspects a ZIP archive (XLSX and DOCX are ZIPs) BEFORE anything opens it:
 * entry count, declared sizes, each entry's compression ratio, that entries
 * neither overlap nor hide data between them (the overlapping-entry and
 * hidden-entry zip bombs), and — with `inflate` — that every entry really
 * inflates to its declared size and no further. A refused archive comes with
 * a reason a person can act on.
 */

export type ArchiveLimits = Pick<ParseLimits, 'maxUnzippedBytes' | 'maxArchiveEntries' | 'maxCompressionRatio'>;

export interface ArchiveEntrySummary {
  name: string;
  compressedBytes: number;
  uncompressedBytes: number;
}

export type ArchiveVerdict =
  | { ok: true; entries: ArchiveEntrySummary[]; uncompressedBytes: number }
  | { ok: false; reason: string };

/** Ratios of tiny entries say nothing (a 2 KB entry of spaces compresses 100:1 and harms no one). */
const RATIO_APPLIES_ABOVE_BYTES = 1024 * 1024;
const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const LOCAL_HEADER_BYTES = 30;
/** Largest data descriptor (ZIP64 with signature) that may follow an entry's data (general purpose bit 3). */
const MAX_DATA_DESCRIPTOR_BYTES = 24;

export function isZipArchive(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && Buffer.from(bytes.buffer, bytes.byteOffset, 4).readUInt32LE(0) === LOCAL_HEADER_SIGNATURE;
}

export async function inspectArchive(bytes: Buffer, limits: ArchiveLimits, options: { inflate?: boolean } = {}): Promise<ArchiveVerdict> {
  let zipfile: yauzl.ZipFile;
  try {
    zipfile = await openZip(bytes);
  } catch (error) {
    return { ok: false, reason: `the file is not a readable ZIP archive (${messageOf(error)})` };
  }
  try {
    if (zipfile.entryCount > limits.maxArchiveEntries) {
      return { ok: false, reason: `the archive holds ${formatCount(zipfile.entryCount)} entries; at most ${formatCount(limits.maxArchiveEntries)} are accepted` };
    }
    // yauzl starts reading entries at the central directory: that is where the last entry's data must end.
    const centralDirectoryOffset = (zipfile as unknown as { readEntryCursor: number }).readEntryCursor;
    let entries: yauzl.Entry[];
    try {
      entries = await readEntries(zipfile);
    } catch (error) {
      return { ok: false, reason: `the archive's directory is damaged (${messageOf(error)})` };
    }
    const declared = checkDeclared(entries, limits);
    if (!declared.ok) return declared;
    const layout = checkLayout(bytes, entries, centralDirectoryOffset);
    if (!layout.ok) return layout;
    if (options.inflate ?? true) {
      const inflated = await inflateAll(zipfile, entries, limits);
      if (!inflated.ok) return inflated;
    }
    return {
      ok: true,
      entries: entries.map((e) => ({ name: e.fileName, compressedBytes: e.compressedSize, uncompressedBytes: e.uncompressedSize })),
      uncompressedBytes: declared.total,
    };
  } finally {
    zipfile.close();
  }
}

function checkDeclared(entries: yauzl.Entry[], limits: ArchiveLimits): { ok: true; total: number } | { ok: false; reason: string } {
  let total = 0;
  for (const entry of entries) {
    if (entry.isEncrypted()) return { ok: false, reason: `the archive is encrypted (${entry.fileName}); save the file without a password and upload it again` };
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      return { ok: false, reason: `the archive uses an unsupported compression method (${entry.compressionMethod}) for ${entry.fileName}` };
    }
    total += entry.uncompressedSize;
    if (total > limits.maxUnzippedBytes) {
      return { ok: false, reason: `the archive unpacks to more than ${formatBytes(limits.maxUnzippedBytes)}; at most ${formatBytes(limits.maxUnzippedBytes)} are accepted` };
    }
    if (entry.uncompressedSize > RATIO_APPLIES_ABOVE_BYTES) {
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (ratio > limits.maxCompressionRatio) {
        return {
          ok: false,
          reason: `the archive entry ${entry.fileName} expands ${formatCount(Math.round(ratio))} times (${formatBytes(entry.compressedSize)} to ${formatBytes(entry.uncompressedSize)}), more than the ${formatCount(limits.maxCompressionRatio)} times accepted: a zip bomb`,
        };
      }
    }
  }
  return { ok: true, total };
}

/** Entries must tile the archive from its start to the central directory: no overlap (one byte range inflated many times) and no unlisted data. */
function checkLayout(bytes: Buffer, entries: yauzl.Entry[], centralDirectoryOffset: number): { ok: true } | { ok: false; reason: string } {
  const ordered = [...entries].sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader);
  let expected = 0;
  let slack = 0;
  for (const entry of ordered) {
    const offset = entry.relativeOffsetOfLocalHeader;
    if (offset < expected) return { ok: false, reason: `the archive's entries overlap (${entry.fileName}): a zip bomb` };
    if (offset > expected + slack) return { ok: false, reason: `the archive holds data that no entry lists (before ${entry.fileName})` };
    if (offset + LOCAL_HEADER_BYTES > bytes.length || bytes.readUInt32LE(offset) !== LOCAL_HEADER_SIGNATURE) {
      return { ok: false, reason: `the archive's entry ${entry.fileName} has no local header where its directory says` };
    }
    const dataStart = offset + LOCAL_HEADER_BYTES + bytes.readUInt16LE(offset + 26) + bytes.readUInt16LE(offset + 28);
    expected = dataStart + entry.compressedSize;
    slack = entry.generalPurposeBitFlag & 0x8 ? MAX_DATA_DESCRIPTOR_BYTES : 0;
  }
  if (centralDirectoryOffset < expected) return { ok: false, reason: 'the archive\'s entries overlap its directory: a zip bomb' };
  if (centralDirectoryOffset > expected + slack) return { ok: false, reason: 'the archive holds data that no entry lists (before its directory)' };
  return { ok: true };
}

/** Inflates every entry, counting bytes; yauzl refuses an entry that inflates past its declared size. */
async function inflateAll(zipfile: yauzl.ZipFile, entries: yauzl.Entry[], limits: ArchiveLimits): Promise<{ ok: true } | { ok: false; reason: string }> {
  let total = 0;
  for (const entry of entries) {
    if (entry.fileName.endsWith('/')) continue;
    try {
      const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
        zipfile.openReadStream(entry, (error, s) => (error || !s ? reject(error ?? new Error('no stream')) : resolve(s))),
      );
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > limits.maxUnzippedBytes) {
          (stream as unknown as { destroy(): void }).destroy();
          return { ok: false, reason: `the archive unpacks to more than ${formatBytes(limits.maxUnzippedBytes)}` };
        }
      }
    } catch (error) {
      return { ok: false, reason: `the archive's entry ${entry.fileName} is damaged or larger than it declares (${messageOf(error)})` };
    }
  }
  return { ok: true };
}

function openZip(bytes: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (error, zipfile) =>
      error || !zipfile ? reject(error ?? new Error('no archive')) : resolve(zipfile),
    ),
  );
}

function readEntries(zipfile: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zipfile.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zipfile.readEntry();
    });
    zipfile.once('end', () => resolve(entries));
    zipfile.once('error', reject);
    zipfile.readEntry();
  });
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
