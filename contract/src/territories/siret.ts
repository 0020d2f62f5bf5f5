/** Luhn check used by SIREN/SIRET keys. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

/**
 * A SIRET is 14 digits with a Luhn key. La Poste's establishments (SIREN 356 000 000) are the
 * documented exception: their key is "sum of digits divisible by 5".
 */
export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  if (value.startsWith('356000000')) {
    const sum = [...value].reduce((acc, d) => acc + Number(d), 0);
    return sum % 5 === 0 || luhnValid(value);
  }
  return luhnValid(value);
}
