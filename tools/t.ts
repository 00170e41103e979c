import { analyze } from '../src/core';
const t = process.argv[2];
const a = analyze(t);
const name = (id: string | null) => a.actors.find((x) => x.id === id)?.name ?? '∅';
for (const c of a.claims) console.log(c.type, name(c.actor), '|', c.source?.text, '|', c.cue?.text, '|', c.content.text);
