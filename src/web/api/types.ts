/**
 * The API's types as the browser sees them (JSON: dates as ISO strings), read from schema.d.ts —
 * generated from the server's OpenAPI document by `npm run api:types`. A page never writes its own
 * copy of a payload: it names an operation (`ApiResponse<'/api/dossiers/{code}'>`) or a schema the
 * server registered (`Schema<'DossierDetail'>`), and a server change shows up as a type error.
 */
import type { components, paths } from './schema.js';

export type { components, paths };

/** A documented path, as OpenAPI writes it: `/api/dossiers/{code}`. */
export type ApiPath = keyof paths;
type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch';
/** The methods a path answers. */
export type ApiMethod<P extends ApiPath> = {
  [M in HttpMethod]-?: [NonNullable<paths[P][M]>] extends [never] ? never : M;
}[HttpMethod];
type Operation<P extends ApiPath, M extends ApiMethod<P>> = NonNullable<paths[P][M]>;
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Success<R> = R[Extract<keyof R, 200 | 201 | 202>];

/** The JSON body of an operation's success (200, 201 or 202) response. */
export type ApiResponse<P extends ApiPath, M extends ApiMethod<P> = ApiMethod<P> & 'get'> = Json<
  Success<Operation<P, M>['responses']>
>;
/** The JSON request body an operation takes. */
export type ApiBody<P extends ApiPath, M extends ApiMethod<P>> = Json<NonNullable<Operation<P, M>['requestBody']>>;
/** An operation's query parameters. */
export type ApiQuery<P extends ApiPath, M extends ApiMethod<P> = ApiMethod<P> & 'get'> = NonNullable<
  Operation<P, M>['parameters']['query']
>;
/** An operation's path parameters. */
export type ApiPathParams<P extends ApiPath, M extends ApiMethod<P> = ApiMethod<P> & 'get'> = NonNullable<
  Operation<P, M>['parameters']['path']
>;
/** An element of a list response's `items` (the paged lists: `{ items, total }`). */
export type ApiItem<P extends ApiPath, M extends ApiMethod<P> = ApiMethod<P> & 'get'> =
  ApiResponse<P, M> extends { items: readonly (infer I)[] } ? I : never;

/** A schema the server registered under an id (Zod `.meta({ id })`), as a response carries it. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];
