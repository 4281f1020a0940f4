export type CsvRefusalCode = 'IMPORT.NOT_TEXT' | 'IMPORT.TOO_LARGE' | 'IMPORT.TOO_MANY_ROWS' | 'IMPORT.EMPTY';

/** The whole file is refused: nothing in it may be used. `message` is meant for the person uploading. */
export class CsvRefusedError extends Error {
  override readonly name = 'CsvRefusedError';

  constructor(
    readonly code: CsvRefusalCode,
    message: string,
  ) {
    super(message);
  }

  static notText(): CsvRefusedError {
    return new CsvRefusedError(
      'IMPORT.NOT_TEXT',
      'The file is not a text file (CSV). Save it from your spreadsheet as CSV and try again.',
    );
  }

  static empty(): CsvRefusedError {
    return new CsvRefusedError(
      'IMPORT.EMPTY',
      'The file is empty. Put one email address per row in the first column and try again.',
    );
  }

  static tooLarge(size: number, maxBytes: number): CsvRefusedError {
    return new CsvRefusedError(
      'IMPORT.TOO_LARGE',
      `The file is ${formatBytes(size)}, over the limit of ${formatBytes(maxBytes)}. Split it into smaller files and try again.`,
    );
  }

  static tooManyRows(maxRows: number, what: 'rows' | 'blank rows'): CsvRefusedError {
    return new CsvRefusedError(
      'IMPORT.TOO_MANY_ROWS',
      `The file has more than ${maxRows.toLocaleString('en-US')} ${what}, over the limit. Split it into smaller files and try again.`,
    );
  }
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${trimDecimal(bytes / 1024)} KiB`;
  return `${trimDecimal(bytes / (1024 * 1024))} MiB`;
}

function trimDecimal(n: number): string {
  return n.toFixed(1).replace(/\.0$/, '');
}
