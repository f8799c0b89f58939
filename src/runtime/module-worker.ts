import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread on the module `name` next to `caller` (its `import.meta.url`), in the same
 * form as the caller: the compiled `.js` in production. When the caller runs from TypeScript sources
 * (tests and the bench, under tsx or vitest), a worker does not inherit the TypeScript loader, so it
 * is started through tsx's own import.
 */
export function startModuleWorker(caller: string, name: string, options: WorkerOptions = {}): Worker {
  const self = new URL(caller);
  const entry = new URL(`./${name}${self.pathname.slice(self.pathname.lastIndexOf('.'))}`, self);
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, options);
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ tsImport }) => tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(self.href)}))`;
  return new Worker(boot, { ...options, eval: true });
}
