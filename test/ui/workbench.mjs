// Helpers for driving the VS Code workbench DOM from playwright-core. Every wait is bounded and
// waits for a DOM condition (no fixed sleeps except the short "mouse away" pause of the hover retry).

/** @typedef {import('playwright-core').Page} Page */

/** Waits until the workbench shows the explorer row for `fileName`, then opens the file. */
export async function openFileFromExplorer(page, fileName, timeout = 60_000) {
  const row = page
    .locator('.explorer-folders-view .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(fileName)}$`) }) });
  await row.first().waitFor({ state: 'visible', timeout });
  await row.first().click();
  const tab = page.locator('.tabs-container .tab.active', { hasText: fileName });
  await tab.waitFor({ state: 'visible', timeout: 30_000 });
}

/** Waits until the active editor shows a line containing `text` (spaces may render as U+00A0). */
export async function waitForEditorText(page, text, timeout = 30_000) {
  await page.waitForFunction(
    (needle) =>
      [...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-line')].some((el) =>
        (el.textContent ?? '').replace(/\u00a0/g, ' ').includes(needle),
      ),
    text,
    { timeout },
  );
}

/**
 * Screen position of the middle of `word`, inside the first visible editor line that contains
 * `lineText`. Uses a DOM Range, so it is exact regardless of font metrics.
 */
async function positionOf(page, lineText, word) {
  return page.evaluate(
    ([needle, w]) => {
      const norm = (s) => (s ?? '').replace(/\u00a0/g, ' ');
      const line = [...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-line')].find((el) =>
        norm(el.textContent).includes(needle),
      );
      if (!line) return null;
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const i = norm(node.textContent).indexOf(w);
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + w.length);
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      return null;
    },
    [lineText, word],
  );
}

/** Text of the visible editor hover, or null. A hidden `.monaco-hover` element is always in the DOM. */
function visibleHoverText(page) {
  return page.evaluate(() => {
    for (const el of document.querySelectorAll('.monaco-hover:not(.hidden)')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden') return el.textContent ?? '';
    }
    return null;
  });
}

/**
 * Hovers `word` on the line containing `lineText` until a visible hover contains `expected`.
 * The first hover can come before the extension has activated (activation waits for the extension
 * host and onLanguage:markdown), so the mouse moves away and back until the hover shows, bounded by
 * `timeout` (45 s: ~15 s was seen on a quiet 2-core machine, and load can double that).
 * @returns {Promise<string>} the hover text
 */
export async function hoverUntil(page, { lineText, word, expected, timeout = 45_000 }) {
  const deadline = Date.now() + timeout;
  let lastSeen = null;
  let attempts = 0;
  while (Date.now() < deadline) {
    attempts++;
    await page.mouse.move(5, 5);
    await page.waitForTimeout(250); // let the previous hover close before re-entering
    const pos = await positionOf(page, lineText, word);
    if (!pos) throw new Error(`no editor line contains ${JSON.stringify(lineText)} with ${JSON.stringify(word)}`);
    await page.mouse.move(pos.x, pos.y, { steps: 4 });
    try {
      await page.waitForFunction(
        (needle) => [...document.querySelectorAll('.monaco-hover:not(.hidden)')].some((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && r.height > 0 && (el.textContent ?? '').includes(needle);
        }),
        expected,
        { timeout: Math.max(500, Math.min(4_000, deadline - Date.now())) },
      );
      const text = await visibleHoverText(page);
      if (text !== null && text.includes(expected)) {
        if (process.env.SOURCE_TRACE_E2E_VERBOSE === '1') console.log(`      hover shown after ${attempts} attempt(s)`);
        return text;
      }
    } catch {
      lastSeen = (await visibleHoverText(page)) ?? lastSeen;
    }
  }
  throw new Error(
    `no hover containing ${JSON.stringify(expected)} over ${JSON.stringify(word)} within ${timeout} ms ` +
      `(${attempts} attempts); last hover seen: ${lastSeen === null ? 'none' : JSON.stringify(lastSeen)}`,
  );
}

/** Waits until the side bar's title reads `title` (case-insensitive). */
export async function waitForSideBarTitle(page, title, timeout = 30_000) {
  try {
    await page.waitForFunction(
      (t) => {
        const h = document.querySelector('.part.sidebar .composite.title .title-label h2');
        return !!h && (h.textContent ?? '').trim().toLowerCase() === t.toLowerCase();
      },
      title,
      { timeout },
    );
  } catch {
    const seen = await page.evaluate(() => document.querySelector('.part.sidebar .composite.title .title-label h2')?.textContent ?? null);
    throw new Error(`side bar title is ${JSON.stringify(seen)}, expected ${JSON.stringify(title)} within ${timeout} ms`);
  }
}

/**
 * Row texts of the tree in the side-bar pane titled `paneTitle` (a view's `name`), once some row
 * contains `needle`. Collapsed rows are expanded one at a time (by their twistie, as a user would)
 * while the needle is not visible.
 * @returns {Promise<string[]>}
 */
export async function paneRowsContaining(page, paneTitle, needle, timeout = 30_000) {
  const read = () =>
    page.evaluate((title) => {
      const pane = [...document.querySelectorAll('.part.sidebar .pane')].find(
        (p) => (p.querySelector('.pane-header .title')?.textContent ?? '').trim().toLowerCase() === title.toLowerCase(),
      );
      if (!pane) return null;
      const rows = [...pane.querySelectorAll('.monaco-list-row')].map((r) => (r.textContent ?? '').trim());
      const message = (pane.querySelector('.message')?.textContent ?? '').trim();
      const collapsed = pane.querySelector('.pane-header')?.getAttribute('aria-expanded') === 'false';
      const row = pane.querySelector('.monaco-list-row[aria-expanded="false"] .monaco-tl-twistie');
      const r = row?.getBoundingClientRect();
      return { rows, message, collapsed, twistie: r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null };
    }, paneTitle);
  const deadline = Date.now() + timeout;
  let seen = null;
  for (;;) {
    try {
      await page.waitForFunction(
        ([title, n]) => {
          const pane = [...document.querySelectorAll('.part.sidebar .pane')].find(
            (p) => (p.querySelector('.pane-header .title')?.textContent ?? '').trim().toLowerCase() === title.toLowerCase(),
          );
          return !!pane && [...pane.querySelectorAll('.monaco-list-row')].some((r) => (r.textContent ?? '').includes(n));
        },
        [paneTitle, needle],
        { timeout: Math.max(500, Math.min(3_000, deadline - Date.now())) },
      );
      seen = await read();
      if (seen) return seen.rows;
    } catch {
      // not there yet
    }
    seen = await read();
    if (Date.now() >= deadline) break;
    if (seen?.twistie) await page.mouse.click(seen.twistie.x, seen.twistie.y);
  }
  throw new Error(
    `no row containing ${JSON.stringify(needle)} in the side-bar view ${JSON.stringify(paneTitle)} within ${timeout} ms; saw ` +
      (seen
        ? `${seen.collapsed ? 'a collapsed pane, ' : ''}rows ${JSON.stringify(seen.rows)}${seen.message ? `, message ${JSON.stringify(seen.message)}` : ''}`
        : 'no such pane'),
  );
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
