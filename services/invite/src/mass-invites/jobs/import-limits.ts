import { Injectable } from '@nestjs/common';
import { CsvLimits } from '../csv';
import { InviteEnv } from '../../invite.config';

/** The configured limits of a mass-invite file (size, rows, cell length). */
@Injectable()
export class ImportLimits {
  readonly csv: CsvLimits;

  constructor(env: InviteEnv) {
    this.csv = {
      maxBytes: env.IMPORT_MAX_BYTES,
      maxRows: env.IMPORT_MAX_ROWS,
      maxCellLength: env.IMPORT_MAX_CELL_LENGTH,
    };
  }
}
