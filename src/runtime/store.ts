/**
 * The saved-index file: a header line, then named binary sections, each checked on its own.
 *
 *   line 1: JSON { magic, format, key, sections: [{ name, type, offset, bytes, sha256 }] }
 *   then:   each section's bytes at `offset` from the end of the header line, 8-byte aligned;
 *           typed arrays as their bytes (little-endian, as this machine writes them), texts as UTF-8.
 *
 * Written a section at a time into a temporary file that is renamed when complete, so no part ever
 * needs one string or buffer as large as the whole index (the JSON file this replaced could not be
 * saved past about 46,000 articles: V8 strings stop at 512 MiB). Read a section at a time: every
 * section's place and size are checked against the file's size before anything is allocated, so a
 * forged header cannot make a reader allocate more than the file holds, and each section's checksum
 * is checked before its content is decoded.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { InvalidIndex, type Section, type SectionValue } from '../core/sections.js';

const MAGIC = 'affair-bot-index';
/** Longest header accepted; one is a few kilobytes. */
const MAX_HEADER = 1 << 20;
const ALIGN = 8;
const TYPES = { i32: Int32Array, u32: Uint32Array, f64: Float64Array, u8: Uint8Array } as const;
type TypeName = keyof typeof TYPES | 'utf8';

interface Entry {
  name: string;
  type: TypeName;
  offset: number;
  bytes: number;
  sha256: string;
}

interface Header {
  magic: string;
  format: number;
  key: string;
  sections: Entry[];
}

/** What a reader expects of a file: the format it understands and the corpus key it is for. */
export interface Expected {
  format: number;
  key: string;
}

/** A saved file that is not usable; the message says why ("stale: ...", "corrupt: ...", "truncated: ..."). */
export class StoreFault extends Error {}

function bytesOf(value: SectionValue): Uint8Array {
  return typeof value === 'string' ? Buffer.from(value, 'utf8') : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
}

function typeOf(value: SectionValue): TypeName {
  if (typeof value === 'string') return 'utf8';
  if (value instanceof Int32Array) return 'i32';
  if (value instanceof Uint32Array) return 'u32';
  if (value instanceof Float64Array) return 'f64';
  return 'u8';
}

/** Writes the sections to `file` through `tmp` (renamed when complete). */
export function writeSections(file: string, tmp: string, format: number, key: string, sections: Section[]): void {
  const entries: Entry[] = [];
  let offset = 0;
  for (const s of sections) {
    const bytes = bytesOf(s.value);
    entries.push({ name: s.name, type: typeOf(s.value), offset, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    offset += Math.ceil(bytes.length / ALIGN) * ALIGN;
  }
  const header: Header = { magic: MAGIC, format, key, sections: entries };
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, `${JSON.stringify(header)}\n`);
    const pad = new Uint8Array(ALIGN);
    for (const s of sections) {
      const bytes = bytesOf(s.value);
      writeSync(fd, bytes);
      if (bytes.length % ALIGN) writeSync(fd, pad, 0, ALIGN - (bytes.length % ALIGN));
    }
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

/** Reads every section of `file`, each checked; throws StoreFault or InvalidIndex, or the read error. */
export function readSections(file: string, expected: Expected): Section[] {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(size, MAX_HEADER));
    readSync(fd, head, 0, head.length, 0);
    const { header, bodyStart } = parseHeader(head, size, expected);
    return header.sections.map((entry) => {
      const buffer = new ArrayBuffer(entry.bytes); // bounded: checked against the file's size
      const view = new Uint8Array(buffer);
      let done = 0;
      while (done < entry.bytes) {
        const n = readSync(fd, view, done, entry.bytes - done, bodyStart + entry.offset + done);
        if (n === 0) throw new StoreFault(`truncated: section ${entry.name} ends early`);
        done += n;
      }
      if (createHash('sha256').update(view).digest('hex') !== entry.sha256) throw new StoreFault(`corrupt: checksum mismatch in section ${entry.name}`);
      return { name: entry.name, value: valueOf(entry, buffer) };
    });
  } finally {
    closeSync(fd);
  }
}

/**
 * The same, reading and checking in slices of a few megabytes with the event loop free in between:
 * how a running bot reads an index, so that questions keep being answered meanwhile.
 */
export async function readSectionsSliced(file: string, expected: Expected): Promise<Section[]> {
  const handle = await open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    const head = Buffer.alloc(Math.min(size, MAX_HEADER));
    await handle.read(head, 0, head.length, 0);
    const { header, bodyStart } = parseHeader(head, size, expected);
    const sections: Section[] = [];
    const SLICE = 4 * 2 ** 20;
    for (const entry of header.sections) {
      const buffer = new ArrayBuffer(entry.bytes);
      const view = new Uint8Array(buffer);
      const hash = createHash('sha256');
      for (let done = 0; done < entry.bytes; ) {
        const { bytesRead } = await handle.read(view, done, Math.min(SLICE, entry.bytes - done), bodyStart + entry.offset + done);
        if (bytesRead === 0) throw new StoreFault(`truncated: section ${entry.name} ends early`);
        hash.update(view.subarray(done, done + bytesRead));
        done += bytesRead;
      }
      if (hash.digest('hex') !== entry.sha256) throw new StoreFault(`corrupt: checksum mismatch in section ${entry.name}`);
      sections.push({ name: entry.name, value: valueOf(entry, buffer) });
    }
    return sections;
  } finally {
    await handle.close();
  }
}

function parseHeader(head: Buffer, size: number, expected: Expected): { header: Header; bodyStart: number } {
  const newline = head.indexOf(0x0a);
  if (newline < 0) throw new StoreFault(size === 0 ? 'no header line' : 'corrupt: no header line in the first megabyte');
  let header: Partial<Header>;
  try {
    header = JSON.parse(head.subarray(0, newline).toString('utf8')) as Partial<Header>;
  } catch {
    throw new StoreFault('corrupt: header is not JSON');
  }
  if (header?.magic !== MAGIC) throw new StoreFault('not an affair-bot index');
  if (header.format !== expected.format) throw new StoreFault(`stale: format ${String(header.format)}, expected ${expected.format}`);
  if (header.key !== expected.key) throw new StoreFault('stale: saved for another corpus or older code');
  const bodyStart = newline + 1;
  const sections = header.sections;
  if (!Array.isArray(sections)) throw new StoreFault('corrupt: no section table');
  const names = new Set<string>();
  let end = 0;
  for (const e of sections) {
    const ok =
      typeof e?.name === 'string' && !names.has(e.name) && (e.type === 'utf8' || Object.hasOwn(TYPES, e.type)) &&
      Number.isSafeInteger(e.offset) && Number.isSafeInteger(e.bytes) && e.offset >= end && e.offset % ALIGN === 0 && e.bytes >= 0 &&
      typeof e.sha256 === 'string' && (e.type === 'utf8' || e.bytes % TYPES[e.type as keyof typeof TYPES].BYTES_PER_ELEMENT === 0);
    if (!ok) throw new StoreFault(`corrupt: section table entry ${names.size}`);
    names.add(e.name);
    end = e.offset + e.bytes;
  }
  if (bodyStart + end > size) throw new StoreFault(`truncated: ${size} bytes, the sections need ${bodyStart + end}`);
  return { header: header as Header, bodyStart };
}

function valueOf(entry: Entry, buffer: ArrayBuffer): SectionValue {
  if (entry.type === 'utf8') {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    } catch {
      throw new InvalidIndex(`section ${entry.name} is not UTF-8`);
    }
  }
  return new TYPES[entry.type](buffer);
}

/** Removes a file if it exists (best effort: a cache problem never stops a start). */
export function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Left for the next start to clean.
  }
}
