import * as assert from 'assert';
import { exportSources, sourceRows, toCsv, toJson, toMarkdownTable } from '../../src/vscode/view/export';
import type { SourceListJson } from '../../src/vscode/view/export';
import { SAMPLE_TEXT, sampleAnalysis } from './view-sample';

describe('view: export source list', () => {
  it('has one row per claim, then actors without claims, then unattributed sentences, with line numbers', () => {
    const rows = sourceRows(sampleAnalysis(), SAMPLE_TEXT);
    assert.deepStrictEqual(
      rows.map((row) => [row.actor, row.line]),
      [
        ['Jane Doe', 3],
        ['Tom Reyes', 7],
        ['a city official', 9],
        ['Harbour Gazette', 11],
        ['inspectors', 13],
        ['the council', 5],
        ['(no source)', 5],
      ],
    );
    assert.deepStrictEqual(rows[0], {
      actor: 'Jane Doe',
      kind: 'person',
      title: 'Mayor',
      claimType: 'Direct quote',
      cue: 'said',
      claim: 'We will not close the library,',
      line: 3,
    });
  });

  it('writes a Markdown table with escaped pipes', () => {
    const analysis = sampleAnalysis();
    analysis.actors[0].title = 'Mayor | Chair';
    const table = toMarkdownTable(sourceRows(analysis, SAMPLE_TEXT), 'harbour.md');
    const lines = table.trimEnd().split('\n');
    assert.strictEqual(lines[0], '# Sources: harbour.md');
    assert.strictEqual(lines[2], '| Actor | Kind | Title | Type | Cue | Claim | Line |');
    assert.strictEqual(lines[3], '| --- | --- | --- | --- | --- | --- | ---: |');
    assert.strictEqual(lines[4], '| Jane Doe | person | Mayor \\| Chair | Direct quote | said | We will not close the library, | 3 |');
    assert.strictEqual(lines.length, 4 + 7);
  });

  it('writes RFC 4180 CSV and defuses spreadsheet formulas', () => {
    const analysis = sampleAnalysis();
    analysis.actors[1].name = '=HYPERLINK("x")';
    const csv = toCsv(sourceRows(analysis, SAMPLE_TEXT));
    const lines = csv.split('\r\n');
    assert.strictEqual(lines[0], 'Actor,Kind,Title,Type,Cue,Claim,Line');
    assert.strictEqual(lines[1], 'Jane Doe,person,Mayor,Direct quote,said,"We will not close the library,",3');
    assert.strictEqual(lines[2].split(',')[0], `"'=HYPERLINK(""x"")"`);
    assert.strictEqual(lines.at(-1), '');
  });

  it('writes JSON grouped by actor', () => {
    const json = JSON.parse(toJson(sampleAnalysis(), SAMPLE_TEXT, 'harbour.md')) as SourceListJson;
    assert.strictEqual(json.file, 'harbour.md');
    assert.strictEqual(json.actors.length, 6);
    assert.deepStrictEqual(json.actors[0], {
      name: 'Jane Doe',
      kind: 'person',
      title: 'Mayor',
      claims: [{ type: 'direct', cue: 'said', text: 'We will not close the library,', line: 3 }],
    });
    assert.deepStrictEqual(json.unattributed, [{ text: 'The council approved a budget of 4.2 million euros on Tuesday.', line: 5 }]);
    assert.deepStrictEqual(json.unidentified, []);
  });

  it('dispatches on the format', () => {
    const analysis = sampleAnalysis();
    assert.ok(exportSources('markdown', analysis, SAMPLE_TEXT).startsWith('| Actor |'));
    assert.ok(exportSources('csv', analysis, SAMPLE_TEXT).startsWith('Actor,'));
    assert.doesNotThrow(() => JSON.parse(exportSources('json', analysis, SAMPLE_TEXT)));
  });
});
