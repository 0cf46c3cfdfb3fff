/**
 * @sarhad/server: the HTTP API and what the command line needs to run it and to check its audit log.
 */
export { build, type AppDeps } from './app.js';
export { loadConfig, type Config, type ConfigOverrides, type DatabaseConfig } from './config.js';
export { systemClock, type Clock } from './clock.js';
export { ServerError, isServerError, SERVER_ERROR_CODES, type ServerErrorCode } from './errors.js';
export { openDatabase, type Database, type DialectName } from './db/database.js';
export { migrateToLatest } from './db/migrate.js';
export { listMigrations, type MigrationStatus } from './db/migration-status.js';
export { createUserFromConsole, type ConsoleUserRequest } from './services/console-accounts-service.js';
export {
  verifyAuditChain,
  exportCheckpoint,
  AuditCheckpoint,
  type AuditVerification,
} from './services/audit-service.js';
export {
  loadAuditSigningKey,
  publicKeyOf,
  parsePublicKey,
  signedCheckpointOf,
  signAuditCheckpoint,
  verifyCheckpointSignature,
  type AuditSigningKey,
  type AuditPublicKey,
} from './services/audit-signing-service.js';
export { SignedAuditCheckpoint } from './domain/audit-signature.js';
export { purgeExpired, type PurgeReport } from './services/retention-service.js';
export { startServer, type RunningServer, type StartOptions } from './main.js';
export * from './domain/mrz-td3.js';
export { loadDemoFromConsole } from './services/demo-console-service.js';
export { DEFAULT_DEMO_SEED, DEFAULT_DEMO_TRAVELLERS, MAX_DEMO_TRAVELLERS, demoFingerCapture, type DemoAccount, type DemoProgress, type DemoSummary, type DemoStatus } from './services/demo-service.js';
export * from './domain/demo-people.js';
export { NewTraveller } from './services/travellers-service.js';
export { NewDocument, normalizeDocument } from './domain/documents.js';
export { readGallerySnapshot, writeGallerySnapshot } from './services/gallery-snapshot.js';
