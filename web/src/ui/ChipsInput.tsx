import { Pill, PillsInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';

const SEPARATOR_KEYS = new Set(['Enter', ',', ';', ' ', 'Tab']);

/**
 * A text field whose entries turn into chips (Mantine PillsInput). Not a combobox, because nothing is
 * suggested. A chip that `problemOf` finds wrong is marked with the reason in words, not only in colour.
 */
export function ChipsInput({
  label,
  description,
  placeholder,
  value,
  onChange,
  problemOf,
  normalise = (entry) => entry,
}: {
  label: string;
  description: string;
  placeholder: string;
  value: string[];
  onChange: (entries: string[]) => void;
  problemOf: (entry: string) => string | null;
  normalise?: (entry: string) => string;
}) {
  const [draft, setDraft] = useState('');
  const invalid = value.filter((entry) => problemOf(entry) !== null).length;

  const add = (text: string) => {
    const seen = new Set(value.map((entry) => entry.toLowerCase()));
    const added = text
      .split(/[\s,;]+/)
      .map((part) => normalise(part.trim()))
      .filter((entry) => {
        const key = entry.toLowerCase();
        if (!entry || seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    if (added.length > 0) onChange([...value, ...added]);
    setDraft('');
  };
  const remove = (entry: string) => onChange(value.filter((item) => item !== entry));

  return (
    <PillsInput
      label={label}
      description={description}
      error={
        invalid > 0
          ? `${invalid === 1 ? 'One entry is' : `${invalid} entries are`} not valid: fix or remove ${invalid === 1 ? 'it' : 'them'}.`
          : undefined
      }
    >
      <Pill.Group>
        {value.map((entry) => {
          const problem = problemOf(entry);
          return (
            <Pill
              key={entry}
              withRemoveButton
              onRemove={() => remove(entry)}
              // Mantine hides the remove button from keyboards and screen readers; here it is a real button.
              removeButtonProps={{ 'aria-label': `Remove ${entry}`, 'aria-hidden': false, tabIndex: 0 }}
              bg={problem ? 'red.1' : undefined}
              c={problem ? 'red.9' : undefined}
            >
              {problem && <IconAlertCircle size={12} aria-hidden style={{ marginRight: 4, verticalAlign: -1 }} />}
              {entry}
              {problem && ` — not valid: ${problem}`}
            </Pill>
          );
        })}
        <PillsInput.Field
          value={draft}
          placeholder={value.length ? '' : placeholder}
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
