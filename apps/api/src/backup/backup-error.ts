/** Why a backup command refused or failed; each comes with a message an operator can act on. */
export enum BackupErrorCode {
  USAGE = 'USAGE',
  KEY_FILE = 'KEY_FILE',
  NOT_A_BACKUP = 'NOT_A_BACKUP',
  UNSUPPORTED_VERSION = 'UNSUPPORTED_VERSION',
  WRONG_KEY = 'WRONG_KEY',
  DAMAGED = 'DAMAGED',
  ENGINE_MISMATCH = 'ENGINE_MISMATCH',
  NEWER_SCHEMA = 'NEWER_SCHEMA',
  NO_SCHEMA = 'NO_SCHEMA',
  TARGET_NOT_FRESH = 'TARGET_NOT_FRESH',
  OUTPUT_EXISTS = 'OUTPUT_EXISTS',
  OUTPUT_FAILED = 'OUTPUT_FAILED',
  TOOL_FAILED = 'TOOL_FAILED',
}

/**
 * The one error of the backup commands. Its name is in the boot reporter's operator errors, so the CLI prints the
 * message alone (one line, no stack trace); tests tell the cases apart by `code`.
 */
export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}
