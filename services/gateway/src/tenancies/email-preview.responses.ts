import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { RenderedEmailView } from '@gatehouse/contracts';

/** RenderedEmailView: an email as it would be sent. */
@ApiSchema({ name: 'EmailPreview' })
export class EmailPreviewResponse implements RenderedEmailView {
  @ApiProperty()
  subject!: string;

  @ApiProperty({ description: 'Show in a sandboxed frame.' })
  html!: string;

  @ApiProperty()
  text!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The appendix rendered at the bottom; null when off.' })
  appendix!: string | null;
}
