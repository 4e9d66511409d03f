/** Every table, gathered for Drizzle's typed queries and for drizzle-kit's migration diff. */
export * from '../../modules/org/units.table.js';
export * from '../../modules/identity/identity.tables.js';
export * from '../../modules/audit/audit.table.js';
export * from '../../modules/outbox/outbox.table.js';
export * from '../../modules/calendar/calendar.tables.js';
export * from '../../modules/catalog/catalog.tables.js';
export * from '../../modules/workflows/workflows.tables.js';
export * from '../../modules/files/files.table.js';
export * from '../../modules/dossiers/code-sequence.table.js';
export * from '../../modules/dossiers/dossiers.tables.js';
export * from '../../modules/datastore/datastore.tables.js';
