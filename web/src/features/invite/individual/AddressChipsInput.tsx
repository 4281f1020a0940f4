import { ChipsInput } from '../../../ui/ChipsInput';
import { addressProblem } from './email-chips';

/** "Email addresses": each typed or pasted address becomes a chip; plainly wrong ones say why. */
export function AddressChipsInput({ value, onChange }: { value: string[]; onChange: (addresses: string[]) => void }) {
  return (
    <ChipsInput
      label="Email addresses"
      description="One, or several separated by commas, spaces or new lines. Press Enter after each."
      placeholder="name@example.com"
      value={value}
      onChange={onChange}
      problemOf={addressProblem}
      normalise={(entry) => entry.replace(/^<|>$/g, '')}
    />
  );
}
