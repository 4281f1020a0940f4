import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PreviewJoinRequest, RegistrationLinkPreview } from '@gatehouse/contracts';
import { DataSource } from 'typeorm';
import { toRegistrationLinkPreview } from '../domain/registration-link-row';
import { FindLinkByToken } from './find-link-by-token.usecase';

/** What the public join page shows for a token. Reads only: opening the page changes nothing. */
@Injectable()
export class PreviewJoin {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly findLink: FindLinkByToken,
  ) {}

  async execute({ token }: PreviewJoinRequest): Promise<RegistrationLinkPreview> {
    return toRegistrationLinkPreview(await this.findLink.find(this.dataSource.manager, token));
  }
}
