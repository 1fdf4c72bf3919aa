// The YAML syntax and style rule plug-ins, in code order.
import type { Rule } from '../diagnostics/rule';
import { anchors } from './anchors';
import { colons } from './colons';
import { commas } from './commas';
import { commentSpacing } from './commentSpacing';
import { documentMarkers } from './documentMarkers';
import { duplicateKeys } from './duplicateKeys';
import { emptyLines } from './emptyLines';
import { emptyValues } from './emptyValues';
import { finalNewline } from './finalNewline';
import { helmTemplate } from './helmTemplate';
import { indentation } from './indentation';
import { keyOrdering } from './keyOrdering';
import { lineLength } from './lineLength';
import { syntaxErrors } from './syntaxErrors';
import { tabs } from './tabs';
import { trailingSpaces } from './trailingSpaces';
import { yaml11Values } from './yaml11Values';

export const yamlRules: readonly Rule[] = [
  syntaxErrors, // YAML001–YAML021, YAML023–YAML026
  anchors, // YAML022, YAML119
  duplicateKeys, // YAML100
  tabs, // YAML101
  colons, // YAML102
  commas, // YAML103
  indentation, // YAML104
  trailingSpaces, // YAML105
  lineLength, // YAML106
  yaml11Values, // YAML107–YAML110
  emptyValues, // YAML112
  documentMarkers, // YAML113, YAML114
  finalNewline, // YAML115, YAML121
  emptyLines, // YAML116
  commentSpacing, // YAML117
  keyOrdering, // YAML118
  helmTemplate, // YAML120
];
