/**
 * Hostile inputs: what a careless or malicious client sends. Every one must end in a 4xx with the
 * error shape (or be accepted as data), never a 5xx.
 */
import fc from 'fast-check';
import type { Scale } from './options.js';

/** Nested arrays `depth` deep: [[[…]]]. */
function nestedArrays(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** Nested objects `depth` deep: {"a":{"a":…}}. */
function nestedObjects(depth: number): unknown {
  let value: unknown = {};
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** Keys that pollute prototypes when merged naively; JSON.parse keeps `__proto__` as an own key. */
const PROTO_POLLUTION = JSON.parse(
  '{"__proto__":{"polluted":true,"isAdmin":true},"constructor":{"prototype":{"polluted":true}},"prototype":{}}',
) as unknown;

const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'ab\uDC00cd',
  '\uFFFF\uFFFE',
  '\u202Eevil\u202C',
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  "' OR 1=1 --",
  '"; DROP TABLE dossiers; --',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, sent as it is
  '${7*7}{{7*7}}<script>alert(1)</script>',
  '0x7fffffffffffffff',
  '-0',
  '1e309',
  'NaN',
  '9999-99-99',
  '2026-02-30',
  '00000000-0000-0000-0000-000000000000',
  'Nguyễn Văn Ã\u0301',
  '🙂'.repeat(50),
];

/** Values in place of a JSON field (or a whole body): wrong types, huge, broken text, deep, polluting. */
export function hostileValue(scale: Scale): fc.Arbitrary<unknown> {
  const huge = scale === 'full' ? 3_000_000 : 300_000;
  return fc.oneof(
    fc.constantFrom<unknown>(0, -1, 2 ** 53 + 1, 1e308, -1e308, true, false, null, [], {}, [null], { '': '' }),
    fc.constantFrom(...HOSTILE_STRINGS),
    fc.constant('x'.repeat(huge)),
    // Deeper than this, the client's own JSON.stringify overflows: deeper ones go as raw text.
    fc.constant(nestedArrays(1_000)),
    fc.constant(nestedObjects(1_000)),
    fc.constant(PROTO_POLLUTION),
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.jsonValue({ maxDepth: 3 }),
  );
}

/** Raw request bodies: JSON nested deeper than any parser's recursion, or not the JSON they claim to be. */
export function hostileRawBody(scale: Scale): fc.Arbitrary<string | Uint8Array> {
  const depth = scale === 'full' ? 200_000 : 20_000;
  return fc.oneof(
    fc.constant(`${'['.repeat(depth)}${']'.repeat(depth)}`),
    fc.constant(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
    fc.constantFrom('', '{', '{"a":', 'null', '[]', '"text"', '{"a":1}{"b":2}', '\u0000', 'a=1&b=2', '--x\r\n\r\n'),
    fc.constant(new Uint8Array([0xff, 0xfe, 0xfd, 0x7b, 0x22])),
    fc.uint8Array({ maxLength: 200 }),
  );
}

/** Path segments as they go on the wire (already percent-encoded where they are): traversal, NUL, bad UTF-8. */
export const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '..%2F..%2F..%2Fetc%2Fpasswd',
    '%2e%2e',
    '%2e%2e%2f%2e%2e%2fpackage.json',
    '..%5C..%5Cwindows',
    '%00',
    'a%00b',
    '%FF%FE',
    '%C0%AE%C0%AE',
    '%E0%A4%A',
    '%25',
    '%20',
    '-1',
    '0',
    '9'.repeat(40),
    'x'.repeat(5_000),
    encodeURIComponent("' OR 1=1 --"),
    encodeURIComponent('__proto__'),
    encodeURIComponent('constructor'),
  ),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
);

/** Content types a JSON route may be sent instead of its own (null: none at all). */
export const wrongContentType: fc.Arbitrary<string | null> = fc.constantFrom(
  null,
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'application/json; charset=latin1',
  'application/xml',
);
