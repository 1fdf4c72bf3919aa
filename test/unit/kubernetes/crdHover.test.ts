// Hover and completion resolve a custom resource's schema exactly as validation does: only served CRD versions.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { crdsInText } from '../../../server/src/node/kubernetesSchemaLoader';
import { documentAtCaret } from '../../helpers/caret';
import { freshResources, kubernetesService, settings } from './kubernetesTestKit';

const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  names: {kind: Widget, plural: widgets}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                size: {type: integer, description: How big the widget is.}
    - name: v0
      served: false
      storage: false
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                size: {type: integer, description: How big the old widget was.}
`;

describe('custom resource hover', () => {
  const resources = freshResources();
  resources.setWorkspaceCrds('file:///crd.yaml', crdsInText(CRD, 'file:///crd.yaml'));
  const service = kubernetesService(resources);
  const hover = (source: string): string => {
    const { document, position } = documentAtCaret(source);
    const result = service.hover(document, position, settings());
    return result ? (result.contents as { value: string }).value : '';
  };

  it('documents fields of a served version', () => {
    assert.match(hover('apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  si|ze: 3\n'), /How big the widget is/);
  });

  it('does not document fields of a version the CRD no longer serves (validation rejects it too)', () => {
    const text = hover('apiVersion: example.com/v0\nkind: Widget\nmetadata:\n  name: w\nspec:\n  si|ze: 3\n');
    assert.doesNotMatch(text, /How big the old widget was/);
  });
});
