// The package.json contract of the extension: settings match the rule catalogue, every command a menu or
// walkthrough names is declared, and the view models never import `vscode`.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../../src/core/rules';

const root = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const contributes = pkg.contributes;

describe('view: package.json contributions', () => {
  it('has one severity setting per rule, defaulting to the catalogue', () => {
    const properties = contributes.configuration.properties;
    for (const rule of RULES) {
      const setting = properties[`sourceTrace.rules.${rule.id}.severity`];
      assert.ok(setting, `missing setting for ${rule.id}`);
      assert.strictEqual(setting.default, rule.defaultSeverity);
      assert.deepStrictEqual(setting.enum, ['error', 'warning', 'info', 'hint', 'off']);
      assert.ok(setting.markdownDescription.includes(rule.standard));
    }
    for (const key of ['run', 'debounceMs', 'maxFileSize', 'maxDiagnostics', 'decorations.enabled', 'languages', 'include']) {
      assert.ok(properties[`sourceTrace.${key}`]?.markdownDescription, `sourceTrace.${key}`);
    }
    assert.deepStrictEqual(properties['sourceTrace.languages'].default, ['markdown']);
  });

  it('declares every command it uses', () => {
    const declared = new Set(contributes.commands.map((command: { command: string }) => command.command));
    const used: string[] = [];
    for (const entries of Object.values(contributes.menus) as { command: string }[][]) used.push(...entries.map((entry) => entry.command));
    for (const command of used) assert.ok(declared.has(command), command);
    for (const command of ['findActor', 'findClaim', 'findInWorkspace', 'showChain', 'exportSources', 'refresh']) {
      const entry = contributes.commands.find((c: { command: string }) => c.command === `sourceTrace.${command}`);
      assert.strictEqual(entry?.category, 'Source Trace', command);
    }
    const source = fs.readFileSync(path.join(root, 'src', 'vscode', 'extension.ts'), 'utf8');
    for (const command of declared) assert.ok(source.includes(`'${command}'`), `${command} is not registered`);
  });

  it('has the view container, both views with welcome content, and the walkthrough media', () => {
    assert.deepStrictEqual(contributes.viewsContainers.activitybar[0].id, 'sourceTrace');
    assert.ok(fs.existsSync(path.join(root, contributes.viewsContainers.activitybar[0].icon)));
    assert.deepStrictEqual(contributes.views.sourceTrace.map((view: { id: string }) => view.id), ['sourceTrace.actors', 'sourceTrace.claims']);
    for (const id of ['sourceTrace.actors', 'sourceTrace.claims']) {
      assert.ok(contributes.viewsWelcome.some((welcome: { view: string; when: string }) => welcome.view === id && welcome.when === '!sourceTrace.draftOpen'));
    }
    for (const step of contributes.walkthroughs[0].steps) assert.ok(fs.existsSync(path.join(root, step.media.markdown)), step.media.markdown);
  });

  it('runs in restricted and virtual workspaces, activating on Markdown', () => {
    assert.deepStrictEqual(pkg.capabilities.untrustedWorkspaces, { supported: true });
    assert.strictEqual(pkg.capabilities.virtualWorkspaces, true);
    assert.ok(pkg.activationEvents.includes('onLanguage:markdown'));
    assert.strictEqual(pkg.main, './dist/extension.js');
    assert.strictEqual(pkg.browser, './dist/web/extension.js');
  });

  it('keeps the view models free of the editor API', () => {
    const dir = path.join(root, 'src', 'vscode', 'view');
    for (const file of fs.readdirSync(dir)) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      assert.doesNotMatch(text, /from 'vscode'|require\('vscode'\)/, file);
      assert.doesNotMatch(text, /from '\.\.\/\.\.\/core(\/index|\/analyze)?'/, `${file} must not pull the engine in eagerly`);
    }
  });
});
