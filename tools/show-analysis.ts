// Development aid: prints one draft's claims (type, actor, source, cue, via, content), actors, unattributed
// sentences and findings, one line each — quicker to read than --json while tuning the engine.
//   npx tsx tools/show-analysis.ts examples/harbour-strike.md
import * as fs from 'node:fs';
import { analyze } from '../src/core';
const file = process.argv[2];
const text = fs.readFileSync(file, 'utf8');
const a = analyze(text, { format: file.endsWith('.json') ? 'text' : 'markdown' });
const name = (id: string | null) => a.actors.find((x) => x.id === id)?.name ?? '∅';
for (const c of a.claims) console.log(`${c.type.padEnd(12)} ${name(c.actor).padEnd(28)} src=${JSON.stringify(c.source?.text)} cue=${JSON.stringify(c.cue?.text)} via=${c.via.map(name)} :: ${c.content.text.slice(0, 100).replace(/\n/g, ' ')}`);
console.log('--- actors');
for (const x of a.actors) console.log(`${x.kind.padEnd(12)} ${x.name} [${x.title ?? ''}] ${x.aliases.join(' | ')}`);
console.log('--- unattributed');
for (const u of a.unattributed) console.log('U:', u.text.slice(0, 120));
console.log('--- findings');
for (const f of a.findings) console.log(f.rule, JSON.stringify(text.slice(f.start, f.end).slice(0, 60)));
