import { Button, Tooltip, type ButtonProps } from '@mantine/core';

/**
 * A button that stays disabled while something is missing, with a tooltip saying what. A disabled
 * button gets no pointer or focus events, so the tooltip sits on a focusable wrapper.
 */
export function GuardedButton({
  missing,
  hintId,
  onClick,
  children,
  ...props
}: ButtonProps & { missing: string | null; hintId: string; onClick: () => void; children: React.ReactNode }) {
  return (
    <Tooltip label={missing ?? ''} disabled={!missing} withArrow>
      <span tabIndex={missing ? 0 : -1} aria-describedby={missing ? hintId : undefined}>
        <Button {...props} disabled={missing !== null} onClick={onClick}>
          {children}
        </Button>
      </span>
    </Tooltip>
  );
}
