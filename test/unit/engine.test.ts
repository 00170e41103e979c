// Unit tests of the engine's stages on drafts written for these tests.
import * as assert from 'node:assert/strict';
import { analyze, type Analysis, type Claim } from '../../src/core';
import { markdownToProse, plainTextToProse } from '../../src/core/markdown';
import { createSentenceSplitter } from '../../src/core/sentences';
import { findQuotes } from '../../src/core/quotes';
import { languageData } from '../../src/core/lang';
import { readDirectives } from '../../src/core/findings';

const actorName = (a: Analysis, c: Claim): string | undefined => a.actors.find((x) => x.id === c.actor)?.name;
const claimWith = (a: Analysis, fragment: string): Claim => {
  const found = a.claims.find((c) => c.content.text.includes(fragment));
  assert.ok(found, `no claim contains "${fragment}"; claims: ${a.claims.map((c) => c.content.text).join(' | ')}`);
  return found;
};

function sentencesOf(text: string): string[] {
  const doc = markdownToProse(text);
  return createSentenceSplitter(languageData('en')).split(doc).map((s) => text.slice(s.start, s.end));
}

describe('engine: Markdown to prose', () => {
  it('keeps every offset: the prose is as long as the file', () => {
    const text = '---\ntitle: "A headline"\n---\n\n# Heading\n\nSome *emphasis* and a [link](https://example.org/x).\r\n\n```\ncode "quoted"\n```\n';
    const doc = markdownToProse(text);
    assert.equal(doc.prose.length, text.length);
  });

  it('masks front matter, code, comments and link targets but keeps link text and headings', () => {
    const text = '---\ntitle: "Front"\n---\n# Council votes\n\nRead [the report](https://example.org/r) now. <!-- note -->\n\n```\nsaid "code"\n```\n';
    const doc = markdownToProse(text);
    assert.ok(!doc.prose.includes('Front'));
    assert.ok(!doc.prose.includes('example.org'));
    assert.ok(!doc.prose.includes('note'));
    assert.ok(!doc.prose.includes('code'));
    assert.ok(doc.prose.includes('the report'));
    assert.deepEqual(doc.blocks.map((b) => b.kind), ['heading', 'paragraph']);
  });

  it('makes each list item and blockquote paragraph its own block', () => {
    const doc = markdownToProse('Intro line:\n\n- first item\n- second item\n\n> quoted words\n');
    assert.deepEqual(doc.blocks.map((b) => b.kind), ['paragraph', 'list-item', 'list-item', 'blockquote']);
    assert.equal(doc.source.slice(doc.blocks[1].start, doc.blocks[1].end), 'first item');
  });

  it('splits plain text into paragraphs at blank lines', () => {
    const doc = plainTextToProse('One line.\nSame paragraph.\n\nNext one.');
    assert.equal(doc.blocks.length, 2);
  });
});

describe('engine: sentences', () => {
  it('does not split at abbreviations, initials or decimals', () => {
    assert.deepEqual(sentencesOf('Gen. Mark Olsen met Dr. Ruth Amsel in the U.S. capital. Rates rose 3.8 percent.'), [
      'Gen. Mark Olsen met Dr. Ruth Amsel in the U.S. capital.',
      'Rates rose 3.8 percent.',
    ]);
  });

  it('continues a sentence after a closing quote followed by lower case', () => {
    assert.deepEqual(sentencesOf('"We are ready!" she said. Then she left.'), ['"We are ready!" she said.', 'Then she left.']);
  });

  it('ends a sentence at a closing quote followed by a capital', () => {
    assert.deepEqual(sentencesOf('He said: "It is over." The room went quiet.'), ['He said: "It is over."', 'The room went quiet.']);
  });
});

describe('engine: quotes', () => {
  it('joins a quote that runs over paragraphs when the next one reopens it', () => {
    const text = '"The first part goes on\n\n"and the second part ends here," the chief said.';
    const quotes = findQuotes(markdownToProse(text));
    assert.equal(quotes.length, 1);
    assert.equal(text.slice(quotes[0].start, quotes[0].end), text.slice(0, text.indexOf(',"') + 2));
  });

  it('closes an unbalanced quote at the end of its paragraph without losing the next one', () => {
    const text = 'She said "this never ends.\n\nA second paragraph has "a closed quote" inside.';
    const quotes = findQuotes(markdownToProse(text));
    assert.equal(quotes.length, 2);
    assert.equal(quotes[0].closed, false);
    assert.equal(quotes[1].closed, true);
  });
});

describe('engine: attributions', () => {
  it('reads a direct quote with the speaker after it', () => {
    const a = analyze('"We will reopen the bridge by June," Mayor Elena Varga said.');
    const claim = claimWith(a, 'reopen the bridge');
    assert.equal(claim.type, 'direct');
    assert.equal(actorName(a, claim), 'Elena Varga');
    assert.equal(claim.cue?.text, 'said');
  });

  it('reads an inverted cue: "…," said Council President X', () => {
    const a = analyze('"Nobody wants a tax rise," said Council President Omar Haddad, who chairs the meeting.');
    assert.equal(actorName(a, claimWith(a, 'Nobody wants')), 'Omar Haddad');
  });

  it('makes one claim of a split quote, with fragments', () => {
    const text = '"The port stays open," the minister said, "but only for food shipments."';
    const a = analyze('Transport Minister Ines Roth spoke on Monday.\n\n' + text);
    assert.equal(a.claims.length, 1);
    const claim = a.claims[0];
    assert.equal(claim.content.fragments?.length, 2);
    assert.ok(claim.content.text.startsWith('The port stays open'));
    assert.ok(claim.content.text.endsWith('food shipments.'));
    assert.equal(actorName(a, claim), 'Ines Roth');
  });

  it('reads a cue before a colon and a quote, and the quote continuing into the next sentence', () => {
    const a = analyze('Council member Ravi Patel opposed the plan. He said: "It costs too much. We cannot afford it."');
    const claim = claimWith(a, 'costs too much');
    assert.equal(claim.type, 'direct');
    assert.ok(claim.content.text.includes('cannot afford'));
    assert.equal(actorName(a, claim), 'Ravi Patel');
  });

  it('reads indirect and mixed speech', () => {
    const a = analyze('Governor Lena Ortiz said that the budget was balanced. She called the deficit "a thing of the past."');
    assert.equal(claimWith(a, 'the budget was balanced').type, 'indirect');
    assert.equal(claimWith(a, 'a thing of the past').type, 'mixed');
    assert.equal(claimWith(a, 'budget was balanced').content.text, 'the budget was balanced');
  });

  it('reads "according to" but not "according to plan" or "according to the level of…"', () => {
    const a = analyze('According to the health ministry, 40 people were hurt. The repairs went according to plan. Aid will be sent according to the level of need.');
    const claim = claimWith(a, '40 people were hurt');
    assert.equal(claim.type, 'according-to');
    assert.equal(a.claims.length, 1);
  });

  it('reads a post-posed cue: "…, officials said."', () => {
    const a = analyze('The airport will close for three days, officials said.');
    const claim = claimWith(a, 'airport will close');
    assert.equal(a.actors.find((x) => x.id === claim.actor)?.kind, 'anonymous');
  });

  it('gives a nested claim its reporter as via', () => {
    const a = analyze('Health Minister Paulo Reis said that inspectors had reported that the water was unsafe.');
    const inner = claimWith(a, 'the water was unsafe');
    const innerClaim = a.claims.find((c) => c.content.text === 'the water was unsafe');
    assert.ok(innerClaim, 'the inner claim exists');
    assert.equal(a.actors.find((x) => x.id === innerClaim.actor)?.kind, 'group');
    assert.deepEqual(innerClaim.via.map((id) => a.actors.find((x) => x.id === id)?.name), ['Paulo Reis']);
    assert.ok(inner);
  });

  it('gives each of two coordinated subjects a claim', () => {
    const a = analyze('The Harbour Authority and the Fisheries Board said the catch had fallen by half.');
    const owners = a.claims.filter((c) => c.content.text.includes('catch had fallen')).map((c) => actorName(a, c)).sort();
    assert.deepEqual(owners, ['Fisheries Board', 'Harbour Authority']);
  });

  it('reads an inverted post-posed cue with a described source: "…, said one official in the room"', () => {
    const a = analyze('The meeting ended without a deal, said one union official in the room.');
    const claim = claimWith(a, 'meeting ended without a deal');
    assert.equal(claim.source?.text, 'one union official');
    assert.equal(a.actors.find((x) => x.id === claim.actor)?.kind, 'anonymous');
  });

  it('reads a relative-clause speaker and a credited headline', () => {
    const a = analyze('# Okafor: port talks will resume\n\nThe dockers hired a spokesman who said the strike would go on.');
    assert.equal(actorName(a, claimWith(a, 'port talks will resume')), 'Okafor');
    const claim = claimWith(a, 'the strike would go on');
    assert.equal(claim.source?.text, 'a spokesman');
  });

  it('does not treat a scare quote as a claim', () => {
    const a = analyze('The so-called "green corridor" opened on Tuesday.');
    assert.equal(a.claims.length, 0);
  });
});

describe('engine: speakers and actors', () => {
  it('resolves pronouns by gender and by the previous speaker, not the last name seen', () => {
    const text = 'Mayor Ana Lindqvist said the library would stay open. She met Council member Tom Bright on Friday. "We found the money," she said.';
    const a = analyze(text);
    assert.equal(actorName(a, claimWith(a, 'found the money')), 'Ana Lindqvist');
  });

  it('resolves a surname and a role noun to the person first named in full', () => {
    const a = analyze('Police Chief Dara Quinn warned of cuts. Quinn said patrols would shrink. The police chief added that overtime was frozen.');
    assert.equal(actorName(a, claimWith(a, 'patrols would shrink')), 'Dara Quinn');
    assert.equal(actorName(a, claimWith(a, 'overtime was frozen')), 'Dara Quinn');
  });

  it('treats capital cities as their countries', () => {
    const a = analyze('Moscow said the talks had failed. Kyiv said it would keep negotiating.');
    const names = a.claims.map((c) => actorName(a, c));
    assert.deepEqual(names, ['Russia', 'Ukraine']);
    assert.ok(a.actors.every((x) => x.kind === 'country'));
  });

  it('resolves an organisation\'s short form', () => {
    const a = analyze('The Ministry of Water Resources said levels were falling. The ministry later said rationing would begin.');
    assert.equal(new Set(a.claims.map((c) => c.actor)).size, 1);
  });

  it('lists anonymous sources as anonymous actors', () => {
    const a = analyze('A senior official, who spoke on condition of anonymity because he was not authorised to speak, said the deal was close.');
    const claim = claimWith(a, 'the deal was close');
    assert.equal(a.actors.find((x) => x.id === claim.actor)?.kind, 'anonymous');
    assert.ok(!a.findings.some((f) => f.rule === 'anonymous-no-reason'));
  });
});

describe('engine: findings', () => {
  it('flags an unattributed figure, a loaded cue outside quotes, and an anonymous source with no reason', () => {
    const text = 'The city spent $4 million on the stadium in 2019.\n\nThe mayor admitted that costs had doubled.\n\nA council aide said the vote would be delayed.';
    const a = analyze(text);
    const rules = a.findings.map((f) => f.rule);
    assert.ok(rules.includes('unattributed-claim'));
    assert.ok(rules.includes('loaded-cue'));
    assert.ok(rules.includes('anonymous-no-reason'));
    const loaded = a.findings.find((f) => f.rule === 'loaded-cue')!;
    assert.equal(text.slice(loaded.start, loaded.end), 'admitted');
    assert.ok(a.findings.every((f) => f.standard.length > 0));
  });

  it('never flags a loaded verb inside quoted words', () => {
    const a = analyze('"He admitted nothing and claimed everything," the coach said.');
    assert.ok(!a.findings.some((f) => f.rule === 'loaded-cue'));
  });

  it('honours disable-next-line and disable comments, in the engine', () => {
    const text = '<!-- source-trace-disable-next-line unattributed-claim -->\nThe tower cost $9 million in 2020.\n\n<!-- source-trace-disable loaded-cue -->\nThe mayor admitted that costs had doubled.';
    assert.equal(readDirectives(text).length, 2);
    const a = analyze(text);
    assert.ok(!a.findings.some((f) => f.rule === 'unattributed-claim' || f.rule === 'loaded-cue'));
    const again = analyze(text.replace('disable-next-line unattributed-claim', 'disable-next-line loaded-cue'));
    assert.ok(again.findings.some((f) => f.rule === 'unattributed-claim'));
  });

  it('turns rules off and caps the count through options', () => {
    const text = 'The city spent $4 million in 2019. The bridge cost $2 million in 2020. The tunnel cost $7 million in 2021.';
    assert.equal(analyze(text, { severities: { 'unattributed-claim': 'off' } }).findings.length, 0);
    assert.equal(analyze(text, { maxFindings: 1 }).findings.length, 1);
    assert.equal(analyze(text, { severities: { 'unattributed-claim': 'error' } }).findings[0].severity, 'error');
  });

  it('reports hedges on claims and in the reporter\'s own voice', () => {
    const a = analyze('The ship reportedly sank near the coast in March.');
    assert.ok(a.findings.some((f) => f.rule === 'hedge-in-own-voice'));
  });
});
