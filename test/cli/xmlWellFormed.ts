// A small XML 1.0 well-formedness check for the JUnit report: balanced tags, quoted attributes, known entities,
// no characters XML forbids. Returns the problems (empty when well-formed) and the element tree's names.

export interface XmlElement {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: XmlElement[];
  text: string;
}

const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/y;
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

function decode(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_m, e: string) => {
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    return String.fromCodePoint(e.startsWith('#x') ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10));
  });
}

export function parseXml(xml: string): { problems: string[]; root?: XmlElement } {
  const problems: string[] = [];
  if (FORBIDDEN.test(xml)) problems.push('contains a character XML 1.0 forbids');
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let i = 0;
  if (xml.startsWith('<?xml')) i = xml.indexOf('?>') + 2;
  const checkText = (text: string, where: number): void => {
    for (let k = 0; k < text.length; k++) {
      if (text[k] === '<') problems.push(`raw < at ${where + k}`);
      if (text[k] === '&') {
        ENTITY.lastIndex = k;
        if (!ENTITY.test(text)) problems.push(`bad entity at ${where + k}`);
      }
    }
  };
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    checkText(text, i);
    if (stack.length > 0) stack[stack.length - 1]!.text += decode(text);
    else if (text.trim() !== '') problems.push(`text outside the root at ${i}`);
    if (lt === -1) break;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt);
      if (end === -1) {
        problems.push('unclosed comment');
        break;
      }
      i = end + 3;
      continue;
    }
    const gt = xml.indexOf('>', lt);
    if (gt === -1) {
      problems.push(`unclosed tag at ${lt}`);
      break;
    }
    const tag = xml.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (!open || open.name !== name) problems.push(`mismatched </${name}> at ${lt}`);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const nameMatch = /^([A-Za-z_][\w.-]*)/.exec(body);
    if (!nameMatch) {
      problems.push(`bad tag name at ${lt}`);
      continue;
    }
    const attributes: Record<string, string> = {};
    const rest = body.slice(nameMatch[1]!.length);
    const attr = /\s+([A-Za-z_][\w.-]*)="([^"]*)"/gy;
    let consumed = 0;
    for (let m = attr.exec(rest); m; m = attr.exec(rest)) {
      if (m[1]! in attributes) problems.push(`duplicate attribute ${m[1]} at ${lt}`);
      checkText(m[2]!, lt);
      attributes[m[1]!] = decode(m[2]!);
      consumed = attr.lastIndex;
    }
    if (rest.slice(consumed).trim() !== '') problems.push(`bad attributes in <${nameMatch[1]}> at ${lt}`);
    const element: XmlElement = { name: nameMatch[1]!, attributes, children: [], text: '' };
    if (stack.length > 0) stack[stack.length - 1]!.children.push(element);
    else if (root) problems.push('more than one root element');
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (stack.length > 0) problems.push(`unclosed <${stack[stack.length - 1]!.name}>`);
  return root ? { problems, root } : { problems: [...problems, 'no root element'] };
}
