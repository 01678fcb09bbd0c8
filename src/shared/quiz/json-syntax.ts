/**
 * Finds where JSON text goes wrong, for error messages a person can act on. JSON.parse does not
 * always say where (V8 gives no position for an unexpected character or a cut-off file), so this
 * small scanner walks the text and returns the offset of the first error and what was expected.
 * It keeps its own stack of open brackets instead of recursing, so a file of a million "[" is
 * one pass like any other, and looks at each character once (`meter` counts them, for tests).
 */
export interface JsonSyntaxError {
  offset: number;
  reason: string;
}

/** Counts the characters the scanner looks at (see src/main/library/importers/work-meter.ts). */
export interface StepMeter {
  add(steps: number): void;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isHex = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c);

export function findJsonSyntaxError(text: string, meter?: StepMeter): JsonSyntaxError | null {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let steps = 0;
  const fail = (reason: string): JsonSyntaxError => ({ offset: i, reason });
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) {
      i++;
      steps++;
    }
  };
  const found = () => (i >= text.length ? 'the end of the file' : `"${text[i]}"`);
  const literal = (word: string): JsonSyntaxError | null => {
    if (!text.startsWith(word, i)) return fail(`expected a value but found ${found()}`);
    i += word.length;
    return null;
  };
  const string = (): JsonSyntaxError | null => {
    i++; // opening quote
    for (; i < text.length; i++, steps++) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return null;
      }
      if (c === '\\') {
        i++;
        if (!(i < text.length && '"\\/bfnrtu'.includes(text[i]!)))
          return fail('this escape sequence is not valid in JSON');
        if (text[i] === 'u') {
          for (let k = 1; k <= 4; k++) if (!isHex(text[i + k])) return fail('\\u needs four hex digits');
        }
      } else if (c < ' ') {
        return fail('a line break or control character inside a string (missing closing quote?)');
      }
    }
    return fail('the file ends inside a string (missing closing quote?)');
  };
  const digits = () => {
    const from = i;
    while (isDigit(text[i])) i++;
    steps += i - from;
    return i - from;
  };
  const number = (): JsonSyntaxError | null => {
    const start = i;
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else if (digits() === 0) {
      i = start;
      return fail(`expected a value but found ${found()}`);
    }
    if (text[i] === '.') {
      const dot = i++;
      if (digits() === 0) {
        i = dot;
        return null; // the text after the number is then reported where it stands
      }
    }
    if (text[i] === 'e' || text[i] === 'E') {
      const e = i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (digits() === 0) i = e;
    }
    return null;
  };
  /** A scalar, or the opening of an object or array (pushed on `open`). */
  const open: ('{' | '[')[] = [];
  const value = (): JsonSyntaxError | null => {
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      open.push(c);
      i++;
      return null;
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || isDigit(c)) return number();
    return fail(`expected a value but found ${found()}`);
  };
  /** After a value inside the innermost open bracket: "," and the next member, or the close. */
  const afterValue = (): JsonSyntaxError | null => {
    const inner = open.at(-1)!;
    const close = inner === '{' ? '}' : ']';
    ws();
    if (text[i] === ',') {
      i++;
      ws();
      if (text[i] === close)
        return fail(`a comma before "${close}" (trailing commas are not allowed in JSON)`);
      return inner === '{' ? member() : value();
    }
    if (text[i] === close) {
      i++;
      open.pop();
      return null;
    }
    return fail(`expected "," or "${close}" but found ${found()}`);
  };
  /** `"name": value` in an object. */
  const member = (): JsonSyntaxError | null => {
    ws();
    if (text[i] !== '"') return fail(`expected a property name in double quotes but found ${found()}`);
    const bad = string();
    if (bad) return bad;
    ws();
    if (text[i] !== ':') return fail(`expected ":" but found ${found()}`);
    i++;
    return value();
  };
  /** Right after "{" or "[": the first member, or the close of an empty one. */
  const firstMember = (): JsonSyntaxError | null => {
    const inner = open.at(-1)!;
    ws();
    if (text[i] === (inner === '{' ? '}' : ']')) {
      i++;
      open.pop();
      return null;
    }
    return inner === '{' ? member() : value();
  };

  let error = value();
  let before = 0;
  while (!error && open.length > 0) {
    // A bracket the last step opened starts with its first member; else the innermost one goes on.
    const opened = open.length > before;
    before = open.length;
    error = opened ? firstMember() : afterValue();
    steps++;
  }
  if (!error) {
    ws();
    if (i < text.length) error = fail(`unexpected ${found()} after the end of the quiz`);
  }
  meter?.add(steps + i);
  return error;
}

/** "line 3, column 17" for an offset into `text` (both counted from 1). */
export function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  let line = 1;
  for (let at = before.indexOf('\n'); at >= 0; at = before.indexOf('\n', at + 1)) line++;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}
