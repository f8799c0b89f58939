/**
 * The saved index is a list of named sections, each a typed array or a text: what retrieval and
 * answers hand the runtime to save, and what they get back to check and decode. Kept apart from the
 * file format (src/runtime/store.ts) so that neither layer reads files, and below both so that
 * neither imports the other for it.
 *
 * A reader never trusts a section: it asks for the kind and length it needs, and every value read
 * from it is checked before use (`InvalidIndex` says which section and why).
 */

export type SectionValue = Int32Array | Uint32Array | Float64Array | Uint8Array | string;

export interface Section {
  name: string;
  value: SectionValue;
}

/** A saved index whose content is not what its writer would have written. */
export class InvalidIndex extends Error {}

/** Texts above this many characters are saved as several sections (a V8 string stops at 512 MiB). */
const TEXT_CHUNK = 4 * 2 ** 20; // small enough to parse without holding a bot's event loop for long

/** A list of strings as JSON sections `name.0`, `name.1`, ... of bounded size. */
export function stringSections(name: string, values: readonly unknown[]): Section[] {
  const sections: Section[] = [];
  let chunk: string[] = [];
  let size = 0;
  const flush = () => {
    sections.push({ name: `${name}.${sections.length}`, value: `[${chunk.join(',')}]` });
    chunk = [];
    size = 0;
  };
  for (const v of values) {
    const json = JSON.stringify(v);
    if (size + json.length > TEXT_CHUNK && chunk.length) flush();
    chunk.push(json);
    size += json.length + 1;
  }
  flush();
  return sections;
}

/** Typed, checked access to the sections of a saved index. */
export class Sections {
  private readonly byName: Map<string, SectionValue>;

  constructor(sections: Iterable<Section>) {
    this.byName = new Map([...sections].map((s) => [s.name, s.value]));
  }

  int32(name: string, length?: number): Int32Array {
    return this.typed(name, Int32Array, length);
  }

  uint32(name: string, length?: number): Uint32Array {
    return this.typed(name, Uint32Array, length);
  }

  float64(name: string, length?: number): Float64Array {
    return this.typed(name, Float64Array, length);
  }

  uint8(name: string, length?: number): Uint8Array {
    return this.typed(name, Uint8Array, length);
  }

  text(name: string): string {
    const value = this.byName.get(name);
    if (typeof value !== 'string') throw new InvalidIndex(`section ${name} is ${value === undefined ? 'missing' : 'not text'}`);
    return value;
  }

  /** The list saved by `stringSections`, every item checked by `check`. */
  list<T>(name: string, check: (item: unknown, i: number) => item is T): T[] {
    return runToEnd(this.listSteps(name, check));
  }

  /** The same, yielding between its sections (see runSliced). */
  *listSteps<T>(name: string, check: (item: unknown, i: number) => item is T): Generator<void, T[]> {
    if (!this.byName.has(`${name}.0`)) throw new InvalidIndex(`section ${name} is missing`);
    const out: T[] = [];
    for (let part = 0; this.byName.has(`${name}.${part}`); part++) {
      let items: unknown;
      try {
        items = JSON.parse(this.text(`${name}.${part}`));
      } catch {
        throw new InvalidIndex(`section ${name}.${part} is not JSON`);
      }
      if (!Array.isArray(items)) throw new InvalidIndex(`section ${name}.${part} is not a list`);
      for (const item of items) {
        if (!check(item, out.length)) throw new InvalidIndex(`item ${out.length} of ${name} is malformed`);
        out.push(item);
      }
      yield;
    }
    return out;
  }

  private typed<T extends Int32Array | Uint32Array | Float64Array | Uint8Array>(name: string, kind: { new (n: number): T; prototype: T }, length?: number): T {
    const value = this.byName.get(name);
    if (!(value instanceof kind)) throw new InvalidIndex(`section ${name} is ${value === undefined ? 'missing' : `not ${kind.name}`}`);
    if (length !== undefined && value.length !== length) throw new InvalidIndex(`section ${name} has ${value.length} values, expected ${length}`);
    return value;
  }
}

/** Checks that `offsets` (one more than its groups) start at 0, never decrease and end at `total`. */
export function checkOffsets(name: string, offsets: Int32Array, total: number): void {
  if (offsets.length === 0 || offsets[0] !== 0 || offsets[offsets.length - 1] !== total) throw new InvalidIndex(`offsets ${name} do not span their ${total} values`);
  for (let i = 1; i < offsets.length; i++) if (offsets[i]! < offsets[i - 1]!) throw new InvalidIndex(`offsets ${name} decrease at ${i}`);
}

/** Checks every value lies in [min, max). */
export function checkRange(name: string, values: Int32Array | Uint8Array | Uint32Array, min: number, max: number): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < min || v >= max) throw new InvalidIndex(`${name}[${i}] = ${v} is outside [${min}, ${max})`);
  }
}

/**
 * Runs a computation that yields between slices: to its end at once, or (runSliced) giving the event
 * loop a turn whenever a slice has run `budgetMs`, so that a bot keeps answering while it loads.
 */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

export async function runSliced<T>(steps: Generator<void, T>, budgetMs = 8): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - sliceStart >= budgetMs) {
      await new Promise((resume) => setImmediate(resume));
      sliceStart = performance.now();
    }
  }
}
