// A small VS Code snippet-body expander for tests: inserts every placeholder's default (choices take their first
// option), mirrors `$n` to the value its placeholder defines, drops `$0`, and honours `\$`, `\}`, `\\` (and `\,` `\|` in choices).

export type SnippetNode =
  | { readonly type: 'text'; readonly value: string }
  | { readonly type: 'tabstop'; readonly index: number }
  | { readonly type: 'placeholder'; readonly index: number; readonly children: readonly SnippetNode[] }
  | { readonly type: 'choice'; readonly index: number; readonly options: readonly string[] }
  | { readonly type: 'variable'; readonly name: string; readonly children?: readonly SnippetNode[] };

export class SnippetSyntaxError extends Error {}

/** Parses a snippet body (lines joined with `\n`). */
export function parseSnippet(body: string): SnippetNode[] {
  let pos = 0;

  const parseInt10 = (): number | undefined => {
    const match = /^[0-9]+/.exec(body.slice(pos));
    if (!match) return undefined;
    pos += match[0].length;
    return Number(match[0]);
  };
  const parseName = (): string | undefined => {
    const match = /^[_a-zA-Z][_a-zA-Z0-9]*/.exec(body.slice(pos));
    if (!match) return undefined;
    pos += match[0].length;
    return match[0];
  };

  /** Parses nodes until `}` (when nested) or the end. */
  const parseNodes = (nested: boolean): SnippetNode[] => {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = (): void => {
      if (text) nodes.push({ type: 'text', value: text });
      text = '';
    };
    while (pos < body.length) {
      const c = body[pos]!;
      if (c === '\\') {
        const next = body[pos + 1];
        if (next === '$' || next === '}' || next === '\\') {
          text += next;
          pos += 2;
          continue;
        }
        text += c;
        pos++;
        continue;
      }
      if (nested && c === '}') {
        flush();
        return nodes;
      }
      if (c !== '$') {
        text += c;
        pos++;
        continue;
      }
      // `$…`
      const start = pos;
      pos++;
      const index = parseInt10();
      if (index !== undefined) {
        flush();
        nodes.push({ type: 'tabstop', index });
        continue;
      }
      const name = parseName();
      if (name !== undefined) {
        flush();
        nodes.push({ type: 'variable', name });
        continue;
      }
      if (body[pos] !== '{') {
        text += '$';
        continue;
      }
      pos++;
      const braceIndex = parseInt10();
      if (braceIndex !== undefined) {
        const next = body[pos];
        if (next === '}') {
          pos++;
          flush();
          nodes.push({ type: 'tabstop', index: braceIndex });
          continue;
        }
        if (next === ':') {
          pos++;
          const children = parseNodes(true);
          if (body[pos] !== '}') throw new SnippetSyntaxError(`unclosed placeholder at ${start}`);
          pos++;
          flush();
          nodes.push({ type: 'placeholder', index: braceIndex, children });
          continue;
        }
        if (next === '|') {
          pos++;
          const options: string[] = [];
          let option = '';
          for (;;) {
            if (pos >= body.length) throw new SnippetSyntaxError(`unclosed choice at ${start}`);
            const ch = body[pos]!;
            if (ch === '\\' && [',', '|', '\\', '$', '}'].includes(body[pos + 1] ?? '')) {
              option += body[pos + 1];
              pos += 2;
              continue;
            }
            if (ch === ',') {
              options.push(option);
              option = '';
              pos++;
              continue;
            }
            if (ch === '|' && body[pos + 1] === '}') {
              options.push(option);
              pos += 2;
              break;
            }
            option += ch;
            pos++;
          }
          flush();
          nodes.push({ type: 'choice', index: braceIndex, options });
          continue;
        }
        throw new SnippetSyntaxError(`unsupported tab stop syntax at ${start}`);
      }
      const braceName = parseName();
      if (braceName === undefined) throw new SnippetSyntaxError(`bad \${ at ${start}`);
      if (body[pos] === '}') {
        pos++;
        flush();
        nodes.push({ type: 'variable', name: braceName });
        continue;
      }
      if (body[pos] === ':') {
        pos++;
        const children = parseNodes(true);
        if (body[pos] !== '}') throw new SnippetSyntaxError(`unclosed variable at ${start}`);
        pos++;
        flush();
        nodes.push({ type: 'variable', name: braceName, children });
        continue;
      }
      throw new SnippetSyntaxError(`unsupported variable syntax at ${start}`);
    }
    if (nested) throw new SnippetSyntaxError('unexpected end inside ${…}');
    flush();
    return nodes;
  };

  return parseNodes(false);
}

export interface Expansion {
  readonly text: string;
  /** Tab stop numbers in order of first appearance (0 excluded). */
  readonly tabStops: readonly number[];
}

/** Expands a snippet body with the defaults; `variables` resolves `$NAME` (unknown ones use their default or ''). */
export function expandSnippet(body: string | readonly string[], variables: Readonly<Record<string, string>> = {}): Expansion {
  const source = typeof body === 'string' ? body : body.join('\n');
  const nodes = parseSnippet(source);
  const defaults = new Map<number, readonly SnippetNode[] | string>();
  const order: number[] = [];
  const collect = (list: readonly SnippetNode[]): void => {
    for (const node of list) {
      if (node.type === 'tabstop' || node.type === 'placeholder' || node.type === 'choice') {
        if (node.index !== 0 && !order.includes(node.index)) order.push(node.index);
      }
      if (node.type === 'placeholder') {
        if (!defaults.has(node.index)) defaults.set(node.index, node.children);
        collect(node.children);
      } else if (node.type === 'choice') {
        if (!defaults.has(node.index)) defaults.set(node.index, node.options[0] ?? '');
      } else if (node.type === 'variable' && node.children) {
        collect(node.children);
      }
    }
  };
  collect(nodes);
  const active = new Set<number>();
  const render = (list: readonly SnippetNode[]): string => {
    let out = '';
    for (const node of list) {
      switch (node.type) {
        case 'text':
          out += node.value;
          break;
        case 'tabstop':
        case 'placeholder':
        case 'choice': {
          if (node.index === 0 && node.type === 'tabstop') break;
          const value = defaults.get(node.index);
          if (value === undefined || active.has(node.index)) break;
          if (typeof value === 'string') {
            out += value;
          } else {
            active.add(node.index);
            out += render(value);
            active.delete(node.index);
          }
          break;
        }
        case 'variable':
          out += variables[node.name] ?? (node.children ? render(node.children) : '');
          break;
      }
    }
    return out;
  };
  return { text: render(nodes), tabStops: order };
}
