/**
 * The gateway stops reading an upload past this size (64 MiB). The configured limit (IMPORT_MAX_BYTES
 * of the invite service, 10 MiB by default) is applied there, with a precise message.
 */
export const UPLOAD_LIMIT_BYTES = 64 * 1024 * 1024;
