// UI smoke test in the real workbench: open the fixture draft, hover the mayor's quote, check the
// Source Trace hover; open the "Source Trace" view container and check the Actors and Claims trees.
// Contract with the extension: view container `sourceTrace`, tree views `sourceTrace.actors` and
// `sourceTrace.claims`, hover Markdown beginning with "**Source Trace**".
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  hoverUntil, openFileFromExplorer, paneRowsContaining, waitForEditorText, waitForSideBarTitle,
} from './workbench.mjs';

const DRAFT = 'council-vote.md';
const QUOTE_LINE = '"We will not cut the library," Mayor Jane Doe said.';

/** The views' display names, as the extension's package.json contributes them. */
function viewName(id) {
  const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  const view = (pkg.contributes?.views?.sourceTrace ?? []).find((v) => v.id === id);
  assert.ok(view, `package.json contributes no view ${id} in the sourceTrace container`);
  return view.name;
}

export const commands = [
  'workbench.view.extension.sourceTrace',
  'sourceTrace.actors.focus',
  'sourceTrace.claims.focus',
];

/** @type {{ name: string, run: (ctx: any) => Promise<void> }[]} */
export const tests = [
  {
    name: 'opens the fixture draft in an editor',
    async run({ page }) {
      await openFileFromExplorer(page, DRAFT);
      await waitForEditorText(page, QUOTE_LINE);
    },
  },
  {
    name: 'hovering the quote shows the Source Trace hover naming the speaker',
    async run({ page, screenshot }) {
      await waitForEditorText(page, QUOTE_LINE);
      const text = await hoverUntil(page, { lineText: QUOTE_LINE, word: 'library', expected: 'Source Trace' });
      await screenshot('hover');
      assert.ok(text.trimStart().startsWith('Source Trace'), `hover should begin with "Source Trace": ${JSON.stringify(text)}`);
      assert.ok(text.includes('Jane Doe'), `hover should name the speaker Jane Doe: ${JSON.stringify(text)}`);
    },
  },
  {
    name: 'the Source Trace view lists Jane Doe as an actor and her claim',
    async run({ page, runCommand, screenshot }) {
      await waitForEditorText(page, QUOTE_LINE);
      // Close any hover left by the previous test so the screenshot shows the views alone.
      await page.mouse.move(700, 880);
      await page.keyboard.press('Escape');
      await runCommand('workbench.view.extension.sourceTrace');
      await waitForSideBarTitle(page, 'Source Trace');

      // `<view id>.focus` opens and expands each view; its rows are then read from the pane's DOM.
      await runCommand('sourceTrace.actors.focus');
      const actors = await paneRowsContaining(page, viewName('sourceTrace.actors'), 'Jane Doe');
      await runCommand('sourceTrace.claims.focus');
      const claims = await paneRowsContaining(page, viewName('sourceTrace.claims'), 'We will not cut the library');
      await screenshot('tree');
      console.log(`      actors ${JSON.stringify(actors)}`);
      console.log(`      claims ${JSON.stringify(claims)}`);
    },
  },
];
