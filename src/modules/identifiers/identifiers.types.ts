/**
 * Result shapes shared by the identifier rules. A rule never throws on user input: it returns
 * either the normalised value or one error with a stable code (for the API and tests) and a
 * Vietnamese message (shown to the officer or citizen as is). Warnings are soft findings that
 * must not block intake: the officer sees them and decides.
 */

/** A soft finding (cảnh báo): the value is accepted but looks unusual. */
export type Warning = { code: string; message: string };

/** Why a value was rejected. `field` names the offending input field when there are several. */
export type IdentifierError<Code extends string = string> = { code: Code; message: string; field?: string };

export type Failure<Code extends string = string> = { ok: false; error: IdentifierError<Code> };

export type Sex = 'male' | 'female';
