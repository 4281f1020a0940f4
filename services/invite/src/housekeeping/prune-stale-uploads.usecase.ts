import { Injectable } from '@nestjs/common';
import { ImportUploadsRepository } from '../mass-invites/uploads/import-uploads.repository';
import { STALE_UPLOAD_AFTER } from './housekeeping.constants';

/**
 * Deletes uploads left unfinished (no piece for STALE_UPLOAD_AFTER): the gateway that was sending them
 * crashed, or could not tell the invite service it gave up. Their pieces go with them.
 */
@Injectable()
export class PruneStaleUploads {
  constructor(private readonly uploads: ImportUploadsRepository) {}

  execute(): Promise<number> {
    return this.uploads.removeStale(STALE_UPLOAD_AFTER);
  }
}
