// Child process for the 10 MB benchmark (run by bench/sections/large.ts with a time limit).
// argv: <characters> <seed>. Prints one JSON line.
import { performance } from 'node:perf_hooks';
import { analyze } from '../src/core';
import { generateDraft } from './generate';

const chars = Number(process.argv[2]);
const seed = Number(process.argv[3] ?? 5);
const t0 = performance.now();
let text = generateDraft({ words: Math.ceil(chars / 5.5), seed });
while (text.length < chars) text += `\n\n${generateDraft({ words: 20000, seed: seed + text.length, markdown: false })}`;
text = text.slice(0, chars);
const t1 = performance.now();
const a = analyze(text);
const t2 = performance.now();
process.stdout.write(`${JSON.stringify({
  generateMs: t1 - t0, analyzeMs: t2 - t1, chars: text.length, claims: a.claims.length, sentences: a.sentences.length,
  notice: a.notice ?? null, rssMB: process.memoryUsage().rss / 1048576,
})}\n`);
