import { IsInt, Max, Min } from 'class-validator';

/** A whole-number setting within [min, max] (no upper bound when max is left out). */
export function IntSetting(min: number, max?: number): PropertyDecorator {
  // In the order stacked @IsInt() @Min() @Max() would register (bottom-up): the same error messages, same order.
  return (target, property) => {
    if (max !== undefined) Max(max)(target, property);
    Min(min)(target, property);
    IsInt()(target, property);
  };
}
