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
});
