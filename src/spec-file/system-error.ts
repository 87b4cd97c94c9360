import { getSystemErrorMap } from 'node:util';

/** An error the operating system reported for a file operation: ENOENT, EACCES, ENOTDIR, ... */
export interface SystemError extends Error {
  readonly code: string;
  readonly errno: number;
  readonly syscall: string;
}

/**
 * True for an error that the operating system reported (Node gives it an errno, a code and the
 * system call). Anything else thrown by a file operation, such as an invalid argument, is a bug
 * and is not one of these.
 */
export function isSystemError(error: unknown): error is SystemError {
  if (!(error instanceof Error)) return false;
  const e = error as Partial<SystemError>;
  return typeof e.code === 'string' && typeof e.errno === 'number' && typeof e.syscall === 'string';
}

/** The system's reason in words, with its code: `not a directory (ENOTDIR)`. */
export function systemReason(error: SystemError): string {
  // The table of libuv's messages, rather than parsing `error.message`, which also holds the path.
  const words = getSystemErrorMap().get(error.errno)?.[1];
  return words === undefined ? error.code : `${words} (${error.code})`;
}
