const [root, corpusDir, out] = process.argv.slice(2);
const { QUESTIONS } = await import('/work/wt-12/bench/questions.ts');
let engine: any;
try { const m = await import(`${root}/src/runtime/load.ts`); engine = await m.loadEngine({ corpusDir, root: '/work/wt-12' }); }
catch { const m = await import(`${root}/src/answers/engine.ts`); engine = await m.Engine.load({ corpusDir, root: '/work/wt-12' }); }
const lines: string[] = [];
for (const q of QUESTIONS) { try { lines.push(JSON.stringify(engine.answer({ ...q }))); } catch (e) { lines.push('ERR ' + (e as Error).message); } }
(await import('node:fs')).writeFileSync(out!, lines.join('\n'));
