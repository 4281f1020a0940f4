import { normalizeEmail } from '@gatehouse/email-address';
import { ValidateBy, ValidationOptions } from 'class-validator';

/**
 * An address by Gatehouse's own definition (libs/email-address, the one the invite service applies),
 * so that the notification service never refuses an event for an address the rest of the system
 * accepted. It also rules out anything that could smuggle a second recipient (spaces, commas, CR/LF).
 */
export function IsEmailAddress(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isEmailAddress',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && normalizeEmail(value).ok,
        defaultMessage: (args) => `${args?.property ?? 'value'} must be an email address`,
      },
    },
    options,
  );
}
