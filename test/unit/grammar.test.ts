// The Markdown injection grammar, run through the same TextMate engine and regex library as
// VS Code (vscode-textmate + vscode-oniguruma), on top of the real Markdown grammar that the
// `tm-grammars` registry package ships. A small stub of our own stands in for `text.html.markdown`
// in one test, to show the injection works on any Markdown grammar that names its code scopes.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const ROOT = path.resolve(__dirname, '../..');
const INJECTION_PATH = path.join(ROOT, 'syntaxes/source-trace.injection.json');
const INJECTION_SCOPE = 'source-trace.injection';

let onigReady: Promise<vsctm.IOnigLib> | undefined;
function onigLib(): Promise<vsctm.IOnigLib> {
  onigReady ??= (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    };
  })();
  return onigReady;
}

// A minimal Markdown: fenced code blocks and paragraphs with inline code, nothing else.
const STUB_MARKDOWN = {
  scopeName: 'text.html.markdown',
  patterns: [{ include: '#fenced' }, { include: '#paragraph' }],
  repository: {
    fenced: { begin: '^(`{3,})', end: '^\\1\\s*$', name: 'markup.fenced_code.block.markdown' },
    paragraph: { begin: '^(?=\\S)', end: '^(?=\\s*$)', name: 'meta.paragraph.markdown', patterns: [{ include: '#inline' }] },
    inline: { patterns: [{ match: '`[^`]+`', name: 'markup.inline.raw.string.markdown' }] },
  },
};

const SHIPPED: Record<string, string> = {
  'text.html.derivative': 'html-derivative',
  'text.html.basic': 'html',
  'source.yaml': 'yaml',
};

async function loadMarkdown(base: 'real' | 'stub'): Promise<vsctm.IGrammar> {
  const registry = new vsctm.Registry({
    onigLib: onigLib(),
    loadGrammar: async (scopeName) => {
      if (scopeName === 'text.html.markdown') {
        if (base === 'stub') return vsctm.parseRawGrammar(JSON.stringify(STUB_MARKDOWN), 'stub.json');
        const file = require.resolve('tm-grammars/grammars/markdown.json');
        return vsctm.parseRawGrammar(readFileSync(file, 'utf8'), file);
      }
      if (scopeName === INJECTION_SCOPE) return vsctm.parseRawGrammar(readFileSync(INJECTION_PATH, 'utf8'), INJECTION_PATH);
      // HTML inside Markdown (comments included) and YAML front matter, as VS Code has them.
      const shipped = base === 'real' ? SHIPPED[scopeName] : undefined;
      if (shipped) {
        const file = require.resolve(`tm-grammars/grammars/${shipped}.json`);
        return vsctm.parseRawGrammar(readFileSync(file, 'utf8'), file);
      }
      return null; // languages embedded in fenced blocks: not needed here
    },
    // What VS Code does for `contributes.grammars[].injectTo`.
    getInjections: (scopeName) => (scopeName === 'text.html.markdown' ? [INJECTION_SCOPE] : undefined),
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  assert.ok(grammar, 'markdown grammar loads');
  return grammar;
}

interface Tok {
  text: string;
  scopes: string[];
  line: number;
}

function tokenize(grammar: vsctm.IGrammar, markdown: string): Tok[] {
  const out: Tok[] = [];
  let stack = vsctm.INITIAL;
  markdown.split('\n').forEach((line, lineNo) => {
    const result = grammar.tokenizeLine(line, stack);
    for (const t of result.tokens) out.push({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes, line: lineNo });
    stack = result.ruleStack;
  });
  return out;
}

const has = (tok: Tok, prefix: string) => tok.scopes.some((s) => s === prefix || s.startsWith(`${prefix}.`));

/** The tokens covering `needle` (first occurrence in the given line, or anywhere). */
function tokensOf(toks: Tok[], needle: string, line?: number): Tok[] {
  const lines = new Map<number, Tok[]>();
  for (const t of toks) if (line === undefined || t.line === line) lines.set(t.line, [...(lines.get(t.line) ?? []), t]);
  for (const lineToks of lines.values()) {
    const text = lineToks.map((t) => t.text).join('');
    const at = text.indexOf(needle);
    if (at < 0) continue;
    const picked: Tok[] = [];
    let pos = 0;
    for (const t of lineToks) {
      const end = pos + t.text.length;
      if (end > at && pos < at + needle.length) picked.push(t);
      pos = end;
    }
    return picked;
  }
  throw new Error(`"${needle}" not found`);
}

function scopesOf(toks: Tok[], needle: string, line?: number): string[] {
  const picked = tokensOf(toks, needle, line);
  assert.equal(picked.length, 1, `"${needle}" is one token, got ${JSON.stringify(picked)}`);
  return picked[0]!.scopes;
}

const CUE = 'keyword.other.cue.source-trace';
const LOADED = 'keyword.other.cue.loaded.source-trace';
const HEDGE = 'keyword.other.hedge.source-trace';
const QUOTE = 'string.quoted.double.source-trace';
const CURLY = 'string.quoted.double.curly.source-trace';

describe('grammar: Markdown injection', function () {
  let md: vsctm.IGrammar;
  before(async function () {
    md = await loadMarkdown('real');
  });

  it('is up to date with its generator', function () {
    execFileSync(process.execPath, [path.join(ROOT, 'syntaxes/generate-injection.mjs'), '--check'], { stdio: 'pipe' });
  });

  it('is contributed in package.json as an injection into Markdown', function () {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const entry = (pkg.contributes?.grammars ?? []).find((g: { scopeName?: string }) => g.scopeName === INJECTION_SCOPE);
    assert.ok(entry, 'contributes.grammars has source-trace.injection');
    assert.deepEqual(entry.injectTo, ['text.html.markdown']);
    assert.equal(path.normalize(entry.path), path.normalize('./syntaxes/source-trace.injection.json'));
  });

  it('scopes a straight quotation and the cue after it ("…," she said)', function () {
    const toks = tokenize(md, '"We will rebuild the bridge," she said on Monday.');
    assert.ok(scopesOf(toks, 'We will rebuild the bridge,').includes(QUOTE));
    assert.ok(scopesOf(toks, '"', 0).includes('punctuation.definition.string.begin.source-trace'));
    assert.ok(scopesOf(toks, 'said').includes(CUE));
    assert.ok(!scopesOf(toks, 'said').includes(QUOTE));
    assert.ok(scopesOf(toks, 'she').includes('meta.attribution.speaker.source-trace'));
    assert.ok(!has(tokensOf(toks, 'on Monday')[0]!, 'keyword'));
  });

  it('scopes curly quotations and cue-first attributions (said Mayor X)', function () {
    const toks = tokenize(md, '“The budget is balanced,” said Mayor Ana Ruiz.');
    assert.ok(scopesOf(toks, 'The budget is balanced,').includes(CURLY));
    assert.ok(scopesOf(toks, 'said').includes(CUE));
    assert.ok(!tokensOf(toks, 'Mayor').some((t) => has(t, 'keyword')));
  });

  it('scopes named and described speakers before the verb', function () {
    const a = tokenize(md, '"No comment," the ministry spokeswoman later told reporters.');
    assert.ok(scopesOf(a, 'told').includes(CUE));
    assert.ok(scopesOf(a, 'the ministry spokeswoman').includes('meta.attribution.speaker.source-trace'));
    const b = tokenize(md, '"It was a mistake," Jean-Paul de la Fontaine wrote.');
    assert.ok(scopesOf(b, 'wrote').includes(CUE));
  });

  it('scopes a cue before the quotation (He said: "…")', function () {
    const toks = tokenize(md, 'He said: "The talks failed." Then she warned reporters on Friday, “It is over.”');
    assert.ok(scopesOf(toks, 'said').includes(CUE));
    assert.ok(scopesOf(toks, 'warned').includes(CUE));
    assert.ok(scopesOf(toks, 'The talks failed.').includes(QUOTE));
    assert.ok(scopesOf(toks, 'It is over.').includes(CURLY));
    const asked = tokenize(md, 'Asked directly, she said only that "both sides have work to do" and left.');
    assert.ok(tokensOf(asked, 'Asked').every((t) => !has(t, 'keyword')), 'the cue must reach the quote without crossing a comma');
    assert.ok(scopesOf(asked, 'said').includes(CUE));
  });

  it('stays fast on a long line full of quotation marks and cue verbs', function () {
    const line = Array.from({ length: 400 }, (_, i) => (i % 3 ? 'the minister said "we will' : 'said Mayor Smith " reportedly')).join(' ');
    const t = performance.now();
    tokenize(md, line);
    assert.ok(performance.now() - t < 1000, `${performance.now() - t} ms`);
  });

  it('gives loaded verbs their own scope, still under keyword.other.cue', function () {
    const toks = tokenize(md, '"I did nothing wrong," the senator claimed.');
    const scopes = scopesOf(toks, 'claimed');
    assert.ok(scopes.includes(LOADED));
    assert.ok(scopes.some((s) => s.startsWith('keyword.other.cue')));
  });

  it('scopes a loaded verb inside a quotation as quotation, not cue', function () {
    const toks = tokenize(md, '"They claimed it was safe and admitted nothing," she said.');
    for (const word of ['claimed', 'admitted']) {
      const picked = tokensOf(toks, word);
      assert.ok(picked.every((t) => t.scopes.includes(QUOTE)), word);
      assert.ok(picked.every((t) => !has(t, 'keyword')), `${word} is not a cue inside the quote`);
    }
    assert.ok(scopesOf(toks, 'said').includes(CUE));
  });

  it('does not scope an attribution verb with no quotation next to it', function () {
    const toks = tokenize(md, 'The council said the road would reopen in May.');
    assert.ok(tokensOf(toks, 'said').every((t) => !has(t, 'keyword')));
  });

  it('scopes "according to" anywhere in prose', function () {
    const toks = tokenize(md, 'Prices rose 4 per cent, according to the statistics office.');
    assert.ok(scopesOf(toks, 'according to').includes(CUE));
  });

  it('scopes hedges, including "appeared to", case-insensitively', function () {
    const toks = tokenize(md, 'Reportedly, the minister allegedly lied; he appeared to flee and is said to hide.');
    for (const hedge of ['Reportedly', 'allegedly', 'appeared to', 'is said to']) assert.ok(scopesOf(toks, hedge).includes(HEDGE), hedge);
    assert.ok(tokensOf(toks, 'flee').every((t) => !has(t, 'keyword')));
  });

  it('does not scope words that merely contain a hedge or cue', function () {
    const toks = tokenize(md, 'The unsaid and apparentlyish words: "x" resaid.');
    assert.ok(toks.every((t) => !has(t, 'keyword')), JSON.stringify(toks));
  });

  it('leaves fenced code, inline code and HTML comments alone', function () {
    const doc = [
      'Intro.',
      '',
      '```',
      '"We will win," she said, reportedly.',
      '```',
      '',
      'Use `"x," she said` in code. <!-- "y," he said -->',
      '',
      '    "Indented," she said.',
    ].join('\n');
    const toks = tokenize(md, doc);
    const codeLine = toks.filter((t) => t.line === 3);
    assert.ok(codeLine.length > 0);
    assert.ok(codeLine.every((t) => t.scopes.some((s) => s.startsWith('markup.fenced_code'))));
    assert.ok(codeLine.every((t) => !t.scopes.some((s) => s.endsWith('.source-trace'))), JSON.stringify(codeLine));
    for (const line of [6, 8]) {
      const toksOfLine = toks.filter((t) => t.line === line);
      assert.ok(toksOfLine.every((t) => !t.scopes.some((s) => s.endsWith('.source-trace'))), JSON.stringify(toksOfLine));
    }
  });

  it('keeps Markdown inline formatting inside a quotation', function () {
    const toks = tokenize(md, '"This is **not** over," she said.');
    const bold = tokensOf(toks, 'not');
    assert.ok(bold.every((t) => t.scopes.includes(QUOTE) && t.scopes.some((s) => s.startsWith('markup.bold'))), JSON.stringify(bold));
  });

  it('leaves YAML front matter alone', function () {
    const toks = tokenize(md, ['---', 'title: "Hello," she said', '---', '', '"Hi," she said.'].join('\n'));
    assert.ok(toks.filter((t) => t.line === 1).every((t) => !t.scopes.some((s) => s.endsWith('.source-trace'))));
    assert.ok(scopesOf(toks, 'said', 4).includes(CUE));
  });

  it('works inside headings, list items and block quotes', function () {
    const toks = tokenize(md, ['# "We are ready," he said', '', '- "Ready," said Ng.', '', '> “Go,” she said.'].join('\n'));
    assert.ok(scopesOf(toks, 'said', 0).includes(CUE));
    assert.ok(scopesOf(toks, 'said', 2).includes(CUE));
    assert.ok(scopesOf(toks, 'said', 4).includes(CUE));
  });

  it('never spans lines: an unclosed quotation colours nothing', function () {
    const toks = tokenize(md, ['"This quote never closes, she said.', 'Next line, "closed," he said.'].join('\n'));
    assert.ok(toks.filter((t) => t.line === 0).every((t) => !t.scopes.some((s) => s.endsWith('.source-trace'))));
    assert.ok(scopesOf(toks, 'closed,', 1).includes(QUOTE));
    assert.ok(scopesOf(toks, 'said', 1).includes(CUE));
  });

  it('pairs straight quotes by their spacing ("A, she said. "B.")', function () {
    const toks = tokenize(md, '"A, she said. "B." Then 5" of rain.');
    assert.ok(scopesOf(toks, 'B.').includes(QUOTE));
    assert.ok(tokensOf(toks, 'A, she').every((t) => !t.scopes.includes(QUOTE)));
  });

  it('injects into a minimal Markdown grammar stub too, honouring its code scopes', async function () {
    const stub = await loadMarkdown('stub');
    const toks = tokenize(stub, ['"Fine," she said, apparently.', '```', '"Fine," she said', '```', 'In `"code," he said` only.'].join('\n'));
    assert.ok(scopesOf(toks, 'said', 0).includes(CUE));
    assert.ok(scopesOf(toks, 'apparently', 0).includes(HEDGE));
    for (const line of [2, 4]) {
      assert.ok(toks.filter((t) => t.line === line).every((t) => !t.scopes.some((s) => s.endsWith('.source-trace'))), `line ${line}`);
    }
  });
});
