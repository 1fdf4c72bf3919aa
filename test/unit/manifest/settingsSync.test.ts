// package.json declares a kubeNotes.lint.<name> severity for every code and the YAML rule options, in both languages.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../helpers/bundledNotes';
import { createLanguageService } from '../../../server/src/service/languageService';
import { normalizeSettings } from '../../../server/src/service/settings';
import { nlsKeyOf, settingContributions } from '../../../scripts/settingsContributions';
import { yamlDocument } from '../../helpers/caret';

const read = (file: string) => JSON.parse(readFileSync(join(REPO_ROOT, file), 'utf8')) as Record<string, any>;

describe('generated settings', () => {
  const service = createLanguageService();
  const contributions = settingContributions(service.registry.allCodes());
  const properties = read('package.json')['contributes']['configuration']['properties'] as Record<string, Record<string, unknown>>;

  it('are in package.json exactly as generated (run "npm run sync:settings")', () => {
    const declared = Object.keys(properties).filter((k) => k.startsWith('kubeNotes.lint.') || k.startsWith('kubeNotes.yaml.'));
    assert.deepEqual(declared, contributions.map((c) => c.key));
    for (const c of contributions) assert.deepEqual(properties[c.key], { ...c.schema, markdownDescription: `%${nlsKeyOf(c.key)}%` });
  });

  it('cover every diagnostic code of the registry', () => {
    for (const code of service.registry.allCodes()) assert.ok(properties[`kubeNotes.lint.${code.name}`], code.code);
  });

  it('have English and Korean descriptions', () => {
    const en = read('package.nls.json');
    const ko = read('package.nls.ko.json');
    for (const c of contributions) {
      assert.equal(en[nlsKeyOf(c.key)], c.description.en);
      assert.equal(ko[nlsKeyOf(c.key)], c.description.ko);
      assert.match(c.description.ko, /[가-힣]/);
    }
  });

  it('treat "default" as the rule default, so VS Code sending every default changes nothing', () => {
    const everyDefault: Record<string, string> = {};
    for (const code of service.registry.allCodes()) everyDefault[code.name] = 'default';
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: nginx:latest\n';
    const plain = service.validate(yamlDocument(text), normalizeSettings({})).map((d) => `${d.code}:${d.severity}`);
    const withDefaults = service.validate(yamlDocument(text), normalizeSettings({ lint: everyDefault })).map((d) => `${d.code}:${d.severity}`);
    assert.deepEqual(withDefaults, plain);
    assert.ok(!plain.some((d) => d.startsWith('K8S041')), 'opt-in checks stay off');
  });
});
