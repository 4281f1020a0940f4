import { Pill, PillsInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { addressProblem, splitAddresses } from './email-chips';

const SEPARATOR_KEYS = new Set(['Enter', ',', ';', ' ', 'Tab']);

/**
 * "Email addresses": a text field whose entries turn into chips (Mantine PillsInput). Not a combobox,
 * because nothing is suggested. A chip that is plainly not an address says why, in words.
 */
export function AddressChipsInput({ value, onChange }: { value: string[]; onChange: (addresses: string[]) => void }) {
  const [draft, setDraft] = useState('');
  const invalid = value.filter((address) => addressProblem(address) !== null);

  const add = (text: string) => {
    const seen = new Set(value.map((address) => address.toLowerCase()));
    const added = splitAddresses(text).filter((address) => {
      const key = address.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (added.length > 0) onChange([...value, ...added]);
    setDraft('');
  };
  const remove = (address: string) => onChange(value.filter((item) => item !== address));

  return (
    <PillsInput
      label="Email addresses"
      description="One, or several separated by commas, spaces or new lines. Press Enter after each."
      error={
        invalid.length > 0
          ? `${invalid.length === 1 ? 'One address is' : `${invalid.length} addresses are`} not valid: fix or remove ${invalid.length === 1 ? 'it' : 'them'}.`
          : undefined
      }
    >
      <Pill.Group>
        {value.map((address) => {
          const problem = addressProblem(address);
          return (
            <Pill
              key={address}
              withRemoveButton
              onRemove={() => remove(address)}
              // Mantine hides the remove button from keyboards and screen readers; here it is a real button.
              removeButtonProps={{ 'aria-label': `Remove ${address}`, 'aria-hidden': false, tabIndex: 0 }}
              bg={problem ? 'red.1' : undefined}
              c={problem ? 'red.9' : undefined}
            >
              {problem && <IconAlertCircle size={12} aria-hidden style={{ marginRight: 4, verticalAlign: -1 }} />}
              {address}
              {problem && ` — not valid: ${problem}`}
            </Pill>
          );
        })}
        <PillsInput.Field
          value={draft}
          placeholder={value.length ? '' : 'name@example.com'}
          onChange={(event) => setDraft(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (SEPARATOR_KEYS.has(event.key) && draft.trim()) {
              if (event.key !== 'Tab') event.preventDefault();
              add(draft);
            } else if (event.key === 'Backspace' && !draft && value.length > 0) {
              remove(value[value.length - 1]);
            }
          }}
          onPaste={(event) => {
            event.preventDefault();
            add(`${draft} ${event.clipboardData.getData('text')}`);
          }}
          onBlur={() => draft.trim() && add(draft)}
          autoComplete="off"
        />
      </Pill.Group>
    </PillsInput>
  );
}
