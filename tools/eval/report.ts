// Text rendering for `npm run eval`: the metric table per corpus and the error listings.

import type { Analysis } from '../../src/core/types';
import type { Corpus, CorpusDocument } from './corpus';
import { type DocumentDetail, type Metrics, type Ratio, normalizeName } from './metrics';

const f3 = (x: number) => x.toFixed(3);
const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

function ratioText(r: Ratio): string {
  return r.value === null ? `  n/a   (0 matched pairs)` : `${f3(r.value)}   (${r.num} / ${r.den})`;
}

export function renderMetrics(corpus: Corpus, m: Metrics, extra: { goldOptional: number; goldSkipped: number; predIgnored: number; predClaims: number; predStances: number; ms: number }): string {
  const lines: string[] = [];
  const docs = corpus.documents.length;
  lines.push(`${corpus.name}  (${docs} document${docs === 1 ? '' : 's'}, ${corpus.dir})`);
  lines.push(
    `  gold: ${m.content.gold} required attributions, ${extra.goldOptional} optional (neither required nor penalised)` +
      (extra.goldSkipped ? `, ${extra.goldSkipped} skipped (no content span)` : ''),
  );
  lines.push(
    `  predicted: ${describePredicted(corpus, extra.predClaims, extra.predStances)}, ${extra.predIgnored} ignored (match optional gold), ${m.content.pred} scored; analysis took ${extra.ms.toFixed(0)} ms`,
  );
  lines.push(`  micro-averaged: TP/FP/FN are summed over all documents, then P/R/F1 computed once`);
  lines.push(`                          P       R       F1     TP / predicted / gold`);
  const row = (label: string, p: number, r: number, f: number, counts: string) =>
    `  ${pad(label, 20)}${lpad(f3(p), 7)} ${lpad(f3(r), 7)} ${lpad(f3(f), 7)}     ${counts}`;
  lines.push(row('content', m.content.p, m.content.r, m.content.f1, `${m.content.tp} / ${m.content.pred} / ${m.content.gold}`));
  lines.push(
    row('content+speaker', m.contentSpeaker.p, m.contentSpeaker.r, m.contentSpeaker.f1, `${m.contentSpeaker.tp} / ${m.contentSpeaker.pred} / ${m.contentSpeaker.gold}`),
  );
  if (m.actors) {
    lines.push(
      row('actors', m.actors.p, m.actors.r, m.actors.f1, `P ${m.actors.predMapped}/${m.actors.pred} mapped, R ${m.actors.goldFound}/${m.actors.gold} found` +
        (m.actors.splits ? `, ${m.actors.splits} split` : '')),
    );
  } else lines.push(`  ${pad('actors', 20)}   n/a (no actor gold in this corpus)`);
  if (m.unattributed) {
    lines.push(
      row('unattributed', m.unattributed.p, m.unattributed.r, m.unattributed.f1, `P ${m.unattributed.predHit}/${m.unattributed.pred} overlap gold, R ${m.unattributed.goldFound}/${m.unattributed.gold} found`),
    );
  } else lines.push(`  ${pad('unattributed', 20)}   n/a (no unattributed gold in this corpus)`);
  lines.push(`  on matched pairs:`);
  lines.push(`    speaker accuracy    ${ratioText(m.speakerAccuracy)}`);
  lines.push(`    cue accuracy        ${ratioText(m.cueAccuracy)}   (cue spans overlap, or both absent)`);
  lines.push(`    type accuracy       ${ratioText(m.typeAccuracy)}`);
  lines.push(`  recall by type:`);
  for (const [t, r] of Object.entries(m.recallByType)) {
    lines.push(`    ${pad(t, 18)}${r.value === null ? '  n/a' : f3(r.value)}   (${r.num} / ${r.den})`);
  }
  lines.push(
    corpus.style === 'newsroom'
      ? `  not_attributions tripped: ${m.notAttributions.tripped} of ${m.notAttributions.total}` +
        (m.notAttributions.tripped > 0
          ? ` (${m.notAttributions.trippedByErrors} by wrong claims, ${m.notAttributions.tripped - m.notAttributions.trippedByErrors} only inside a gold claim the prediction matches)`
          : '')
      : `  not_attributions tripped: n/a (no not_attribution gold in this corpus)`,
  );
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Error listings

function oneLine(s: string, max = 220): string {
  const t = s.replace(/\r?\n/g, ' ⏎ ').replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

export function renderDocumentErrors(corpus: Corpus, doc: CorpusDocument, analysis: Analysis, d: DocumentDetail, showMatches: boolean): string {
  const out: string[] = [];
  const c = d.counts;
  const actorsById = new Map(analysis.actors.map((a, i) => [a.id, { actor: a, index: i }]));
  const goldActors = doc.actors ?? [];
  const predActorText = (actorId: string | null): string => {
    if (actorId === null) return 'actor: none';
    const a = actorsById.get(actorId);
    if (!a) return `actor: ${actorId} (not in actors[])`;
    const gi = d.actorMap[a.index];
    const mapped = doc.style === 'actors' ? (gi >= 0 ? ` → gold "${goldActors[gi].name}"` : ' → no gold actor') : '';
    return `actor: "${a.actor.name}"${mapped}`;
  };
  const predText = (p: number): string => {
    const cl = d.preds[p];
    const parts = [`[${cl.type}] "${oneLine(cl.content.text)}"`, predActorText(cl.actor)];
    if (cl.source) parts.push(`source "${oneLine(cl.source.text, 60)}"`);
    if (cl.cue) parts.push(`cue "${oneLine(cl.cue.text, 40)}"`);
    return parts.join('; ');
  };
  const pairOfPred = new Map(d.pairing.pairs.map((x, i) => [x.pred, i]));
  const pairOfGold = new Map(d.pairing.pairs.map((x, i) => [x.gold, i]));
  const goldSpeaker = (g: number): string => {
    const a = d.gold[g].attr;
    const bits: string[] = [];
    if (a.source_actor !== undefined) bits.push(`"${a.source_actor}"`);
    if (a.source) bits.push(`${a.source_actor !== undefined ? 'as ' : ''}"${oneLine(a.source.text ?? doc.text.slice(a.source.start, a.source.end), 60)}"`);
    else bits.push('(no source span)');
    if (a.cue) bits.push(`cue "${oneLine(a.cue.text ?? doc.text.slice(a.cue.start, a.cue.end), 40)}"`);
    if (a.via) bits.push(`via "${a.via}"`);
    return bits.join(' ');
  };

  out.push(
    `── ${corpus.name}/${doc.id}: ${c.goldRequired} gold required (+${c.goldOptional} optional), ${c.predClaims} predicted; ` +
      `${c.pairs} matched (${c.speakerCorrect} with right speaker), ${c.misses} missed, ${c.falsePositives} false positive(s), ${c.predIgnored} ignored`,
  );

  for (const g of d.pairing.misses) {
    const a = d.gold[g].attr;
    out.push(`  MISS    L${lineOf(doc.text, a.content.start)} [${a.type ?? '?'}] "${oneLine(a.content.text ?? doc.text.slice(a.content.start, a.content.end))}"`);
    out.push(`          gold speaker: ${goldSpeaker(g)}`);
    const row = d.pairing.diceMatrix[g];
    let best = -1;
    let bestD = 0;
    for (const [p, v] of row) if (v > bestD) { best = p; bestD = v; }
    if (best < 0) out.push(`          best predicted overlap: none (no predicted claim shares a character)`);
    else {
      const pi = pairOfPred.get(best);
      const status = pi !== undefined
        ? `paired with another gold attribution (L${lineOf(doc.text, d.gold[d.pairing.pairs[pi].gold].attr.content.start)}, Dice ${f3(d.pairing.pairs[pi].dice)})`
        : d.pairing.falsePositives.includes(best) ? 'counted as a false positive' : 'ignored (matches optional gold)';
      out.push(`          best predicted overlap: Dice ${f3(bestD)} ${predText(best)} — ${status}`);
    }
  }
  d.pairing.pairs.forEach((pair, i) => {
    const v = d.pairVerdicts[i];
    const a = d.gold[pair.gold].attr;
    const where = `L${lineOf(doc.text, a.content.start)}`;
    if (!v.speaker) {
      out.push(`  SPEAKER ${where} [${a.type ?? '?'}] "${oneLine(a.content.text ?? '', 120)}" (Dice ${f3(pair.dice)})`);
      out.push(`          gold speaker: ${goldSpeaker(pair.gold)}`);
      const cl = d.preds[pair.pred];
      out.push(`          predicted:    ${predActorText(cl.actor)}${cl.source ? `; source "${oneLine(cl.source.text, 60)}"` : '; no source span'}`);
    } else if (showMatches) {
      out.push(`  OK      ${where} [${a.type ?? '?'}→${d.preds[pair.pred].type}] Dice ${f3(pair.dice)} "${oneLine(a.content.text ?? '', 120)}"`);
    }
    if (showMatches && !v.cue) out.push(`  CUE     ${where} gold cue "${oneLine(a.cue?.text ?? '(none)', 40)}", predicted "${oneLine(d.preds[pair.pred].cue?.text ?? '(none)', 40)}"`);
    if (showMatches && v.type === false) out.push(`  TYPE    ${where} gold ${a.type}, predicted ${d.preds[pair.pred].type}`);
  });
  for (const p of d.pairing.falsePositives) {
    const cl = d.preds[p];
    out.push(`  FP      L${lineOf(doc.text, cl.content.start)} ${predText(p)}`);
    let best = -1;
    let bestD = 0;
    d.pairing.diceMatrix.forEach((row, g) => {
      const v = row.get(p) ?? 0;
      if (v > bestD) { best = g; bestD = v; }
    });
    if (best >= 0) {
      const paired = pairOfGold.get(best);
      out.push(
        `          nearest gold: Dice ${f3(bestD)} "${oneLine(d.gold[best].attr.content.text ?? '', 120)}"` +
          (paired !== undefined ? ' (already paired with a better prediction: duplicate?)' : bestD < 0.5 ? ' (Dice < 0.5: span boundaries off?)' : ''),
      );
    }
  }
  if (doc.style === 'actors') {
    for (const gi of d.missedGoldActors) {
      const a = goldActors[gi];
      out.push(`  ACTOR MISSED  "${a.name}" (${a.kind ?? '?'}; aliases: ${(a.aliases ?? []).map((x) => `"${x}"`).join(', ') || 'none'})`);
    }
    const byGold = new Map<number, string[]>();
    analysis.actors.forEach((a, i) => {
      const gi = d.actorMap[i];
      if (gi < 0) {
        const mentions = [...new Set(a.mentions.map((m) => m.text))].slice(0, 6).map((t) => `"${oneLine(t, 40)}"`).join(', ');
        out.push(`  ACTOR SPURIOUS "${a.name}" (${a.kind}) maps to no gold actor; mentions: ${mentions || 'none'}`);
      } else {
        const list = byGold.get(gi) ?? [];
        list.push(a.name);
        byGold.set(gi, list);
      }
    });
    for (const [gi, names] of byGold) {
      if (names.length > 1) out.push(`  ACTOR SPLIT   gold "${goldActors[gi].name}" is split over predicted ${names.map((n) => `"${n}"`).join(', ')}`);
    }
    if (showMatches) {
      analysis.actors.forEach((a, i) => {
        const gi = d.actorMap[i];
        if (gi >= 0 && normalizeName(a.name) !== normalizeName(goldActors[gi].name)) out.push(`  ACTOR OK      "${a.name}" → gold "${goldActors[gi].name}"`);
      });
    }
  }
  for (const i of d.unattributedMisses) {
    const u = doc.unattributed![i];
    out.push(`  UNATTRIBUTED MISSED L${lineOf(doc.text, u.start)} "${oneLine(u.text ?? doc.text.slice(u.start, u.end))}"`);
  }
  for (const i of d.unattributedFalsePositives) {
    const u = analysis.unattributed[i];
    out.push(`  UNATTRIBUTED FP     L${lineOf(doc.text, u.start)} "${oneLine(u.text)}"`);
  }
  for (const t of d.tripped) {
    const n = doc.not_attributions![t.notAttribution];
    const inside = t.byErrors.length === 0;
    out.push(
      `  NOT-ATTRIBUTION TRIPPED L${lineOf(doc.text, n.start)} "${oneLine(n.text ?? doc.text.slice(n.start, n.end), 100)}"` +
        (inside ? ' (inside a matched gold claim: counts only in the literal figure)' : ''),
    );
    for (const p of t.preds) out.push(`          by ${predText(p)}${t.byErrors.includes(p) ? '' : ' [matches gold containing it]'}`);
  }
  return out.join('\n');
}

/** Stances count as attributions only where the gold's convention says so (PolNeAR: beliefs and evidence). */
function describePredicted(corpus: Corpus, scored: number, stances: number): string {
  if (corpus.style === 'polnear') return `${scored - stances} claims + ${stances} stances (this gold counts beliefs and evidence)`;
  return `${scored} claims (${stances} stances not scored: this gold counts reported speech only)`;
}
