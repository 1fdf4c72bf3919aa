// A generic finding yields to a more precise one on the same range (YAML 1.1 warning vs schema type error).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createLanguageService } from '../../../server/src/service/languageService';
import { normalizeSettings } from '../../../server/src/service/settings';
import { createKubernetesResources } from '../../../server/src/node/kubernetesSchemaLoader';
import { yamlDocument } from '../../helpers/caret';
import { REPO_ROOT } from '../../helpers/bundledNotes';

const service = createLanguageService({ kubernetes: createKubernetesResources(join(REPO_ROOT, 'server', 'schemas')) });
const codes = (text: string) => service.validate(yamlDocument(text), normalizeSettings({})).map((d) => `${d.code}@${d.range.start.line}`);

describe('supersededBy', () => {
  it('reports only the schema error where both would flag the same value', () => {
    assert.deepEqual(codes('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  debug: yes\n  mode: 0644\n').sort(), ['K8S002@5', 'K8S002@6']);
  });

  it('keeps the YAML 1.1 warning outside Kubernetes manifests and on fields that take booleans', () => {
    assert.deepEqual(codes('debug: yes\n'), ['YAML107@0']);
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: nginx:1.27\n      stdin: yes\n';
    assert.deepEqual(codes(pod), ['YAML107@8']);
  });

  it('lets a suppressed or disabled schema error leave the YAML 1.1 warning visible', () => {
    const base = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n';
    assert.deepEqual(codes(`${base}  # kube-notes-disable-next-line K8S002\n  debug: yes\n`), ['YAML107@6']);
    const off = service.validate(yamlDocument(`${base}  debug: yes\n`), normalizeSettings({ lint: { invalidType: 'off' } }));
    assert.deepEqual(off.map((d) => d.code), ['YAML107']);
  });
});

describe('code actions and versions', () => {
  it('never offers fixes computed for an older version of the text', () => {
    const local = createLanguageService({});
    const settings = normalizeSettings({});
    const v1 = yamlDocument('a: 1   \n', 'file:///stale.yaml', 1);
    const old = local.validate(v1, settings);
    assert.equal(old[0]!.code, 'YAML105');
    // The user typed before validation ran: the trailing spaces moved to line 1.
    const v2 = yamlDocument('x: 0\na: 1   \n', 'file:///stale.yaml', 2);
    assert.deepEqual(local.codeActions(v2, old[0]!.range, old, settings), [], 'the old diagnostic no longer exists as it was');
    const fresh = local.validate(v2, settings);
    const actions = local.codeActions(v2, fresh[0]!.range, fresh, settings);
    assert.equal(actions[0]!.edit!.changes!['file:///stale.yaml']![0]!.range.start.line, 1);
  });
});

