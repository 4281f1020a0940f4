import { IsUrl, MaxLength } from 'class-validator';

/** The longest link an email may carry (accept, confirm and sign-in links are far shorter). */
const MAX_LINK_LENGTH = 2000;

/**
 * A link the email will carry: absolute http(s) (a host without a dot is fine — localhost in
 * development), at most MAX_LINK_LENGTH characters.
 */
export function IsLink(): PropertyDecorator {
  return (target, property) => {
    IsUrl(
      { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
      { message: `${String(property)} must be an absolute http(s) URL` },
    )(target, property);
    MaxLength(MAX_LINK_LENGTH)(target, property);
  };
}
