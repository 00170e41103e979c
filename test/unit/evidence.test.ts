// Quote tracing (src/core/evidence.ts): parsing transcripts, the n-gram index and every verdict,
// against the fixture material in test/fixtures/sources/.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  createEvidenceIndex,
  describeEvidence,
  formatDiff,
  parseSourceDocument,
  speakerMatches,
  splitSpeakerLabel,
  verifyQuote,
  type EvidenceIndex,
} from '../../src/core/evidence';
import type { SourceDocument } from '../../src/core/types';

const SOURCES = path.join(__dirname, '..', 'fixtures', 'sources');

function fixtureDocs(): SourceDocument[] {
  return readdirSync(SOURCES)
    .sort()
    .map((name) => ({ path: `sources/${name}`, text: readFileSync(path.join(SOURCES, name), 'utf8') }));
}

function doc(name: string): SourceDocument {
  return { path: `sources/${name}`, text: readFileSync(path.join(SOURCES, name), 'utf8') };
}

describe('evidence: parsing source documents', () => {
  it('reads a .vtt transcript: cue start times as written, <v> speakers, NOTE blocks and cue ids skipped', () => {
    const parsed = parseSourceDocument(doc('residents-interview.vtt'));
    assert.equal(parsed.kind, 'vtt');
    assert.deepEqual(
      parsed.segments.map((s) => [s.line, s.timestamp, s.speaker, s.text]),
      [
        [7, '00:00:01.000', 'Reporter', 'Is the bridge safe to use right now?'],
        [10, '00:01:12.500', 'Grace Yoon', 'The bridge is safe for pedestrians, but not for lorries.'],
        [13, '00:02:03.250', 'Grace Yoon', 'We warned the council about the north pier in 2019,'],
        [14, '00:02:03.250', 'Grace Yoon', 'and again in 2021, and nobody listened.'],
        [17, '00:03:14.200', 'Grace Yoon', 'Every family on this side of the river loses an hour a day.'],
      ],
    );
  });

  it('reads a .srt transcript: comma timestamps kept, "NAME:" labels taken off the words', () => {
    const parsed = parseSourceDocument(doc('depot-interview.srt'));
    assert.equal(parsed.kind, 'srt');
    assert.deepEqual(parsed.segments[0], { line: 3, timestamp: '00:00:05,000', speaker: 'HARLAN', text: 'The bridge is safe for pedestrians, but not for lorries.' });
    assert.equal(parsed.segments[1].speaker, 'YOON');
    assert.equal(parsed.segments[1].line, 7);
    assert.equal(parsed.segments.length, 3);
  });

  it('reads a .txt readout line by line, with "MAYOR LINDQVIST:" and "Speaker 1:" labels and no timestamps', () => {
    const parsed = parseSourceDocument(doc('call-readout.txt'));
    const labelled = parsed.segments.filter((s) => s.speaker);
    assert.deepEqual(labelled.map((s) => [s.line, s.speaker]), [[4, 'MAYOR LINDQVIST'], [5, 'Speaker 1'], [6, 'MAYOR LINDQVIST'], [7, 'Speaker 1']]);
    assert.ok(parsed.segments.every((s) => s.timestamp === undefined));
    assert.equal(parsed.segments[0].line, 1);
    assert.ok(!parsed.segments.some((s) => s.text.startsWith('MAYOR')));
  });

  it('reads a .md press release without its front matter, heading marks or emphasis', () => {
    const parsed = parseSourceDocument(doc('press-release.md'));
    assert.ok(!parsed.segments.some((s) => /title:|\*\*|^#/.test(s.text)), JSON.stringify(parsed.segments));
    const quote = parsed.segments.find((s) => s.text.includes('Safety comes first'));
    assert.equal(quote?.line, 8);
  });

  it('reads transcription-service .txt exports: turn headers with times, and "[00:05:01] NAME:" lines', () => {
    const parsed = parseSourceDocument({
      path: 'sources/export.txt',
      text: 'Grace Yoon  00:03:14\nWe are done waiting.\n\nSpeaker 1 (0:42)\nYes.\n[00:05:01] OKAFOR: No deal.\nMonday 10:30\n',
    });
    assert.deepEqual(
      parsed.segments.map((s) => [s.line, s.speaker, s.timestamp, s.text]),
      [
        [2, 'Grace Yoon', '00:03:14', 'We are done waiting.'],
        [5, 'Speaker 1', '0:42', 'Yes.'],
        [6, 'OKAFOR', '00:05:01', 'No deal.'],
        [7, 'OKAFOR', '00:05:01', 'Monday 10:30'],
      ],
    );
    const v = verifyQuote(createEvidenceIndex([{ path: 'sources/export.txt', text: 'Grace Yoon  00:03:14\nWe are done waiting for the council.\n' }]), 'We are done waiting for the council', 'Yoon');
    assert.deepEqual([v.verdict, v.line, v.timestamp, v.speaker], ['exact', 2, '00:03:14', 'Grace Yoon']);
  });

  it('drops cue markup: <i>, <c.x>, {\\an8} positioning, and reads "- NAME:" dialogue lines', () => {
    const parsed = parseSourceDocument({ path: 'a.srt', text: '1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<i>- YOON: Hello there.</i>\n' });
    assert.deepEqual(parsed.segments, [{ line: 3, timestamp: '00:00:01,000', speaker: 'YOON', text: 'Hello there.' }]);
  });

  it('tells speaker labels from ordinary lines', () => {
    assert.deepEqual(splitSpeakerLabel('YOON: We are done.'), { speaker: 'YOON', text: 'We are done.' });
    assert.deepEqual(splitSpeakerLabel('Speaker 2: Yes.'), { speaker: 'Speaker 2', text: 'Yes.' });
    assert.deepEqual(splitSpeakerLabel('Grace Yoon: Thank you.'), { speaker: 'Grace Yoon', text: 'Thank you.' });
    assert.deepEqual(splitSpeakerLabel('>> OKAFOR: Next question.'), { speaker: 'OKAFOR', text: 'Next question.' });
    assert.equal(splitSpeakerLabel('Note: the call dropped twice.').speaker, undefined);
    assert.equal(splitSpeakerLabel('At 10:30 the talks resumed.').speaker, undefined);
    assert.equal(splitSpeakerLabel('The minister said this: no deal.').speaker, undefined);
  });

  it('matches a label to a speaker by full name or surname, and "Speaker 1" only exactly', () => {
    assert.ok(speakerMatches('YOON', ['Grace Yoon']));
    assert.ok(speakerMatches('MAYOR LINDQVIST', 'Eva Lindqvist'));
    assert.ok(speakerMatches('Speaker 1', ['Speaker 1']));
    assert.ok(!speakerMatches('Speaker 1', ['Speaker 2']));
    assert.ok(!speakerMatches('HARLAN', ['Grace Yoon']));
    assert.ok(!speakerMatches(undefined, ['Grace Yoon']));
  });
});

describe('evidence: verdicts against the fixture material', () => {
  let index: EvidenceIndex;
  before(() => {
    index = createEvidenceIndex(fixtureDocs());
  });

  it('indexes every file and word', () => {
    assert.deepEqual(index.files, ['sources/call-readout.txt', 'sources/depot-interview.srt', 'sources/press-release.md', 'sources/residents-interview.vtt']);
    assert.ok(index.wordCount > 100);
  });

  it('exact: same words and punctuation, across two cue lines, with file, line, timestamp and speaker', () => {
    const v = verifyQuote(index, 'We warned the council about the north pier in 2019, and again in 2021, and nobody listened,', ['Grace Yoon']);
    assert.equal(v.verdict, 'exact');
    assert.equal(v.file, 'sources/residents-interview.vtt');
    assert.equal(v.line, 13);
    assert.equal(v.timestamp, '00:02:03.250');
    assert.equal(v.speaker, 'Grace Yoon');
    assert.equal(v.diff, undefined);
  });

  it('normalized: a straight apostrophe where the source has a curly one', () => {
    const v = verifyQuote(index, "The engineers found corrosion in the north pier, and we won't cut corners on safety,", 'Eva Lindqvist');
    assert.equal(v.verdict, 'normalized');
    assert.equal(v.file, 'sources/call-readout.txt');
    assert.equal(v.line, 6);
    assert.equal(v.timestamp, undefined);
    assert.equal(v.speaker, 'MAYOR LINDQVIST');
  });

  it('normalized: curly draft quotes and a case or comma difference; exact needs the same characters', () => {
    assert.equal(verifyQuote(index, 'the engineers found corrosion in the north pier and we won’t cut corners on safety').verdict, 'normalized');
    assert.equal(verifyQuote(index, 'The engineers found corrosion in the north pier, and we won’t cut corners on safety.').verdict, 'exact');
  });

  it('reworded: a close match with a word-level diff (draft drops "single")', () => {
    const v = verifyQuote(index, 'Our drivers are losing money every day the bridge stays shut,', 'Grace Yoon');
    assert.equal(v.verdict, 'reworded');
    assert.equal(v.file, 'sources/depot-interview.srt');
    assert.equal(v.line, 7);
    assert.equal(v.timestamp, '00:00:09,000');
    assert.equal(v.speaker, 'YOON');
    assert.deepEqual(v.diff, [
      { op: 'equal', text: 'Our drivers are losing money every' },
      { op: 'source', text: 'single' },
      { op: 'equal', text: 'day the bridge stays shut' },
    ]);
    assert.equal(formatDiff(v.diff!), '… losing money every {→ single} day the bridge …');
    assert.equal(v.sourceText, 'Our drivers are losing money every single day the bridge stays shut');
  });

  it('reworded: a changed word shows both sides', () => {
    const v = verifyQuote(index, 'Every family on this side of the river loses two hours a day');
    assert.equal(v.verdict, 'reworded');
    assert.equal(v.line, 17);
    assert.ok(v.diff!.some((p) => p.op === 'draft' && p.text === 'two hours'), JSON.stringify(v.diff));
    assert.ok(v.diff!.some((p) => p.op === 'source' && p.text === 'an hour'), JSON.stringify(v.diff));
    assert.match(formatDiff(v.diff!), /\{two hours → an hour\}/);
  });

  it('ellipsis: pieces in order in one document, with the number of source words skipped ("..." and "…")', () => {
    const v = verifyQuote(index, 'The bridge is safe for pedestrians ... not for lorries,', 'Marcus Harlan');
    assert.equal(v.verdict, 'ellipsis');
    assert.equal(v.skippedWords, 1);
    assert.equal(v.file, 'sources/depot-interview.srt');
    assert.equal(v.speaker, 'HARLAN');
    const longer = verifyQuote(index, 'We warned the council about the north pier … and nobody listened', 'Grace Yoon');
    assert.equal(longer.verdict, 'ellipsis');
    assert.equal(longer.skippedWords, 6); // "in 2019, and again in 2021,"
    assert.equal(longer.line, 13);
    assert.equal(describeEvidence({ ...longer }), 'bridged by an ellipsis (6 words skipped) — sources/residents-interview.vtt:13 [00:02:03.250] (Grace Yoon)');
  });

  it('ellipsis: a short, common piece is found next to the distinctive one even when it occurs everywhere', () => {
    const common = Array.from({ length: 400 }, () => 'and we did it. ').join('');
    const material = createEvidenceIndex([
      { path: 'noise.txt', text: common },
      { path: 'rally.txt', text: `${common}\nOSEI: When this port was losing money we took the cuts, and we did not complain when the canteen closed.\n${common}` },
    ]);
    const v = verifyQuote(material, 'When this port was losing money we took the cuts … and we did', 'Osei');
    assert.equal(v.verdict, 'ellipsis');
    assert.equal(v.file, 'rally.txt');
    assert.equal(v.skippedWords, 0);
    const first = verifyQuote(material, 'and we did not … losing money', 'Osei');
    assert.equal(first.verdict, 'not-found', 'pieces in the wrong order');
  });

  it('ellipsis: pieces out of order are not a match', () => {
    assert.equal(verifyQuote(index, 'and nobody listened … We warned the council about the north pier').verdict, 'not-found');
  });

  it('not found: words nobody said', () => {
    const v = verifyQuote(index, 'We will sue the ministry if the bridge is not open by July');
    assert.deepEqual(v, { verdict: 'not-found', file: null, line: null });
    assert.equal(describeEvidence(v), 'not found in the source material');
    assert.equal(verifyQuote(index, '').verdict, 'not-found');
    assert.equal(verifyQuote(createEvidenceIndex([]), 'anything at all here').verdict, 'not-found');
  });

  it('prefers the match in the same speaker\'s words when two people said the same thing', () => {
    const quote = 'The bridge is safe for pedestrians, but not for lorries.';
    const yoon = verifyQuote(index, quote, ['Grace Yoon']);
    assert.equal(yoon.file, 'sources/residents-interview.vtt');
    assert.equal(yoon.speaker, 'Grace Yoon');
    assert.equal(yoon.timestamp, '00:01:12.500');
    const harlan = verifyQuote(index, quote, ['Marcus Harlan', 'Harlan']);
    assert.equal(harlan.file, 'sources/depot-interview.srt');
    assert.equal(harlan.speaker, 'HARLAN');
    assert.equal(harlan.timestamp, '00:00:05,000');
    assert.equal(harlan.verdict, 'exact');
  });

  it('ties a register label ("Speaker 1") to the speaker', () => {
    const material = createEvidenceIndex([
      { path: 'a.txt', text: 'Speaker 2: We cannot accept a further delay of that length.\n' },
      { path: 'b.txt', text: 'Speaker 1: We cannot accept a further delay of that length.\n' },
    ]);
    assert.equal(verifyQuote(material, 'We cannot accept a further delay of that length', ['Deputy Minister Sara Holm', 'Speaker 1']).file, 'b.txt');
    assert.equal(verifyQuote(material, 'We cannot accept a further delay of that length', ['Speaker 2']).file, 'a.txt');
  });

  it('short fragments: a three-word phrase matches exactly, a one-word change is reworded, two words need an exact match', () => {
    assert.equal(verifyQuote(index, 'nobody listened').verdict, 'exact');
    assert.equal(verifyQuote(index, 'safe for pedestrians').verdict, 'exact');
    assert.equal(verifyQuote(index, 'unsafe for pedestrians').verdict, 'reworded');
    assert.equal(verifyQuote(index, 'somebody listened').verdict, 'not-found');
  });

  it('finds a quote among much unrelated material (the n-gram index, not a scan)', () => {
    const filler = Array.from({ length: 20000 }, (_, i) => `word${i % 997} alpha${i % 13}`).join(' ');
    const big = createEvidenceIndex([{ path: 'filler.txt', text: filler }, ...fixtureDocs()]);
    const v = verifyQuote(big, 'Every family on this side of the river loses an hour a day.');
    assert.equal(v.verdict, 'exact');
    assert.equal(v.file, 'sources/residents-interview.vtt');
  });

  it('finds any stretch of the material it indexed, at the line it starts on (200 random stretches)', () => {
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const docs = fixtureDocs();
    for (let n = 0; n < 200; n++) {
      const d = docs[Math.floor(random() * docs.length)];
      const segments = parseSourceDocument(d).segments.filter((s) => s.text.split(/\s+/).length >= 3);
      const segment = segments[Math.floor(random() * segments.length)];
      const words = segment.text.split(/\s+/).filter(Boolean);
      const length = 3 + Math.floor(random() * (words.length - 2));
      const start = Math.floor(random() * (words.length - Math.min(length, words.length) + 1));
      const stretch = words.slice(start, start + length).join(' ');
      if ((stretch.match(/[\p{L}\p{N}]+/gu) ?? []).length < 3) continue;
      const v = verifyQuote(index, stretch, segment.speaker);
      assert.ok(v.verdict === 'exact' || v.verdict === 'normalized', `${stretch} → ${JSON.stringify(v)}`);
      // The same words may occur elsewhere too; when they are unique, the line is this one.
      const elsewhere = docs.filter((other) => other.text.includes(stretch)).length + (d.text.split(stretch).length - 2);
      if (elsewhere === 1 && v.verdict === 'exact') {
        assert.equal(v.file, d.path, stretch);
        assert.equal(v.line, segment.line, stretch);
      }
    }
  });
});

describe('evidence: a quote that leaves words out in the middle', () => {
  it('aligns to the whole source passage, so the transcript wording is complete', () => {
    const index = createEvidenceIndex([{ path: 'sources/council.txt', text: 'MAYOR: We need a way to get to work that costs nothing. Thank you.' }]);
    const result = verifyQuote(index, 'We need a way to work');
    assert.equal(result.verdict, 'reworded');
    assert.equal(result.sourceText, 'We need a way to get to work');
  });
});
