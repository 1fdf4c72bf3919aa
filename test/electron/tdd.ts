// Typed access to mocha's TDD globals, which @vscode/test-cli's runner defines in the extension host
// (the project does not type-check against @types/mocha).
type Body = () => Promise<void> | void;

interface MochaTdd {
  suite(title: string, body: () => void): void;
  test(title: string, body: Body): void;
  suiteSetup(body: Body): void;
  suiteTeardown(body: Body): void;
}

const mocha = globalThis as unknown as MochaTdd;

export const suite = (title: string, body: () => void): void => mocha.suite(title, body);
export const test = (title: string, body: Body): void => mocha.test(title, body);
export const suiteSetup = (body: Body): void => mocha.suiteSetup(body);
export const suiteTeardown = (body: Body): void => mocha.suiteTeardown(body);
