/** The shape of an error table: stable code → HTTP status and Vietnamese message. */
export type ErrorTable = Record<string, { status: number; message: string }>;
