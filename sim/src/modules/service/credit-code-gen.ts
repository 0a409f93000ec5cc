import {
  CREDIT_CODE_ALPHABET,
  creditCodeCheckCharacter,
  organizationCodeCheckCharacter,
} from '../../../../lib/validators/credit-code';

/**
 * A company code (登记管理部门 9 工商, 类别 1 企业) in the given division for seed data, with a
 * correct GB 11714 organisation code inside and a correct GB 32100-2015 check character.
 */
export function makeCreditCode(division: string, rand: () => number): string {
  let body = '';
  for (let i = 0; i < 8; i++) body += CREDIT_CODE_ALPHABET[Math.floor(rand() * 10)] ?? '0';
  const first17 = `91${division}${body}${organizationCodeCheckCharacter(body) ?? '0'}`;
  return first17 + (creditCodeCheckCharacter(first17) ?? '0');
}
