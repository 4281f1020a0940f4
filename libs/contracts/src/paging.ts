import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class PageRequest {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export const DEFAULT_PAGE_SIZE = 50;

/** The rows a page request asks for, defaults filled in: DEFAULT_PAGE_SIZE rows from the first. */
export function pageWindow(request: PageRequest): { limit: number; offset: number } {
  return { limit: request.limit ?? DEFAULT_PAGE_SIZE, offset: request.offset ?? 0 };
}
