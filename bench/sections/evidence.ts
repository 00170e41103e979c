// Quote tracing speed (issue 4): 200 quotes against 50 synthetic transcripts of 10,000 words each,
// warm (the index built once, as the editor keeps it until the material changes). Target ≤ 200 ms
// for all 200 quotes. Also reports the index build time and the verdict mix, so a speed-up that
// stopped finding quotes would show.
import { createEvidenceIndex, verifyQuote, type EvidenceIndex } from '../../src/core/evidence';
import type { EvidenceVerdict, SourceDocument } from '../../src/core/types';
import { rng } from '../generate';
import { registerBench } from '../registry';
import { lpad, mark, measure, ms, pad } from '../stats';

const TARGET_MS = 200;

// A vocabulary with a Zipf-like spread: a few very common words, many rare ones, like speech.
const COMMON = ('the a and to of in that it is we i you they was for on be have with not this are but at ' +
  'so what there all about just do can our will they\'re it\'s don\'t one if would been from people know think').split(' ');

function vocabulary(r: () => number, size: number): string[] {
  const letters = 'abcdefghijklmnoprstuvwy';
  const words = new Set<string>(COMMON);
  while (words.size < size) {
    const length = 3 + Math.floor(r() * 7);
    let w = '';
    for (let i = 0; i < length; i++) w += letters[Math.floor(r() * letters.length)];
    words.add(w);
  }
  return [...words];
}

function pickWord(r: () => number, vocab: string[]): string {
  // Log-uniform rank: roughly Zipf (rank 1 most likely, the long tail rare).
  return vocab[Math.min(vocab.length - 1, Math.floor(Math.pow(vocab.length, r())) - 1)];
}

export interface EvidenceBenchData {
  docs: SourceDocument[];
  quotes: Array<{ text: string; speaker: string; expect: EvidenceVerdict }>;
}

/** 50 transcripts (.vtt, .srt, .txt in turn) of ~10,000 words and 200 quotes taken from them. */
export function evidenceBenchData(files = 50, words = 10_000, quotes = 200, seed = 4242): EvidenceBenchData {
  const r = rng(seed);
  const vocab = vocabulary(r, 8000);
  const speakers = ['YOON', 'OKAFOR', 'VASQUEZ', 'Speaker 1', 'Speaker 2'];
  const docs: SourceDocument[] = [];
  const turns: Array<{ doc: number; words: string[]; speaker: string }> = [];
  for (let f = 0; f < files; f++) {
    const kind = ['vtt', 'srt', 'txt'][f % 3];
    const lines: string[] = kind === 'vtt' ? ['WEBVTT', ''] : [];
    let count = 0;
    let cue = 0;
    while (count < words) {
      const speaker = speakers[Math.floor(r() * speakers.length)];
      const length = 8 + Math.floor(r() * 30);
      const turn: string[] = [];
      for (let i = 0; i < length; i++) turn.push(pickWord(r, vocab));
      turn[0] = turn[0][0].toUpperCase() + turn[0].slice(1);
      count += length;
      turns.push({ doc: f, words: turn, speaker });
      const sentence = turn.join(' ') + '.';
      const seconds = cue * 4;
      const time = `00:${String(Math.floor(seconds / 60) % 60).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
      cue++;
      if (kind === 'vtt') lines.push(`${time}.000 --> ${time}.900`, `<v ${speaker}>${sentence}`, '');
      else if (kind === 'srt') lines.push(String(cue), `${time},000 --> ${time},900`, `${speaker}: ${sentence}`, '');
      else lines.push(`${speaker}: ${sentence}`);
    }
    docs.push({ path: `sources/transcript-${String(f + 1).padStart(2, '0')}.${kind}`, text: lines.join('\n') + '\n' });
  }

  const out: EvidenceBenchData['quotes'] = [];
  for (let q = 0; q < quotes; q++) {
    const turn = turns[Math.floor(r() * turns.length)];
    const length = Math.min(turn.words.length, 6 + Math.floor(r() * 14));
    const start = Math.floor(r() * (turn.words.length - length + 1));
    const piece = turn.words.slice(start, start + length);
    const kind = q % 10;
    let text: string;
    let expect: EvidenceVerdict;
    if (kind < 5) {
      text = piece.join(' ');
      expect = 'exact';
    } else if (kind < 7 && piece.length >= 8) {
      // One word changed, one dropped: reworded.
      const changed = [...piece];
      changed[2] = pickWord(r, vocab) + 'x';
      changed.splice(5, 1);
      text = changed.join(' ');
      expect = 'reworded';
    } else if (kind < 8 && piece.length >= 12) {
      text = `${piece.slice(0, 4).join(' ')} … ${piece.slice(8).join(' ')}`;
      expect = 'ellipsis';
    } else if (kind < 9) {
      text = piece.join(' ').toUpperCase();
      expect = 'normalized';
    } else {
      text = Array.from({ length }, () => pickWord(r, vocab) + 'q').join(' ');
      expect = 'not-found';
    }
    out.push({ text, speaker: turn.speaker, expect });
  }
  return { docs, quotes: out };
}

export function verifyAll(index: EvidenceIndex, data: EvidenceBenchData): EvidenceVerdict[] {
  return data.quotes.map((q) => verifyQuote(index, q.text, [q.speaker]).verdict);
}

registerBench({
  name: 'evidence',
  description: `quote tracing: 200 quotes against 50 transcripts × 10,000 words, warm (target ≤ ${TARGET_MS} ms); index build time`,
  byDefault: false,
  order: 75,
  run(ctx) {
    const data = evidenceBenchData();
    const totalWords = data.docs.reduce((sum, d) => sum + (d.text.match(/[A-Za-z']+/g)?.length ?? 0), 0);
    const { runs, warmup, budgetMs } = ctx.options;
    const build = measure(() => createEvidenceIndex(data.docs), Math.min(runs, 10), Math.min(warmup, 2), budgetMs);
    const index = createEvidenceIndex(data.docs);
    const verify = measure(() => verifyAll(index, data), runs, warmup, budgetMs);

    const verdicts = verifyAll(index, data);
    let agree = 0;
    const mix = new Map<string, number>();
    verdicts.forEach((v, i) => {
      mix.set(v, (mix.get(v) ?? 0) + 1);
      if (v === data.quotes[i].expect) agree++;
    });
    ctx.log(`${data.docs.length} transcripts (.vtt/.srt/.txt), ${index.wordCount.toLocaleString('en-US')} words indexed (${totalWords.toLocaleString('en-US')} in the files); ${data.quotes.length} quotes`);
    ctx.log(`  ${pad('measurement', 34)}${lpad('median ms', 11)}${lpad('p95 ms', 9)}${lpad('runs', 6)}`);
    ctx.log(`  ${pad('build the index (once per change)', 34)}${lpad(ms(build.median), 11)}${lpad(ms(build.p95), 9)}${lpad(String(build.runs), 6)}`);
    ctx.log(`  ${pad(`verify ${data.quotes.length} quotes (warm)`, 34)}${lpad(ms(verify.median), 11)}${lpad(ms(verify.p95), 9)}${lpad(String(verify.runs), 6)}  ${mark(verify.median, TARGET_MS)} target ≤ ${TARGET_MS} ms`);
    ctx.log(`  per quote: ${(verify.median / data.quotes.length).toFixed(3)} ms median`);
    ctx.log(`  verdicts: ${[...mix.entries()].map(([k, v]) => `${v} ${k}`).join(', ')}; ${agree}/${data.quotes.length} as constructed`);
    ctx.record('buildMs', build);
    ctx.record('verify200Ms', verify);
    ctx.record('targetMs', TARGET_MS);
    ctx.record('withinTarget', verify.median <= TARGET_MS);
    ctx.record('verdicts', Object.fromEntries(mix));
    ctx.record('asConstructed', agree);
  },
});
