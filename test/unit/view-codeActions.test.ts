import * as assert from 'assert';
import { disableFileComment, disableNextLineComment, fileCommentOffset, insideQuote, neutralCue } from '../../src/vscode/view/codeActions';
import { sampleAnalysis, span } from './view-sample';

describe('view: quick fixes', () => {
  it('replaces a loaded cue with the neutral verb in the same tense and case', () => {
    assert.strictEqual(neutralCue('claimed'), 'said');
    assert.strictEqual(neutralCue('admitted'), 'said');
    assert.strictEqual(neutralCue('insists'), 'says');
    assert.strictEqual(neutralCue('Claims'), 'Says');
    assert.strictEqual(neutralCue('Admitted'), 'Said');
  });

  it('knows when a range is inside a quotation', () => {
    const analysis = sampleAnalysis();
    assert.strictEqual(insideQuote(analysis, span('close')), true);
    assert.strictEqual(insideQuote(analysis, span('claimed')), false);
  });

  it('writes the comments the engine recognises', () => {
    assert.strictEqual(disableNextLineComment('loaded-cue'), '<!-- source-trace-disable-next-line loaded-cue -->');
    assert.strictEqual(disableFileComment('unattributed-claim'), '<!-- source-trace-disable unattributed-claim -->');
  });

  it('puts file-wide comments after YAML front matter', () => {
    assert.strictEqual(fileCommentOffset('# Title\n'), 0);
    const front = '---\ntitle: "x"\n---\n';
    assert.strictEqual(fileCommentOffset(`${front}# Title\n`), front.length);
    assert.strictEqual(fileCommentOffset('---\r\na: 1\r\n---\r\nText'), '---\r\na: 1\r\n---\r\n'.length);
    // A thematic break that never closes is not front matter.
    assert.strictEqual(fileCommentOffset('---\nno end'), 0);
  });
});
